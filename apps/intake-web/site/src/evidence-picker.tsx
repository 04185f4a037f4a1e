import { describedBy } from './field';
import { ChosenFile, chooseFiles, EVIDENCE_LIMITS } from './evidence-files';
import type { Translate } from './messages';

const ACCEPT = 'image/jpeg,image/png,image/gif,image/webp,image/heic,image/heif,application/pdf,.heic,.heif';

/** Evidence files: a labelled file input (keyboard: Enter or Space opens the picker), the chosen files with a remove button each. */
export function EvidencePicker({
  files,
  onChange,
  error,
  t,
}: {
  files: ChosenFile[];
  onChange: (files: ChosenFile[]) => void;
  error?: string;
  t: Translate;
}) {
  async function add(input: HTMLInputElement) {
    const picked = Array.from(input.files ?? []);
    input.value = '';
    if (picked.length > 0) onChange([...files, ...(await chooseFiles(picked))]);
  }
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for="evidence">{t('form.evidence')}</label>
      <input
        id="evidence"
        name="evidence"
        type="file"
        multiple
        accept={ACCEPT}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy('evidence', true, error)}
        onChange={(e) => void add(e.currentTarget)}
      />
      <p class="hint" id="evidence-hint">
        {t('form.evidence.hint', { max: EVIDENCE_LIMITS.maxCount, megabytes: EVIDENCE_LIMITS.maxBytes / (1024 * 1024) })}
      </p>
      {error && (
        <p class="error" id="evidence-error">
          {error}
        </p>
      )}
      {files.length > 0 && (
        <ul class="files" aria-label={t('form.evidence.list')}>
          {files.map((f) => (
            <li key={f.id}>
              <span class="file-name">{f.file.name}</span> <span class="file-size">({formatSize(f.file.size)})</span>
              <button type="button" class="link" onClick={() => onChange(files.filter((other) => other !== f))}>
                {t('form.evidence.remove', { name: f.file.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

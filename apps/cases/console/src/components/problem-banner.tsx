import { ApiProblem } from '@complaints/web-ui';
import type { Translate } from '../i18n';
import { useI18n } from '../i18n';

/** What went wrong, in words for a person (never the raw problem document). */
export function problemText(error: unknown, t: Translate): string {
  if (!(error instanceof ApiProblem))
    return t('problem.other', { status: '?', detail: error instanceof Error ? error.message : String(error) });
  const detail = error.detail ?? error.title;
  if (error.status === 0) return t('problem.network');
  if (error.status === 400 || error.status === 422) return t('problem.invalid');
  if (error.status === 403) return t('problem.forbidden', { detail });
  if (error.status === 404) return t('problem.notFound');
  if (error.status === 409) return t('problem.conflict', { detail });
  if (error.status === 503 || error.status === 502 || error.status === 504) return t('problem.unavailable');
  return t('problem.other', { status: error.status, detail });
}

/** An error banner announced to screen readers; lists the field problems the form cannot show next to a field. */
export function ProblemBanner({ error, shownFields = [] }: { error: unknown; shownFields?: string[] }) {
  const { t } = useI18n();
  const others = error instanceof ApiProblem ? error.errors.filter((e) => !shownFields.includes(e.field)) : [];
  return (
    <div class="banner error" role="alert">
      <p class="banner-title">{problemText(error, t)}</p>
      {others.length > 0 && (
        <ul>
          {others.map((e) => (
            <li key={e.field}>
              <code>{e.field}</code>: {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

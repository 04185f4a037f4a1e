import { useRef, useState } from 'preact/hooks';
import { describedBy, Field } from '../components/field';
import { useI18n } from '../i18n';
import { navigate, paths } from '../navigation';
import { normaliseReference } from './reference';

/**
 * "Find a case": opens a case page by its reference. What was typed is trimmed and upper-cased; a
 * malformed reference is explained at the field. Whether the case exists (and may be seen) is the case
 * page's to say.
 */
export function FindCaseForm() {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);
  const id = 'find-reference';

  const submit = (event: Event) => {
    event.preventDefault();
    const result = normaliseReference(typed);
    if (!result.ok) {
      setError(t(result.problem === 'empty' ? 'find.empty' : 'find.malformed'));
      input.current?.focus();
      return;
    }
    setError(undefined);
    navigate(paths.case(result.reference));
  };

  return (
    <form class="find-case" role="search" aria-label={t('find.label')} onSubmit={submit} noValidate>
      <Field id={id} label={t('find.label')} hint={t('find.hint')} error={error}>
        <div class="find-row">
          <input
            ref={input}
            id={id}
            name="reference"
            value={typed}
            autocomplete="off"
            spellcheck={false}
            autocapitalize="characters"
            {...describedBy(id, t('find.hint'), error)}
            onInput={(e) => setTyped(e.currentTarget.value)}
          />
          <button type="submit">{t('find.submit')}</button>
        </div>
      </Field>
    </form>
  );
}

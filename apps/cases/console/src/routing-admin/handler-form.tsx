import { ApiProblem } from '@complaints/web-ui';
import { useState } from 'preact/hooks';
import { describedBy, Field } from '../components/field';
import { ProblemBanner } from '../components/problem-banner';
import type { ConsoleApi } from '../console-api';
import { key, useI18n } from '../i18n';
import type { MessageKey } from '../messages';
import { HANDLER_LANGUAGES, skillLabel, SKILL_PRODUCTS, SKILL_REASONS } from './handler-labels';
import type { Handler, HandlerChange, SavedHandler } from './types';
import { DepartmentOptions } from '../components/department-options';

/** The router's field errors said in the console's own words where it has some (else the router's message). */
const OWN_WORDS: Record<string, MessageKey> = {
  id: 'handlers.form.idInvalid',
  department: 'handlers.form.departmentInvalid',
  languages: 'handlers.form.needLanguage',
};
const FIELDS = ['id', 'name', 'department', 'skills', 'languages', 'active'];

/**
 * Adds a handler, or changes one (`editing`): PUT /v1/routing/handlers/{id}. Open cases the handler no
 * longer fits are reassigned by the router; the saved answer says which.
 */
export function HandlerForm({
  api,
  routerUrl,
  editing,
  onSaved,
  onNew,
}: {
  api: ConsoleApi;
  routerUrl: string;
  editing: Handler | null;
  onSaved: (saved: SavedHandler) => void;
  onNew: () => void;
}) {
  const texts = useI18n();
  const { t } = texts;
  const [id, setId] = useState(editing?.id ?? '');
  const [change, setChange] = useState<HandlerChange>(() => ({
    name: editing?.name ?? '',
    department: editing?.department ?? '',
    skills: editing?.skills ?? [],
    languages: editing?.languages ?? ['zh'],
    active: editing?.active ?? true,
  }));
  const [missing, setMissing] = useState<Record<string, MessageKey>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const toggle = (list: 'skills' | 'languages', code: string) => {
    const now = change[list];
    setChange({ ...change, [list]: now.includes(code) ? now.filter((c) => c !== code) : [...now, code] });
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const found: Record<string, MessageKey> = {};
    if (!id.trim()) found.id = 'field.required';
    if (!change.name.trim()) found.name = 'field.required';
    if (!change.department) found.department = 'handlers.form.departmentInvalid';
    if (change.languages.length === 0) found.languages = 'handlers.form.needLanguage';
    setMissing(found);
    setError(null);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      onSaved(
        await api.send<SavedHandler>('PUT', `${routerUrl}/v1/routing/handlers/${encodeURIComponent(id.trim())}`, {
          ...change,
          name: change.name.trim(),
        }),
      );
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (name: string): string | undefined => {
    if (missing[name]) return t(missing[name]);
    const said = error instanceof ApiProblem ? error.fieldMessage(name) : undefined;
    return said && (OWN_WORDS[name] ? t(OWN_WORDS[name]) : said);
  };
  const idHint = editing ? t('handlers.form.idFixed') : t('handlers.form.idHint');
  const skillsError = fieldError('skills');
  const languagesError = fieldError('languages');
  const checkbox = (list: 'skills' | 'languages', code: string, text: string) => (
    <label key={code} class="choice">
      <input type="checkbox" checked={change[list].includes(code)} onChange={() => toggle(list, code)} />
      {text}
    </label>
  );

  return (
    <form class="panel handler-form" onSubmit={save} noValidate aria-labelledby="handler-form-heading">
      <h2 id="handler-form-heading" tabIndex={-1}>
        {editing ? t('handlers.form.edit', { id: editing.id }) : t('handlers.form.add')}
      </h2>
      {error !== null && <ProblemBanner error={error} shownFields={FIELDS} />}
      <div class="row">
        <Field id="handler-id" label={t('handlers.form.id')} hint={idHint} error={fieldError('id')}>
          <input
            id="handler-id"
            value={id}
            readOnly={editing !== null}
            aria-required="true"
            onInput={(e) => setId(e.currentTarget.value)}
            {...describedBy('handler-id', idHint, fieldError('id'))}
          />
        </Field>
        <Field id="handler-name" label={t('handlers.form.name')} error={fieldError('name')}>
          <input
            id="handler-name"
            value={change.name}
            aria-required="true"
            onInput={(e) => setChange({ ...change, name: e.currentTarget.value })}
            {...describedBy('handler-name', undefined, fieldError('name'))}
          />
        </Field>
        <Field id="handler-department" label={t('handlers.form.department')} error={fieldError('department')}>
          <select
            id="handler-department"
            value={change.department}
            aria-required="true"
            onChange={(e) => setChange({ ...change, department: e.currentTarget.value })}
            {...describedBy('handler-department', undefined, fieldError('department'))}
          >
            <option value="">{t('handlers.form.pickDepartment')}</option>
            <DepartmentOptions />
          </select>
        </Field>
      </div>
      <fieldset class="choices" aria-describedby={skillsError ? 'handler-skills-error' : undefined}>
        <legend>{t('handlers.form.skills')}</legend>
        <fieldset class="choices">
          <legend>{t('handlers.form.products')}</legend>
          {SKILL_PRODUCTS.map((p) => checkbox('skills', p, skillLabel(p, texts)))}
        </fieldset>
        <fieldset class="choices">
          <legend>{t('handlers.form.reasons')}</legend>
          {SKILL_REASONS.map((r) => checkbox('skills', r, skillLabel(r, texts)))}
        </fieldset>
        {skillsError && (
          <p class="error" id="handler-skills-error">
            {skillsError}
          </p>
        )}
      </fieldset>
      <fieldset class="choices" aria-describedby={languagesError ? 'handler-languages-error' : undefined}>
        <legend>{t('handlers.form.languages')}</legend>
        {HANDLER_LANGUAGES.map((l) => checkbox('languages', l, t(key('handlers.lang', l))))}
        {languagesError && (
          <p class="error" id="handler-languages-error">
            {languagesError}
          </p>
        )}
      </fieldset>
      <label class="choice">
        <input type="checkbox" checked={change.active} onChange={() => setChange({ ...change, active: !change.active })} />
        {t('handlers.form.active')}
      </label>
      <div class="form-buttons">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('handlers.form.saving') : t('handlers.form.save')}
        </button>
        {editing && (
          <button type="button" onClick={onNew}>
            {t('handlers.form.new')}
          </button>
        )}
      </div>
    </form>
  );
}

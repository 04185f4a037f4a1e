import { ApiProblem } from '@complaints/web-ui';
import { useEffect, useState } from 'preact/hooks';
import { actionBody, CASE_ACTIONS, type ActionSpec, type LoadedOptions, type OptionsLoaders, withLoadedOptions } from '../case-actions';
import { describedBy, Field } from '../components/field';
import { ProblemBanner } from '../components/problem-banner';
import type { ConsoleApi } from '../console-api';
import { key, useI18n } from '../i18n';
import type { CaseDetail } from '../types';

/**
 * The actions the cases API offers this member of staff on the case now. Choosing one opens its form
 * (or confirms it when it has no fields); refusals are shown at their fields or as a readable message.
 */
export function CaseActionsPanel({
  api,
  current,
  optionsLoaders = {},
  onChanged,
}: {
  api: ConsoleApi;
  current: CaseDetail;
  optionsLoaders?: OptionsLoaders;
  onChanged: (next: CaseDetail, action: string) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const offered = Object.keys(CASE_ACTIONS).filter((a) => current.actions.includes(a));
  return (
    <section class="panel actions" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('actions.heading')}</h2>
      {offered.length === 0 && <p class="muted">{t('actions.none')}</p>}
      <div class="action-buttons">
        {offered.map((action) => (
          <button
            key={action}
            type="button"
            aria-expanded={open === action}
            aria-controls={open === action ? 'action-form' : undefined}
            class={open === action ? 'primary' : undefined}
            onClick={() => setOpen(open === action ? null : action)}
          >
            {t(key('action', action))}
          </button>
        ))}
      </div>
      {open && CASE_ACTIONS[open] && (
        <ActionForm
          key={open}
          api={api}
          current={current}
          optionsLoaders={optionsLoaders}
          action={open}
          spec={CASE_ACTIONS[open]}
          onCancel={() => setOpen(null)}
          onDone={(next) => {
            setOpen(null);
            onChanged(next, open);
          }}
        />
      )}
    </section>
  );
}

/** Each field's loaded choices (by field name), from the options sources its fields name; a field whose choices arrive starts unchosen again. */
function useLoadedOptions(
  spec: ActionSpec,
  current: CaseDetail,
  loaders: OptionsLoaders,
  onArrived: (field: string) => void,
): Record<string, LoadedOptions> {
  const [loaded, setLoaded] = useState<Record<string, LoadedOptions>>(() => {
    const pending: Record<string, LoadedOptions> = {};
    for (const field of spec.fields) {
      const loader = field.optionsSource && loaders[field.optionsSource];
      if (loader) pending[field.name] = { options: [], hint: loader.pending(current) };
    }
    return pending;
  });
  useEffect(() => {
    let live = true;
    for (const field of spec.fields) {
      const loader = field.optionsSource && loaders[field.optionsSource];
      if (!loader) continue;
      void loader.load(current).then((result) => {
        if (!live) return;
        setLoaded((before) => ({ ...before, [field.name]: result }));
        if (result.options.length > 0) onArrived(field.name);
      });
    }
    return () => {
      live = false;
    };
    // Once, when the form opens.
  }, []);
  return loaded;
}

function ActionForm({
  api,
  current,
  optionsLoaders,
  action,
  spec: declared,
  onCancel,
  onDone,
}: {
  api: ConsoleApi;
  current: CaseDetail;
  optionsLoaders: OptionsLoaders;
  action: string;
  spec: ActionSpec;
  onCancel: () => void;
  onDone: (next: CaseDetail) => void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState<Record<string, string>>({});
  const loaded = useLoadedOptions(declared, current, optionsLoaders, (name) =>
    setValues((before) => {
      const { [name]: _typed, ...rest } = before;
      return rest;
    }),
  );
  const spec: ActionSpec = { ...declared, fields: declared.fields.map((field) => withLoadedOptions(field, loaded[field.name])) };
  const reference = current.reference;
  const [missing, setMissing] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const actionName = t(key('action', action));

  const submit = async (event: Event) => {
    event.preventDefault();
    const empty = spec.fields.filter((f) => f.required && !f.options && !(values[f.name] ?? '').trim()).map((f) => f.name);
    setMissing(empty);
    if (empty.length) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await api.send<CaseDetail>('POST', `/v1/cases/${encodeURIComponent(reference)}/${spec.path}`, actionBody(spec, values)));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (name: string) =>
    missing.includes(name) ? t('field.required') : error instanceof ApiProblem ? error.fieldMessage(name) : undefined;
  return (
    <form id="action-form" class="action-form" onSubmit={submit} noValidate aria-label={actionName}>
      {error !== null && <ProblemBanner error={error} shownFields={spec.fields.map((f) => f.name)} />}
      {spec.fields.map((field) => {
        const id = `action-${field.name}`;
        const err = fieldError(field.name);
        const hint = field.hint && t(field.hint.key, field.hint.values);
        const common = { id, name: field.name, ...describedBy(id, hint, err), 'aria-required': field.required || undefined };
        const value = values[field.name] ?? '';
        const onInput = (e: Event) => setValues({ ...values, [field.name]: (e.currentTarget as HTMLInputElement).value });
        return (
          <Field key={field.name} id={id} label={t(field.label)} hint={hint} error={err}>
            {field.control === 'textarea' && <textarea {...common} rows={3} value={value} onInput={onInput} />}
            {field.control === 'text' && <input {...common} value={value} onInput={onInput} />}
            {field.control === 'select' && (
              <select {...common} value={value || field.options?.[0]?.value} onChange={onInput}>
                {field.options?.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.text ?? (o.label ? t(o.label, o.values) : o.value)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        );
      })}
      <div class="form-buttons">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('actions.working') : t('actions.submit', { action: actionName })}
        </button>
        <button type="button" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
      </div>
    </form>
  );
}

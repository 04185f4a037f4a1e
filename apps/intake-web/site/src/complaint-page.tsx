import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Lang } from '@complaints/web-ui';
import { PRODUCT_LABELS, PRODUCTS } from '@complaints/contracts/taxonomy';
import { REGIONS } from '@complaints/contracts/regions';
import { checkWebComplaint, RULE_MESSAGES, WEB_COMPLAINT_LIMITS } from '@complaints/contracts/web-complaint.rules';
import { bodyOf, clearDraft, ComplaintDraft, draftOf, EMPTY_DRAFT, loadDraft, saveDraft } from './complaint-draft';
import { ConfirmationView } from './confirmation-view';
import { EvidencePicker } from './evidence-picker';
import { ChosenFile, encodeFiles, evidenceProblems } from './evidence-files';
import { describedBy, ErrorSummary, Field } from './field';
import type { Translate } from './messages';
import { localiseFieldMessage, problemText } from './problem-text';
import { OutboxState, SubmissionOutbox } from './submission-outbox';

/** Form control ids of the API's field paths. */
const CONTROL_OF: Record<string, string> = {
  'customer.name': 'name',
  'customer.phone': 'phone',
  'customer.email': 'email',
  customer: 'name',
  product: 'product',
  region: 'region',
  text: 'text',
  consent: 'consent',
};
const FORM_ORDER = ['name', 'phone', 'email', 'product', 'region', 'text', 'evidence', 'consent'];

type Errors = Record<string, string>;

/** The complaint form, then the confirmation; a submission that cannot be sent yet is kept and retried. */
export function ComplaintPage({ lang, t }: { lang: Lang; t: Translate }) {
  const outbox = useMemo(() => new SubmissionOutbox(), []);
  const [state, setState] = useState<OutboxState>({ kind: 'idle' });
  const [saved] = useState(loadDraft);
  const [draft, setDraft] = useState<ComplaintDraft>(saved ?? EMPTY_DRAFT);
  const [restored, setRestored] = useState(saved !== null);
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [other, setOther] = useState<string | undefined>();
  const [checked, setChecked] = useState(false);
  const [preparing, setPreparing] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const unsubscribe = outbox.subscribe(setState);
    outbox.start();
    return () => {
      unsubscribe();
      outbox.stop();
    };
  }, [outbox]);

  useEffect(() => {
    if (state.kind === 'sending' || state.kind === 'waiting') setDraft(draftOf(state.pending.body));
    if (state.kind === 'accepted') {
      clearDraft();
      setRestored(false);
      setFiles([]);
    }
    if (state.kind === 'refused') {
      const fieldErrors: Errors = {};
      const unplaced: string[] = [];
      for (const { field, message } of state.problem.errors) {
        const control = field.startsWith('attachments') ? 'evidence' : CONTROL_OF[field];
        const text = localiseFieldMessage(message, lang);
        const index = /^attachments\[(\d+)\]/.exec(field)?.[1];
        const named = index !== undefined && files[Number(index)] ? `${files[Number(index)].file.name}: ${text}` : text;
        if (control) fieldErrors[control] = fieldErrors[control] ? `${fieldErrors[control]} ${named}` : named;
        else unplaced.push(field);
      }
      setErrors(fieldErrors);
      setOther(Object.keys(fieldErrors).length === 0 || unplaced.length > 0 ? problemText(state.problem, t) : undefined);
      setTimeout(() => summary.current?.focus(), 0);
    }
  }, [state]);

  // Chinese in the order of the codes (as official lists are); English alphabetically.
  const regions = useMemo(() => (lang === 'zh' ? [...REGIONS] : [...REGIONS].sort((a, b) => a.en.localeCompare(b.en, 'en'))), [lang]);

  const busy = preparing || state.kind === 'sending' || state.kind === 'waiting';

  function normalised(d: ComplaintDraft): ComplaintDraft {
    return { ...d, name: d.name.trim(), phone: d.phone.trim(), email: d.email.trim() };
  }

  function clientErrors(d: ComplaintDraft, chosen: ChosenFile[]): Errors {
    const found: Errors = {};
    for (const breach of checkWebComplaint({ ...normalised(d), idNumber: '' })) {
      found[CONTROL_OF[breach.field]] ??= RULE_MESSAGES[lang][breach.rule];
    }
    const evidence = evidenceProblems(chosen, lang);
    if (evidence.length > 0) found.evidence = evidence.join(' ');
    return found;
  }

  function update(change: Partial<ComplaintDraft>) {
    const next = { ...draft, ...change };
    setDraft(next);
    saveDraft(next);
    if (checked) setErrors(clientErrors(next, files));
  }

  function updateFiles(next: ChosenFile[]) {
    setFiles(next);
    const evidence = evidenceProblems(next, lang);
    setErrors((current) => {
      const { evidence: _previous, ...rest } = checked ? clientErrors(draft, next) : current;
      return evidence.length > 0 ? { ...rest, evidence: evidence.join(' ') } : rest;
    });
  }

  async function send(event: Event) {
    event.preventDefault();
    if (busy) return;
    setChecked(true);
    setOther(undefined);
    const found = clientErrors(draft, files);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setTimeout(() => summary.current?.focus(), 0);
      return;
    }
    setPreparing(true);
    try {
      outbox.submit(bodyOf(normalised(draft), await encodeFiles(files)));
    } catch {
      setErrors({ evidence: t('error.generic') });
    } finally {
      setPreparing(false);
    }
  }

  if (state.kind === 'accepted') {
    return (
      <ConfirmationView
        accepted={state.accepted}
        t={t}
        onAnother={() => {
          outbox.reset();
          setDraft(EMPTY_DRAFT);
          setChecked(false);
          setErrors({});
        }}
      />
    );
  }

  const errorItems = FORM_ORDER.filter((id) => errors[id]).map((id) => ({ id: id === 'evidence' ? 'evidence' : id, message: errors[id] }));

  return (
    <>
      <h1>{t('form.title')}</h1>
      <p>{t('home.intro')}</p>
      {restored && state.kind === 'idle' && <p class="banner info">{t('form.draft.restored')}</p>}
      <div role="status" aria-live="polite" class="live-region">
        {state.kind === 'waiting' && (
          <div class="banner warning">
            <p>{state.offline ? t('pending.offline') : t('pending.retrying', { attempt: state.pending.attempts })}</p>
            <button type="button" onClick={() => outbox.retryNow()}>
              {t('pending.retryNow')}
            </button>
          </div>
        )}
        {state.kind === 'sending' && state.pending.attempts > 0 && <p class="banner info">{t('pending.sending')}</p>}
      </div>
      {(errorItems.length > 0 || other) && (
        <ErrorSummary
          title={errorItems.length > 0 ? t('form.errors.title', { count: errorItems.length }) : t('form.errors.other')}
          items={errorItems}
          other={other}
          summaryRef={summary}
        />
      )}
      <form onSubmit={send} noValidate>
        <p class="hint">{t('form.required')}</p>
        <fieldset class="plain" disabled={busy}>
          <Field id="name" label={t('form.name')} error={errors.name} required>
            <input
              id="name"
              name="name"
              autocomplete="name"
              value={draft.name}
              aria-required="true"
              aria-invalid={errors.name ? 'true' : undefined}
              aria-describedby={describedBy('name', false, errors.name)}
              onInput={(e) => update({ name: e.currentTarget.value })}
            />
          </Field>
          <Field id="phone" label={t('form.phone')} hint={t('form.phone.hint')} error={errors.phone} required>
            <input
              id="phone"
              name="phone"
              type="tel"
              inputMode="tel"
              autocomplete="tel"
              value={draft.phone}
              aria-required="true"
              aria-invalid={errors.phone ? 'true' : undefined}
              aria-describedby={describedBy('phone', true, errors.phone)}
              onInput={(e) => update({ phone: e.currentTarget.value })}
            />
          </Field>
          <Field id="email" label={t('form.email')} error={errors.email}>
            <input
              id="email"
              name="email"
              type="email"
              inputMode="email"
              autocomplete="email"
              value={draft.email}
              aria-invalid={errors.email ? 'true' : undefined}
              aria-describedby={describedBy('email', false, errors.email)}
              onInput={(e) => update({ email: e.currentTarget.value })}
            />
          </Field>
          <Field id="product" label={t('form.product')} error={errors.product}>
            <select
              id="product"
              name="product"
              value={draft.product}
              aria-invalid={errors.product ? 'true' : undefined}
              aria-describedby={describedBy('product', false, errors.product)}
              onChange={(e) => update({ product: e.currentTarget.value })}
            >
              <option value="">{t('form.product.none')}</option>
              {PRODUCTS.map((p) => (
                <option key={p} value={p}>
                  {PRODUCT_LABELS[p][lang]}
                </option>
              ))}
            </select>
          </Field>
          <Field id="region" label={t('form.region')} hint={t('form.region.hint')} error={errors.region}>
            <select
              id="region"
              name="region"
              autocomplete="address-level1"
              value={draft.region}
              aria-invalid={errors.region ? 'true' : undefined}
              aria-describedby={describedBy('region', true, errors.region)}
              onChange={(e) => update({ region: e.currentTarget.value })}
            >
              <option value="">{t('form.region.none')}</option>
              {regions.map((r) => (
                <option key={r.code} value={r.code}>
                  {r[lang]}
                </option>
              ))}
            </select>
          </Field>
          <Field id="text" label={t('form.text')} hint={t('form.text.hint')} error={errors.text} required>
            <textarea
              id="text"
              name="text"
              rows={7}
              value={draft.text}
              aria-required="true"
              aria-invalid={errors.text ? 'true' : undefined}
              aria-describedby={[describedBy('text', true, errors.text), 'text-count'].join(' ')}
              onInput={(e) => update({ text: e.currentTarget.value })}
            />
            <p class="hint count" id="text-count">
              {t('form.text.count', { count: draft.text.length, max: WEB_COMPLAINT_LIMITS.textMaxLength })}
            </p>
          </Field>
          <EvidencePicker files={files} onChange={updateFiles} error={errors.evidence} t={t} />
          <div class={`field checkbox${errors.consent ? ' has-error' : ''}`}>
            <input
              id="consent"
              name="consent"
              type="checkbox"
              checked={draft.consent}
              aria-required="true"
              aria-invalid={errors.consent ? 'true' : undefined}
              aria-describedby={describedBy('consent', true, errors.consent)}
              onChange={(e) => update({ consent: e.currentTarget.checked })}
            />
            <label for="consent">
              {t('form.consent')}
              <span aria-hidden="true" class="required">
                {' '}
                *
              </span>
            </label>
            <p class="hint" id="consent-hint">
              {t('form.consent.hint')}
            </p>
            {errors.consent && (
              <p class="error" id="consent-error">
                {errors.consent}
              </p>
            )}
          </div>
          <button type="submit" class="primary wide">
            {busy ? t('form.sending') : t('form.submit')}
          </button>
        </fieldset>
      </form>
    </>
  );
}

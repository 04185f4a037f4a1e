import { useRef, useState } from 'preact/hooks';
import { ApiProblem, requestJson, type Lang } from '@complaints/web-ui';
import { checkLookUp, RULE_MESSAGES } from '@complaints/contracts/web-complaint.rules';
import { ComplaintKeyFields } from './complaint-key-fields';
import { ErrorSummary } from './field';
import { MESSAGES, type MessageKey, type Translate } from './messages';
import { fieldErrors, problemText } from './problem-text';
import { onLinkClick } from './router';

interface ComplaintStatus {
  reference: string;
  status: string;
  receivedAt: string;
  updatedAt: string;
  updates: Array<{ at: string; kind: string; message?: string }>;
}

const RATEABLE = new Set(['RESPONDED', 'RESOLVED', 'CLOSED']);
/** Statuses in which the customer has our decision, and is told where to turn when they disagree. */
const DECIDED = new Set(['RESOLVED', 'CLOSED']);
const MESSAGE_KEYS = MESSAGES.zh;

/** Status look-up: the reference and the phone's last four digits give the status and the updates. */
export function StatusPage({ lang, t, initialReference }: { lang: Lang; t: Translate; initialReference: string }) {
  const [reference, setReference] = useState(initialReference);
  const [phoneLast4, setPhoneLast4] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | undefined>();
  const [found, setFound] = useState<ComplaintStatus | undefined>();
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const result = useRef<HTMLHeadingElement>(null);

  async function search(event: Event) {
    event.preventDefault();
    const form = { reference: reference.trim().toUpperCase(), phoneLast4: phoneLast4.trim() };
    const breaches = checkLookUp(form);
    setErrors(Object.fromEntries(breaches.map((b) => [b.field, RULE_MESSAGES[lang][b.rule]])));
    setNotice(undefined);
    setFound(undefined);
    if (breaches.length > 0) return void setTimeout(() => summary.current?.focus(), 0);
    setBusy(true);
    try {
      setFound(await requestJson<ComplaintStatus>('/v1/complaints/lookup', { method: 'POST', json: form }));
      setTimeout(() => result.current?.focus(), 0);
    } catch (error) {
      const problem = ApiProblem.of(error);
      if (problem.errors.length > 0) setErrors(fieldErrors(problem, lang));
      setNotice(problem.status === 404 ? t('status.notFound') : problem.errors.length > 0 ? undefined : problemText(problem, t));
    } finally {
      setBusy(false);
    }
  }

  const items = ['reference', 'phoneLast4'].filter((f) => errors[f]).map((f) => ({ id: f, message: errors[f] }));
  const date = (iso: string) =>
    new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  const stateLabel = (status: string) => (`state.${status}` in MESSAGE_KEYS ? t(`state.${status}` as MessageKey) : status);
  const updateLabel = (kind: string) => (`update.${kind}` in MESSAGE_KEYS ? t(`update.${kind}` as MessageKey) : t('update.other'));

  return (
    <>
      <h1>{t('status.title')}</h1>
      <p>{t('status.intro')}</p>
      {items.length > 0 && <ErrorSummary title={t('form.errors.title', { count: items.length })} items={items} summaryRef={summary} />}
      <form onSubmit={search} noValidate>
        <ComplaintKeyFields
          t={t}
          reference={reference}
          phoneLast4={phoneLast4}
          errors={errors}
          onReference={setReference}
          onPhoneLast4={setPhoneLast4}
        />
        <button type="submit" class="primary wide" disabled={busy}>
          {busy ? t('status.searching') : t('status.submit')}
        </button>
      </form>
      <div role="status" aria-live="polite" class="live-region">
        {notice && <p class="banner error">{notice}</p>}
      </div>
      {found && (
        <section class="result" aria-labelledby="result-title">
          <h2 id="result-title" tabIndex={-1} ref={result}>
            {t('status.result', { reference: found.reference })}
          </h2>
          <dl class="facts">
            <dt>{t('status.current')}</dt>
            <dd class="status-value">{stateLabel(found.status)}</dd>
            <dt>{t('status.received')}</dt>
            <dd>{date(found.receivedAt)}</dd>
            <dt>{t('status.updated')}</dt>
            <dd>{date(found.updatedAt)}</dd>
          </dl>
          <h3>{t('status.updates')}</h3>
          {found.updates.length === 0 ? (
            <p>{t('status.noUpdates')}</p>
          ) : (
            <ol class="updates">
              {found.updates.map((u) => (
                <li key={`${u.at}-${u.kind}`}>
                  <span class="when">{date(u.at)}</span> <strong>{updateLabel(u.kind)}</strong>
                  {u.message && <p>{u.message}</p>}
                </li>
              ))}
            </ol>
          )}
          {RATEABLE.has(found.status) && (
            <p>
              <a href={`/survey?reference=${encodeURIComponent(found.reference)}`} onClick={onLinkClick}>
                {t('status.rate')}
              </a>
            </p>
          )}
          {DECIDED.has(found.status) && <p class="hint">{t('status.disagree')}</p>}
        </section>
      )}
    </>
  );
}

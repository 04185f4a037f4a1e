import { useRef, useState } from 'preact/hooks';
import { ApiProblem, requestJson, type Lang } from '@complaints/web-ui';
import { checkSurvey, RULE_MESSAGES } from '@complaints/contracts/web-complaint.rules';
import { ComplaintKeyFields } from './complaint-key-fields';
import { describedBy, ErrorSummary, Field } from './field';
import type { MessageKey, Translate } from './messages';
import { fieldErrors, problemText } from './problem-text';

const SCORES = [1, 2, 3, 4, 5] as const;

/** The satisfaction survey (sent on resolution): 1-5 and a comment, for the reference and the phone's last four digits. */
export function SurveyPage({ lang, t, initialReference }: { lang: Lang; t: Translate; initialReference: string }) {
  const [reference, setReference] = useState(initialReference);
  const [phoneLast4, setPhoneLast4] = useState('');
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error' | 'info'; text: string } | undefined>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  async function send(event: Event) {
    event.preventDefault();
    const form = { reference: reference.trim().toUpperCase(), phoneLast4: phoneLast4.trim(), score, comment };
    const breaches = checkSurvey(form);
    setErrors(Object.fromEntries(breaches.map((b) => [b.field, RULE_MESSAGES[lang][b.rule]])));
    setNotice(undefined);
    if (breaches.length > 0) return void setTimeout(() => summary.current?.focus(), 0);
    setBusy(true);
    try {
      await requestJson(`/v1/complaints/${encodeURIComponent(form.reference)}/satisfaction`, {
        method: 'POST',
        json: { phoneLast4: form.phoneLast4, score: form.score, ...(comment.trim() ? { comment: comment.trim() } : {}) },
      });
      setDone(true);
      setNotice({ kind: 'ok', text: t('survey.thanks') });
    } catch (error) {
      const problem = ApiProblem.of(error);
      if (problem.errors.length > 0) setErrors(fieldErrors(problem, lang));
      if (problem.status === 409)
        setNotice({ kind: 'info', text: t(problem.type?.endsWith('/already-rated') ? 'survey.alreadyRated' : 'survey.notYet') });
      else if (problem.status === 404) setNotice({ kind: 'error', text: t('survey.notFound') });
      else if (problem.errors.length === 0) setNotice({ kind: 'error', text: problemText(problem, t) });
    } finally {
      setBusy(false);
    }
  }

  const items = ['reference', 'phoneLast4', 'score', 'comment']
    .filter((f) => errors[f])
    .map((f) => ({ id: f === 'score' ? 'score-1' : f, message: errors[f] }));

  return (
    <>
      <h1>{t('survey.title')}</h1>
      <p>{t('survey.intro')}</p>
      {items.length > 0 && <ErrorSummary title={t('form.errors.title', { count: items.length })} items={items} summaryRef={summary} />}
      <div role="status" aria-live="polite" class="live-region">
        {notice && <p class={`banner ${notice.kind}`}>{notice.text}</p>}
      </div>
      {!done && (
        <form onSubmit={send} noValidate>
          <ComplaintKeyFields
            t={t}
            reference={reference}
            phoneLast4={phoneLast4}
            errors={errors}
            onReference={setReference}
            onPhoneLast4={setPhoneLast4}
          />
          <fieldset class={`field scores${errors.score ? ' has-error' : ''}`} aria-describedby={errors.score ? 'score-error' : undefined}>
            <legend>
              {t('survey.score')}
              <span aria-hidden="true" class="required">
                {' '}
                *
              </span>
            </legend>
            {SCORES.map((n) => (
              <div class="radio" key={n}>
                <input type="radio" id={`score-${n}`} name="score" value={n} checked={score === n} onChange={() => setScore(n)} />
                <label for={`score-${n}`}>{t(`survey.score.${n}` as MessageKey)}</label>
              </div>
            ))}
            {errors.score && (
              <p class="error" id="score-error">
                {errors.score}
              </p>
            )}
          </fieldset>
          <Field id="comment" label={t('survey.comment')} error={errors.comment}>
            <textarea
              id="comment"
              name="comment"
              rows={4}
              value={comment}
              aria-invalid={errors.comment ? 'true' : undefined}
              aria-describedby={describedBy('comment', false, errors.comment)}
              onInput={(e) => setComment(e.currentTarget.value)}
            />
          </Field>
          <button type="submit" class="primary wide" disabled={busy}>
            {busy ? t('survey.sending') : t('survey.submit')}
          </button>
        </form>
      )}
    </>
  );
}

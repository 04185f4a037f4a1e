import { useEffect, useRef } from 'preact/hooks';
import { onLinkClick } from './router';
import type { Translate } from './messages';
import type { ComplaintAccepted } from './submission-outbox';

/** The confirmation: the reference, what happens next (48 h, 15 days) and how to follow the complaint. */
export function ConfirmationView({ accepted, t, onAnother }: { accepted: ComplaintAccepted; t: Translate; onAnother: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const statusHref = `/status?reference=${encodeURIComponent(accepted.reference)}`;
  return (
    <section aria-labelledby="confirm-title">
      <h1 id="confirm-title" tabIndex={-1} ref={heading}>
        {t('confirm.title')}
      </h1>
      <div class="banner ok">
        <p>{t('confirm.reference')}</p>
        <p class="reference" id="reference">
          {accepted.reference}
        </p>
        <p>{t('confirm.keep')}</p>
      </div>
      {accepted.attachments.length > 0 && <p>{t('confirm.evidence', { count: accepted.attachments.length })}</p>}
      <h2>{t('confirm.next')}</h2>
      <ol class="next-steps">
        <li>{t('confirm.feedback', { hours: accepted.promises.feedbackWithinHours })}</li>
        <li>{t('confirm.decision', { days: accepted.promises.decisionWithinDays })}</li>
        <li>{t('confirm.status')}</li>
      </ol>
      <p>
        <a href={statusHref} onClick={onLinkClick}>
          {t('confirm.statusLink')}
        </a>
      </p>
      <button type="button" onClick={onAnother}>
        {t('confirm.another')}
      </button>
    </section>
  );
}

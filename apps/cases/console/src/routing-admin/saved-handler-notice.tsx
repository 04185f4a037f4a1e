import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n';
import type { SavedHandler } from './types';

/** What a save did: the handler, and the open cases the router moved off them (to whom, or back to the queue). */
export function SavedHandlerNotice({ saved, deactivated }: { saved: SavedHandler; deactivated: boolean }) {
  const { t } = useI18n();
  const element = useRef<HTMLDivElement>(null);
  // The person's control (a form or a confirmation) is gone: the outcome takes the focus.
  useEffect(() => element.current?.focus(), [saved]);
  const { handler, reassigned } = saved;
  return (
    <div class="banner ok saved-handler" role="status" tabIndex={-1} ref={element}>
      <p>
        {deactivated
          ? t('handlers.deactivated', { id: handler.id, name: handler.name })
          : t('handlers.saved', { id: handler.id, name: handler.name })}
      </p>
      {reassigned.length === 0 ? (
        <p>{t('handlers.reassignedNone')}</p>
      ) : (
        <>
          <p>{t('handlers.reassigned', { n: reassigned.length })}</p>
          <ul>
            {reassigned.map((m) => (
              <li key={m.complaintId}>
                {m.to
                  ? t('handlers.movedTo', { reference: m.reference, to: m.to })
                  : t('handlers.movedToQueue', { reference: m.reference })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

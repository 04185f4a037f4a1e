import { useEffect, useRef, useState } from 'preact/hooks';
import { ProblemBanner } from '../components/problem-banner';
import type { ConsoleApi } from '../console-api';
import { useI18n } from '../i18n';
import type { Handler, HandlerChange, SavedHandler } from './types';

/** Deactivating a handler, once confirmed: they get no new cases and the router moves their open ones. */
export function DeactivateHandler({
  api,
  routerUrl,
  handler,
  onDone,
  onCancel,
}: {
  api: ConsoleApi;
  routerUrl: string;
  handler: Handler;
  onDone: (saved: SavedHandler) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [handler.id]);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    const change: HandlerChange = {
      name: handler.name,
      department: handler.department,
      skills: handler.skills,
      languages: handler.languages,
      active: false,
    };
    try {
      onDone(await api.send<SavedHandler>('PUT', `${routerUrl}/v1/routing/handlers/${encodeURIComponent(handler.id)}`, change));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel confirm" aria-labelledby="deactivate-heading">
      <h2 id="deactivate-heading" ref={heading} tabIndex={-1}>
        {t('handlers.deactivateHeading', { name: handler.name, id: handler.id })}
      </h2>
      <p>{t('handlers.deactivateExplain', { name: handler.name, open: handler.openCases })}</p>
      {error !== null && <ProblemBanner error={error} />}
      <div class="form-buttons">
        <button type="button" class="primary" disabled={busy} onClick={() => void confirm()}>
          {busy ? t('handlers.deactivating') : t('handlers.deactivateConfirm', { id: handler.id })}
        </button>
        <button type="button" onClick={onCancel}>
          {t('handlers.cancel')}
        </button>
      </div>
    </section>
  );
}

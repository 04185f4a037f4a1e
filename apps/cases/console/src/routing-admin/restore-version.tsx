import { ApiProblem } from '@complaints/web-ui';
import { useEffect, useRef, useState } from 'preact/hooks';
import { describedBy, Field } from '../components/field';
import { ProblemBanner } from '../components/problem-banner';
import type { ConsoleApi } from '../console-api';
import { useI18n } from '../i18n';
import type { RuleSet } from '../types';

/**
 * The explicit confirmation of a rollback: what will happen, why (for the audit trail), then the
 * restore from the active version the person saw; a concurrent change (409) is explained, with a reload.
 */
export function RestoreVersion({
  api,
  routerUrl,
  version,
  activeVersion,
  onCancel,
  onRestored,
  onReload,
}: {
  api: ConsoleApi;
  routerUrl: string;
  version: number;
  activeVersion: number;
  onCancel: () => void;
  onRestored: (next: RuleSet) => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const restore = async (event: Event) => {
    event.preventDefault();
    setMissing(!comment.trim());
    if (!comment.trim()) return;
    setBusy(true);
    setError(null);
    try {
      onRestored(
        await api.send<RuleSet>('POST', `${routerUrl}/v1/routing/rules/versions/${version}/restore`, {
          expectedVersion: activeVersion,
          comment: comment.trim(),
        }),
      );
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const conflict = error instanceof ApiProblem && error.status === 409;
  // The router names the active version in its expectedVersion field error.
  const nowActive = conflict ? (error.fieldMessage('expectedVersion')?.match(/\d+/)?.[0] ?? '?') : '';
  const commentError = missing ? t('field.required') : error instanceof ApiProblem ? error.fieldMessage('comment') : undefined;
  return (
    <form class="panel restore" onSubmit={restore} noValidate aria-labelledby="restore-heading">
      <h4 id="restore-heading" ref={heading} tabIndex={-1}>
        {t('versions.restoreHeading', { version })}
      </h4>
      <p>{t('versions.restoreExplain', { version, active: activeVersion, next: activeVersion + 1 })}</p>
      {conflict && (
        <div class="banner error" role="alert">
          <p>{t('versions.conflict', { version: nowActive })}</p>
          <button type="button" onClick={onReload}>
            {t('admin.reload')}
          </button>
        </div>
      )}
      {error !== null && !conflict && <ProblemBanner error={error} shownFields={['comment']} />}
      <Field id="restore-comment" label={t('versions.restoreComment')} error={commentError}>
        <input
          id="restore-comment"
          value={comment}
          onInput={(e) => setComment(e.currentTarget.value)}
          aria-required="true"
          {...describedBy('restore-comment', undefined, commentError)}
        />
      </Field>
      <div class="form-buttons">
        <button type="submit" class="primary" disabled={busy || conflict}>
          {busy ? t('versions.restoring') : t('versions.restoreConfirm', { version })}
        </button>
        <button type="button" onClick={onCancel}>
          {t('versions.cancel')}
        </button>
      </div>
    </form>
  );
}

import type { Lang } from '@complaints/web-ui';
import { Fragment } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ProblemBanner } from '../components/problem-banner';
import type { ConsoleApi } from '../console-api';
import { key, useI18n, type I18n } from '../i18n';
import type { MessageKey } from '../messages';
import type { TimelineItem } from '../types';
import { auditActor, describeAudit, entriesOf, type AuditDetail, type AuditEntry, type AuditTrail } from './audit-trail';

/** A moment of the audit trail, to the second. */
function auditTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
}

const KNOWN_ACTIONS = new Set(
  'open link-complaint check-sla reassign claim assign start send-feedback add-note propose-resolution resolve close reopen escalate refer-to-mediation record-mediation-outcome record-satisfaction withdraw archive request-extension decide-extension pause-clock resume-clock'.split(
    ' ',
  ),
);
const SYSTEM_PARTS = new Set(['cases', 'sla-watcher', 'router', 'customer-survey']);

/**
 * The case's append-only audit trail (GET /v1/cases/{reference}/audit), folded away until opened; loaded
 * when opened and again whenever `version` changes (an action taken on the page) while it is open.
 */
export function AuditSection({
  api,
  reference,
  timeline,
  version,
}: {
  api: ConsoleApi;
  reference: string;
  timeline: TimelineItem[];
  version: number;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [trail, setTrail] = useState<AuditTrail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setTrail(await api.get<AuditTrail>(`/v1/cases/${encodeURIComponent(reference)}/audit`));
      setError(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setLoading(false);
    }
  }, [api, reference]);

  useEffect(() => {
    if (open) void load();
  }, [open, load, version]);

  return (
    <section class="panel audit" aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t('audit.heading')}</h2>
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('audit.show')}</summary>
        <p class="muted">{t('audit.intro')}</p>
        {loading && <p role="status">{trail ? t('audit.updating') : t('audit.loading')}</p>}
        {error !== null && (
          <>
            <ProblemBanner error={error} />
            <button type="button" onClick={() => void load()} disabled={loading}>
              {t('audit.retry')}
            </button>
          </>
        )}
        {trail && trail.items.length === 0 && <p class="muted">{t('audit.empty')}</p>}
        {trail && trail.items.length > 0 && (
          <>
            <p class="hint">{t('audit.count', { n: trail.items.length })}</p>
            <ol class="audit-trail">
              {trail.items.map((entry, index) => (
                <AuditItem key={`${entry.at}-${index}`} entry={entry} timeline={timeline} />
              ))}
            </ol>
          </>
        )}
      </details>
    </section>
  );
}

function AuditItem({ entry, timeline }: { entry: AuditEntry; timeline: TimelineItem[] }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { status, details } = describeAudit(entry);
  const rows = details.map((detail) => detailRow(detail, i18n));
  // The words that went with the action (a note, the message to the customer, a reason) are in the timeline it wrote.
  for (const item of entriesOf(entry, timeline)) {
    const message = item.details.message;
    if (typeof message === 'string' && message && !rows.some((r) => r.value === message)) {
      rows.push({
        label: t(
          item.type === 'note_added' ? 'audit.field.note' : item.type === 'feedback_sent' ? 'audit.field.feedback' : 'audit.field.message',
        ),
        value: message,
      });
    }
    const reason = item.details.reason;
    if (typeof reason === 'string' && reason && !rows.some((r) => r.value.includes(reason)))
      rows.push({ label: t('audit.field.reason'), value: reason });
  }
  const action = KNOWN_ACTIONS.has(entry.action) ? t(key('audit.action', entry.action)) : t('audit.action.other', { action: entry.action });
  return (
    <li data-action={entry.action}>
      <p class="entry-head">
        <strong>{action}</strong> <time dateTime={entry.at}>{auditTime(entry.at, lang)}</time>
      </p>
      <p class="entry-detail">{t('audit.actor', { actor: actorName(entry, i18n) })}</p>
      <p class="entry-detail">
        {status === null
          ? t('audit.status.same')
          : status.from === null
            ? t('audit.status.opened', { to: t(key('status', status.to)) })
            : t('audit.status.change', { from: t(key('status', status.from)), to: t(key('status', status.to)) })}
      </p>
      {rows.length > 0 ? (
        <dl class="facts audit-details">
          {rows.map((row, n) => (
            <Fragment key={n}>
              <dt>{row.label}</dt>
              <dd class="entry-message">{row.value}</dd>
            </Fragment>
          ))}
        </dl>
      ) : (
        status === null && <p class="muted">{t('audit.nothingElse')}</p>
      )}
    </li>
  );
}

function actorName(entry: AuditEntry, { t, lang }: I18n): string {
  const actor = auditActor(entry);
  if (actor.kind === 'customer') return t('audit.actor.customer');
  if (actor.kind === 'system')
    return SYSTEM_PARTS.has(actor.id) ? t(key('audit.actor.system', actor.id)) : t('audit.actor.system', { id: actor.id });
  const roles = actor.roles.map((r) => t(key('role', r))).join(lang === 'zh' ? '、' : ', ');
  return t('audit.actor.staff', { id: actor.id, roles });
}

/** One fact of an entry as a term and its value, in words. */
function detailRow(detail: AuditDetail, { t, lang, label }: I18n): { label: string; value: string } {
  const name = t(`audit.field.${detail.field}` as MessageKey);
  const fromTo = (from: string, to: string) => (from ? t('audit.fromTo', { from, to }) : to);
  switch (detail.field) {
    case 'assignee':
      return { label: name, value: fromTo(detail.from ?? t('audit.nobody'), detail.to ?? t('audit.nobody')) };
    case 'department':
      return {
        label: name,
        value: fromTo(detail.from ? label('department', detail.from) : '', detail.to ? label('department', detail.to) : t('audit.nobody')),
      };
    case 'priority':
      return {
        label: name,
        value: fromTo(detail.from ? t(key('priority', detail.from)) : '', detail.to ? t(key('priority', detail.to)) : ''),
      };
    case 'escalation':
      return {
        label: name,
        value: fromTo(detail.from === null ? '' : t(detail.from ? 'audit.yes' : 'audit.no'), t(detail.to ? 'audit.yes' : 'audit.no')),
      };
    case 'deadlineDays':
      return {
        label: name,
        value: fromTo(detail.from === null ? '' : t('audit.days', { n: detail.from }), t('audit.days', { n: detail.to })),
      };
    case 'firstFeedbackAt':
    case 'decidedAt':
    case 'feedbackWarnedAt':
    case 'feedbackBreachedAt':
    case 'decisionWarnedAt':
    case 'decisionBreachedAt':
      return { label: name, value: auditTime(detail.to, lang) };
    case 'clockResumed':
      return { label: name, value: t('audit.yes') };
    case 'extensionRequested':
      return { label: name, value: t('audit.extension.value', { days: detail.to, reason: detail.reason }) };
    case 'extensionDecided':
      return { label: name, value: t(key('audit.extension', detail.to)) };
    case 'escalatedTo':
      return { label: name, value: t('audit.escalated.value', { department: label('department', detail.to), reason: detail.reason }) };
    case 'mediationOutcome':
      return {
        label: name,
        value: detail.to === 'settled' || detail.to === 'not_settled' ? t(key('audit.mediation', detail.to)) : detail.to,
      };
    case 'satisfaction':
      return { label: name, value: t('audit.score', { n: detail.to }) };
    case 'reopenCount':
      return { label: name, value: String(detail.to) };
    default:
      return { label: name, value: detail.to };
  }
}

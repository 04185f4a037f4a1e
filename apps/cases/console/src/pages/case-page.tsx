import { ApiProblem } from '@complaints/web-ui';
import { useNow } from '@complaints/web-ui/use-now';
import { Fragment } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { PriorityBadge, StatusBadge } from '../components/priority-badge';
import { ProblemBanner } from '../components/problem-banner';
import { SlaCountdown } from '../components/sla-countdown';
import type { ConsoleApi } from '../console-api';
import { bytes, dateTime } from '../format';
import { key, useI18n } from '../i18n';
import { onLinkClick, paths } from '../navigation';
import type { Session } from '../session';
import type { CaseDetail } from '../types';
import { AuditSection } from '../case-workspace/audit-section';
import { canReadAudit } from '../case-workspace/audit-trail';
import { CaseSummary } from '../case-workspace/case-summary';
import { departmentHandlers } from '../routing-admin/handler-options';
import { CaseActionsPanel } from './case-actions-panel';
import { CaseTimeline } from './case-timeline';
import { TableHead } from '../components/table-head';

/** The case workspace: the summary, complaint, transcript, evidence, clocks, both timelines, the audit trail and the actions. */
export function CasePage({
  api,
  session,
  reference,
  routerUrl,
}: {
  api: ConsoleApi;
  session: Session;
  reference: string;
  routerUrl: string;
}) {
  const { t } = useI18n();
  const optionsLoaders = useMemo(() => ({ 'department-handlers': departmentHandlers(api, routerUrl, session) }), [api, routerUrl, session]);
  const [current, setCurrent] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  // Counts the actions taken on this page: the audit trail reloads after each.
  const [changes, setChanges] = useState(0);

  useEffect(() => {
    api.get<CaseDetail>(`/v1/cases/${encodeURIComponent(reference)}`).then(setCurrent, setError);
  }, [api, reference]);

  useEffect(() => {
    document.title = `${t('case.heading', { reference })} · ${t('console.title')}`;
  }, [t, reference]);

  const back = (
    <p>
      <a href={paths.queue()} onClick={(e) => onLinkClick(e, paths.queue())}>
        ← {t('case.back')}
      </a>
    </p>
  );
  if (error) {
    return (
      <>
        {back}
        <h1>{t('case.heading', { reference })}</h1>
        {error instanceof ApiProblem && error.status === 404 ? (
          <div class="banner error" role="alert">
            <p class="banner-title">{t('case.notFound', { reference })}</p>
            <p>
              <a href={paths.queue()} onClick={(e) => onLinkClick(e, paths.queue())}>
                {t('case.notFound.back')}
              </a>
            </p>
          </div>
        ) : (
          <ProblemBanner error={error} />
        )}
      </>
    );
  }
  if (!current) {
    return (
      <>
        {back}
        <h1>{t('case.heading', { reference })}</h1>
        <p role="status">{t('case.loading')}</p>
      </>
    );
  }
  return (
    <>
      {back}
      <h1>
        {t('case.heading', { reference })} <PriorityBadge priority={current.priority} /> <StatusBadge status={current.status} />
      </h1>
      {done && (
        <div class="banner ok" role="status">
          {t('actions.done', { action: t(key('action', done)) })}
        </div>
      )}
      <div class="case-layout">
        <div class="case-main">
          <CaseSummary current={current} />
          <Complaint current={current} />
          <CaseTimeline
            id="timeline-customer"
            title={t('case.timeline.customer')}
            entries={current.timeline.filter((e) => e.details.customerVisible === true)}
          />
          <CaseTimeline
            id="timeline-internal"
            title={t('case.timeline.internal')}
            entries={current.timeline.filter((e) => e.details.customerVisible !== true)}
          />
          {canReadAudit(session.roles) && (
            <AuditSection api={api} reference={current.reference} timeline={current.timeline} version={changes} />
          )}
        </div>
        <div class="case-side">
          <Clocks current={current} />
          <CaseActionsPanel
            api={api}
            current={current}
            optionsLoaders={optionsLoaders}
            onChanged={(next, action) => {
              setCurrent(next);
              setDone(action);
              setChanges((n) => n + 1);
            }}
          />
        </div>
      </div>
    </>
  );
}

function Clocks({ current }: { current: CaseDetail }) {
  const { t, lang } = useI18n();
  const now = useNow(1000);
  const { sla } = current;
  return (
    <section class="panel" aria-labelledby="clocks-heading">
      <h2 id="clocks-heading">{t('case.clocks')}</h2>
      <p>
        {t('case.clock.feedback', { due: dateTime(sla.feedbackDueAt, lang) })}
        <br />
        <SlaCountdown label={t('queue.col.feedbackDue')} dueAt={sla.feedbackDueAt} metAt={sla.firstFeedbackAt} now={now} />
      </p>
      <p>
        {t('case.clock.decision', { due: dateTime(sla.decisionDueAt, lang), days: sla.decisionDeadlineDays })}
        <br />
        <SlaCountdown label={t('queue.col.decisionDue')} dueAt={sla.decisionDueAt} metAt={sla.decidedAt} paused={sla.paused} now={now} />
      </p>
      {sla.paused && sla.pauseReason && <p class="muted">{t('case.clock.pausedBecause', { reason: sla.pauseReason })}</p>}
      {sla.pendingExtension && (
        <p class="muted">{t('case.clock.pendingExtension', { days: sla.pendingExtension.toDays, reason: sla.pendingExtension.reason })}</p>
      )}
    </section>
  );
}

function Complaint({ current }: { current: CaseDetail }) {
  const { t } = useI18n();
  const { content, context } = current;
  // The region is in the summary, by its name.
  const extra = Object.entries(context.extra ?? {}).filter(([name]) => name !== 'region');
  return (
    <>
      <section class="panel" aria-labelledby="complaint-heading">
        <h2 id="complaint-heading">{t('case.complaint')}</h2>
        {content.subject && <p>{t('case.subject', { subject: content.subject })}</p>}
        <blockquote class="complaint-text" lang={content.language === 'en' ? 'en' : content.language === 'zh' ? 'zh-CN' : undefined}>
          {content.text}
        </blockquote>
        {(extra.length > 0 || context.branch || context.amount) && (
          <>
            <h3>{t('case.context')}</h3>
            <dl class="facts">
              {context.branch && (
                <>
                  <dt>branch</dt>
                  <dd>{context.branch}</dd>
                </>
              )}
              {context.amount && (
                <>
                  <dt>amount</dt>
                  <dd>
                    {context.amount.value} {context.amount.currency}
                  </dd>
                </>
              )}
              {extra.map(([name, value]) => (
                <Fragment key={name}>
                  <dt>{name}</dt>
                  <dd>{value}</dd>
                </Fragment>
              ))}
            </dl>
          </>
        )}
      </section>
      <section class="panel" aria-labelledby="transcript-heading">
        <h2 id="transcript-heading">{t('case.transcript')}</h2>
        {content.transcript?.length ? (
          <ol class="transcript">
            {content.transcript.map((turn, index) => (
              <li key={index} class={`turn turn-${turn.speaker}`}>
                <span class="speaker">{turn.speaker === 'customer' ? t('case.transcript.customer') : t('case.transcript.agent')}</span>
                {turn.offsetMs !== undefined && <span class="offset"> [{offset(turn.offsetMs)}]</span>}: {turn.text}
              </li>
            ))}
          </ol>
        ) : (
          <p class="muted">{t('case.transcript.none')}</p>
        )}
      </section>
      <section class="panel" aria-labelledby="evidence-heading">
        <h2 id="evidence-heading">{t('case.evidence')}</h2>
        {content.attachments?.length ? (
          <table>
            <TableHead columns={[t('case.evidence.type'), t('case.evidence.size'), t('case.evidence.sha256'), t('case.evidence.file')]} />
            <tbody>
              {content.attachments.map((a, index) => (
                <tr key={a.id}>
                  <td>{a.contentType}</td>
                  <td>{bytes(a.sizeBytes)}</td>
                  <td>
                    <code>{a.sha256.slice(0, 16)}…</code>
                  </td>
                  <td>
                    {a.downloadUrl ? (
                      <a href={a.downloadUrl} class="evidence-download">
                        {t('case.evidence.download')}
                        <span class="visually-hidden"> {t('case.evidence.downloadItem', { n: index + 1, type: a.contentType })}</span>
                      </a>
                    ) : (
                      <span class="muted">{t('case.evidence.unavailable')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="muted">{t('case.evidence.none')}</p>
        )}
        {content.attachments?.some((a) => a.downloadUrl) && <p class="muted">{t('case.evidence.linksExpire')}</p>}
      </section>
    </>
  );
}

function offset(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

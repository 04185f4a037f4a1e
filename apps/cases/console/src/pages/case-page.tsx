import { ApiProblem } from '@complaints/web-ui';
import { regionName } from '@complaints/contracts/regions';
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
import { departmentHandlers } from '../routing-admin/handler-options';
import { CaseActionsPanel } from './case-actions-panel';
import { CaseTimeline } from './case-timeline';

/** The case workspace: the complaint, transcript, evidence, clocks, both timelines and the actions. */
export function CasePage({ api, session, reference, routerUrl }: { api: ConsoleApi; session: Session; reference: string; routerUrl: string }) {
  const { t } = useI18n();
  const optionsLoaders = useMemo(() => ({ 'department-handlers': departmentHandlers(api, routerUrl, session) }), [api, routerUrl, session]);
  const [current, setCurrent] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

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
        {error instanceof ApiProblem && error.status === 404 ? <div class="banner error" role="alert">{t('case.notFound', { reference })}</div> : <ProblemBanner error={error} />}
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
          <Overview current={current} />
          <Complaint current={current} />
          <CaseTimeline id="timeline-customer" title={t('case.timeline.customer')} entries={current.timeline.filter((e) => e.details.customerVisible === true)} />
          <CaseTimeline id="timeline-internal" title={t('case.timeline.internal')} entries={current.timeline.filter((e) => e.details.customerVisible !== true)} />
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
            }}
          />
        </div>
      </div>
    </>
  );
}

function Overview({ current }: { current: CaseDetail }) {
  const { t, lang, label } = useI18n();
  return (
    <section class="panel" aria-labelledby="overview-heading">
      <h2 id="overview-heading">{t('case.overview')}</h2>
      <dl class="facts">
        <dt>{t('case.channel')}</dt>
        <dd>{current.channel}</dd>
        <dt>{t('case.department')}</dt>
        <dd>{label('department', current.department)}</dd>
        <dt>{t('case.assignee')}</dt>
        <dd>{current.assignee ?? t('queue.nobody')}</dd>
        <dt>{t('case.received')}</dt>
        <dd>{dateTime(current.receivedAt, lang)}</dd>
        <dt>{t('case.category')}</dt>
        <dd>
          {label('product', current.category.product)} · {label('reason', current.category.reason)} · {label('servicePoint', current.category.servicePoint)}
        </dd>
        <dt>{t('case.routing')}</dt>
        <dd>{t('case.routing.value', { rule: current.routing.ruleId, version: current.routing.rulesVersion })}</dd>
        <dt>{t('case.customer')}</dt>
        <dd>{current.customer.phoneLast4 ? t('case.customer.phone', { last4: current.customer.phoneLast4 }) : (current.customer.customerId ?? t('case.customer.unknown'))}</dd>
      </dl>
    </section>
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
      {sla.pendingExtension && <p class="muted">{t('case.clock.pendingExtension', { days: sla.pendingExtension.toDays, reason: sla.pendingExtension.reason })}</p>}
    </section>
  );
}

function Complaint({ current }: { current: CaseDetail }) {
  const { t, lang } = useI18n();
  const { content, context } = current;
  // A region is a GB/T 2260 code: shown by its name.
  const extra = Object.entries(context.extra ?? {}).map(([name, value]) => [name, (name === 'region' && regionName(value, lang)) || value]);
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
            <thead>
              <tr>
                <th scope="col">{t('case.evidence.type')}</th>
                <th scope="col">{t('case.evidence.size')}</th>
                <th scope="col">{t('case.evidence.sha256')}</th>
                <th scope="col">{t('case.evidence.file')}</th>
              </tr>
            </thead>
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

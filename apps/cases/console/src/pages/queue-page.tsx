import { DEPARTMENTS, PRIORITIES } from '@complaints/contracts/taxonomy';
import { useNow } from '@complaints/web-ui/use-now';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { PriorityBadge, StatusBadge } from '../components/priority-badge';
import { FindCaseForm } from '../case-workspace/find-case-form';
import { ProblemBanner } from '../components/problem-banner';
import { SlaCountdown } from '../components/sla-countdown';
import type { ConsoleApi } from '../console-api';
import { timeOfDay } from '../format';
import { key, useI18n } from '../i18n';
import { onLinkClick, paths } from '../navigation';
import { seesAllDepartments, type Session } from '../session';
import type { CaseList } from '../types';
import { DepartmentOptions } from '../components/department-options';
import { TableHead } from '../components/table-head';

const STATUSES = [
  'RECEIVED',
  'ASSIGNED',
  'IN_PROGRESS',
  'RESPONDED',
  'RESOLVED',
  'CLOSED',
  'ARCHIVED',
  'REOPENED',
  'ESCALATED',
  'MEDIATION',
  'WITHDRAWN',
];
const REFRESH_MS = 30_000;
const PAGE_SIZE = 100;

interface Filters {
  department: string;
  status: string;
  priority: string;
  mine: boolean;
  unassigned: boolean;
  escalated: boolean;
}

const NO_FILTERS: Omit<Filters, 'department'> = { status: '', priority: '', mine: false, unassigned: false, escalated: false };

function queueUrl(f: Filters, offset: number): string {
  const query = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(offset) });
  if (f.department) query.set('department', f.department);
  if (f.status) query.set('status', f.status);
  if (f.priority) query.set('priority', f.priority);
  if (f.mine) query.set('assignee', 'me');
  if (f.unassigned) query.set('unassigned', 'true');
  if (f.escalated) query.set('escalated', 'true');
  return `/v1/cases?${query.toString()}`;
}

/** The department queue: find a case by reference, filters, priority badges, live SLA countdowns, refreshed every 30 s or on demand. */
export function QueuePage({ api, session }: { api: ConsoleApi; session: Session }) {
  const { t, lang, label } = useI18n();
  const all = seesAllDepartments(session);
  const departments = all ? [...DEPARTMENTS] : session.departments;
  const [filters, setFilters] = useState<Filters>({ department: all ? '' : (departments[0] ?? ''), ...NO_FILTERS });
  const [offset, setOffset] = useState(0);
  const [list, setList] = useState<CaseList | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loadedAt, setLoadedAt] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const now = useNow(1000);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setList(await api.get<CaseList>(queueUrl(filters, offset)));
      setError(null);
      setLoadedAt(Date.now());
    } catch (caught) {
      setError(caught);
    } finally {
      setLoading(false);
    }
  }, [api, filters, offset]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  useEffect(() => {
    document.title = `${t('queue.heading')} · ${t('console.title')}`;
  }, [t]);

  const set = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setOffset(0);
  };
  const filtered = filters.status || filters.priority || filters.mine || filters.unassigned || filters.escalated;

  if (!all && departments.length === 0) {
    return (
      <>
        <h1>{t('queue.heading')}</h1>
        <div class="banner info">{t('queue.noDepartments')}</div>
      </>
    );
  }

  return (
    <>
      <h1>{t('queue.heading')}</h1>
      <FindCaseForm />
      <form class="filters" aria-label={t('queue.filters')} onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="queue-department">{t('queue.department')}</label>
          <select id="queue-department" value={filters.department} onChange={(e) => set({ department: e.currentTarget.value })}>
            {all && <option value="">{t('queue.allDepartments')}</option>}
            <DepartmentOptions departments={departments} />
          </select>
        </div>
        <div class="field">
          <label for="queue-status">{t('queue.status')}</label>
          <select id="queue-status" value={filters.status} onChange={(e) => set({ status: e.currentTarget.value })}>
            <option value="">{t('queue.anyStatus')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(key('status', s))}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="queue-priority">{t('queue.priority')}</label>
          <select id="queue-priority" value={filters.priority} onChange={(e) => set({ priority: e.currentTarget.value })}>
            <option value="">{t('queue.anyPriority')}</option>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(key('priority', p))}
              </option>
            ))}
          </select>
        </div>
        <div class="toggles">
          <label class="choice">
            <input
              type="checkbox"
              checked={filters.mine}
              onChange={(e) => set({ mine: e.currentTarget.checked, unassigned: e.currentTarget.checked ? false : filters.unassigned })}
            />
            {t('queue.mine')}
          </label>
          <label class="choice">
            <input
              type="checkbox"
              checked={filters.unassigned}
              onChange={(e) => set({ unassigned: e.currentTarget.checked, mine: e.currentTarget.checked ? false : filters.mine })}
            />
            {t('queue.unassigned')}
          </label>
          <label class="choice">
            <input type="checkbox" checked={filters.escalated} onChange={(e) => set({ escalated: e.currentTarget.checked })} />
            {t('queue.escalated')}
          </label>
        </div>
        <div class="refresh">
          <button type="button" onClick={() => void load()} disabled={loading}>
            {t('queue.refresh')}
          </button>
          {loadedAt && <span class="hint">{t('queue.updated', { time: timeOfDay(loadedAt, lang) })}</span>}
        </div>
      </form>

      {error !== null && <ProblemBanner error={error} />}
      {!list && !error && <p role="status">{t('queue.loading')}</p>}
      {list && list.items.length === 0 && <div class="banner info empty">{filtered ? t('queue.emptyFiltered') : t('queue.empty')}</div>}
      {list && list.items.length > 0 && (
        <>
          <p class="hint" role="status">
            {t('queue.count', { total: list.total })} {t('queue.range', { from: offset + 1, to: offset + list.items.length })}
          </p>
          <div class="table-wrap">
            <table class="queue">
              <caption class="visually-hidden">{t('queue.caption')}</caption>
              <TableHead
                columns={[
                  t('queue.col.reference'),
                  t('queue.col.priority'),
                  t('queue.col.status'),
                  t('queue.col.category'),
                  t('queue.col.department'),
                  t('queue.col.assignee'),
                  t('queue.col.feedbackDue'),
                  t('queue.col.decisionDue'),
                ]}
              />
              <tbody>
                {list.items.map((c) => (
                  <tr key={c.reference} data-reference={c.reference}>
                    <th scope="row">
                      <a href={paths.case(c.reference)} onClick={(e) => onLinkClick(e, paths.case(c.reference))}>
                        {c.reference}
                      </a>
                    </th>
                    <td>
                      <PriorityBadge priority={c.priority} />
                    </td>
                    <td>
                      <StatusBadge status={c.status} />
                      {c.escalation && c.status !== 'ESCALATED' && <span class="badge flag">{t('queue.flag.escalated')}</span>}
                      {c.needsTriage && <span class="badge flag">{t('queue.flag.triage')}</span>}
                    </td>
                    <td>
                      {label('product', c.category.product)} · {label('reason', c.category.reason)}
                    </td>
                    <td>{label('department', c.department)}</td>
                    <td>{c.assignee ?? <span class="muted">{t('queue.nobody')}</span>}</td>
                    <td>
                      <SlaCountdown
                        label={t('queue.col.feedbackDue')}
                        dueAt={c.sla.feedbackDueAt}
                        metAt={c.sla.firstFeedbackAt}
                        now={now}
                      />
                    </td>
                    <td>
                      <SlaCountdown
                        label={t('queue.col.decisionDue')}
                        dueAt={c.sla.decisionDueAt}
                        metAt={c.sla.decidedAt}
                        paused={c.sla.paused}
                        now={now}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {list.total > PAGE_SIZE && (
            <nav class="pages" aria-label={t('queue.pages')}>
              <button type="button" disabled={offset === 0 || loading} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
                {t('queue.previous')}
              </button>
              <button type="button" disabled={offset + PAGE_SIZE >= list.total || loading} onClick={() => setOffset(offset + PAGE_SIZE)}>
                {t('queue.next')}
              </button>
            </nav>
          )}
        </>
      )}
    </>
  );
}

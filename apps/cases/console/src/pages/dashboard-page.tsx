import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { ConsoleApi } from '../console-api';
import { BreakdownChart } from '../dashboard/breakdown-section';
import { groupName } from '../dashboard/group-names';
import { SlaHeatmap } from '../dashboard/heatmap-section';
import { HotspotAlerts } from '../dashboard/hotspots-section';
import {
  addressOf,
  type DashboardQuery,
  dayStart,
  GROUP_BYS,
  isDay,
  lastDays,
  type Preset,
  PRESETS,
  queryFromAddress,
} from '../dashboard/period';
import { Section } from '../dashboard/section';
import { Summary } from '../dashboard/summary';
import { TrendChart } from '../dashboard/trend-section';
import { useAnalytics } from '../dashboard/use-analytics';
import { key, useI18n } from '../i18n';
import { paths } from '../navigation';
import { seesAllFigures, type Session } from '../session';
import type { GroupBy, HotspotAlert, KpiReport, KpiSeriesReport } from '../types';

const MAX_DAYS = 366;
const DAY_MS = 86_400_000;

/** The analytics dashboard: a period and a grouping, then trends, breakdowns, the SLA heat map and hot-spot alerts. */
export function DashboardPage({ api, session, analyticsUrl }: { api: ConsoleApi; session: Session; analyticsUrl: string }) {
  const { t, label } = useI18n();
  const [query, setQuery] = useState<DashboardQuery>(() => queryFromAddress(location.search));
  const [reload, setReload] = useState(0);
  const all = seesAllFigures(session);

  useEffect(() => {
    document.title = `${t('dashboard.heading')} · ${t('console.title')}`;
  }, [t]);
  useEffect(() => {
    history.replaceState(null, '', `${paths.dashboard()}${addressOf(query)}`);
  }, [query]);

  if (!all && session.departments.length === 0) {
    return (
      <>
        <h1>{t('dashboard.heading')}</h1>
        <div class="banner info">{t('dashboard.noDepartments')}</div>
      </>
    );
  }
  return (
    <>
      <h1>{t('dashboard.heading')}</h1>
      <Filters
        query={query}
        onChange={setQuery}
        onRefresh={() => {
          setQuery((q) => (q.preset === 'custom' ? q : { ...q, ...lastDays(Number(q.preset)) }));
          setReload((n) => n + 1);
        }}
      />
      <p class="hint" role="status">
        {t('dashboard.range', { from: query.from, to: query.to })}{' '}
        {all
          ? t('dashboard.scope.all')
          : t('dashboard.scope.own', { departments: session.departments.map((d) => label('department', d)).join('、') })}
      </p>
      <DashboardPanels api={api} analyticsUrl={analyticsUrl} query={query} reload={reload} />
    </>
  );
}

function DashboardPanels({
  api,
  analyticsUrl,
  query,
  reload,
}: {
  api: ConsoleApi;
  analyticsUrl: string;
  query: DashboardQuery;
  reload: number;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const range = `from=${query.from}&to=${query.to}`;
  const kpis = useAnalytics<KpiReport>(api, `${analyticsUrl}/v1/kpis?${range}&groupBy=${query.groupBy}`, reload);
  const series = useAnalytics<KpiSeriesReport>(api, `${analyticsUrl}/v1/kpis/series?${range}&groupBy=${query.groupBy}`, reload);
  const heat = useAnalytics<KpiSeriesReport>(api, `${analyticsUrl}/v1/kpis/series?${range}&groupBy=department`, reload);
  const hotspots = useAnalytics<{ alerts: HotspotAlert[] }>(
    api,
    `${analyticsUrl}/v1/hotspots?since=${encodeURIComponent(dayStart(query.from).toISOString())}&limit=500`,
    reload,
  );
  // Alerts raised in the period: from its first day up to the end of its last.
  const inPeriod = useMemo(() => {
    const periodEnd = dayStart(query.to).getTime() + DAY_MS;
    return hotspots.data && hotspots.data.alerts.filter((a) => Date.parse(a.raisedAt) < periodEnd);
  }, [hotspots.data, query.to]);
  const alerts = { ...hotspots, data: inPeriod };

  const name = useCallback((code: string) => groupName(query.groupBy, code, i18n), [query.groupBy, i18n]);
  const departmentName = useCallback((code: string) => groupName('department', code, i18n), [i18n]);
  const groupByLabel = t(key('dashboard.groupBy', query.groupBy));
  const empty = t('dashboard.empty');

  return (
    <div class="dashboard">
      <Section id="summary" title={t('dashboard.summary.heading')} loaded={kpis} isEmpty={(d) => d.total.volume === 0} emptyText={empty}>
        {(d) => <Summary total={d.total} />}
      </Section>
      <Section id="trend" title={t('dashboard.trend.heading')} loaded={series} isEmpty={(d) => d.series.length === 0} emptyText={empty}>
        {(d) => <TrendChart report={d} name={name} groupByLabel={groupByLabel} />}
      </Section>
      <Section id="heatmap" title={t('dashboard.heatmap.heading')} loaded={heat} isEmpty={(d) => d.series.length === 0} emptyText={empty}>
        {(d) => <SlaHeatmap report={d} name={departmentName} />}
      </Section>
      <Section
        id="breakdown"
        title={t('dashboard.breakdown.heading')}
        loaded={kpis}
        isEmpty={(d) => d.total.volume === 0}
        emptyText={empty}
      >
        {(d) => <BreakdownChart report={d} name={name} groupByLabel={groupByLabel} />}
      </Section>
      <Section
        id="hotspots"
        title={t('dashboard.hotspots.heading')}
        loaded={alerts}
        isEmpty={(d) => d.length === 0}
        emptyText={t('dashboard.hotspots.empty')}
      >
        {(d) => <HotspotAlerts alerts={d} />}
      </Section>
    </div>
  );
}

/** Period (last 7/30/90 days, or chosen dates) and grouping. */
function Filters({ query, onChange, onRefresh }: { query: DashboardQuery; onChange: (q: DashboardQuery) => void; onRefresh: () => void }) {
  const { t } = useI18n();
  const [custom, setCustom] = useState(query.preset === 'custom');
  const [from, setFrom] = useState(query.from);
  const [to, setTo] = useState(query.to);
  const [invalid, setInvalid] = useState(false);

  const choosePreset = (value: string) => {
    if (value === 'custom') {
      setCustom(true);
      return;
    }
    setCustom(false);
    setInvalid(false);
    const preset = value as Preset;
    onChange({ ...query, preset, ...lastDays(Number(preset)) });
  };
  const applyDates = (event: Event) => {
    event.preventDefault();
    const ok = isDay(from) && isDay(to) && from <= to && (Date.parse(to) - Date.parse(from)) / DAY_MS < MAX_DAYS;
    setInvalid(!ok);
    if (ok) onChange({ ...query, preset: 'custom', from, to });
  };

  return (
    <form class="filters" aria-label={t('dashboard.filters')} onSubmit={applyDates}>
      <div class="field">
        <label for="dashboard-period">{t('dashboard.period')}</label>
        <select id="dashboard-period" value={custom ? 'custom' : query.preset} onChange={(e) => choosePreset(e.currentTarget.value)}>
          {PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(key('dashboard.period', p))}
            </option>
          ))}
          <option value="custom">{t('dashboard.period.custom')}</option>
        </select>
      </div>
      {custom && (
        <>
          <div class="field">
            <label for="dashboard-from">{t('dashboard.from')}</label>
            <input
              id="dashboard-from"
              type="date"
              value={from}
              required
              aria-invalid={invalid ? 'true' : undefined}
              aria-describedby={invalid ? 'dashboard-dates-error' : undefined}
              onInput={(e) => setFrom(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="dashboard-to">{t('dashboard.to')}</label>
            <input
              id="dashboard-to"
              type="date"
              value={to}
              required
              aria-invalid={invalid ? 'true' : undefined}
              aria-describedby={invalid ? 'dashboard-dates-error' : undefined}
              onInput={(e) => setTo(e.currentTarget.value)}
            />
          </div>
          <div class="refresh">
            <button type="submit">{t('dashboard.apply')}</button>
          </div>
        </>
      )}
      <div class="field">
        <label for="dashboard-group-by">{t('dashboard.groupBy')}</label>
        <select
          id="dashboard-group-by"
          value={query.groupBy}
          onChange={(e) => onChange({ ...query, groupBy: e.currentTarget.value as GroupBy })}
        >
          {GROUP_BYS.map((g) => (
            <option key={g} value={g}>
              {t(key('dashboard.groupBy', g))}
            </option>
          ))}
        </select>
      </div>
      <div class="refresh">
        <button type="button" onClick={onRefresh}>
          {t('dashboard.refresh')}
        </button>
      </div>
      {invalid && (
        <p class="error" id="dashboard-dates-error" role="alert">
          {t('dashboard.dates.invalid')}
        </p>
      )}
    </form>
  );
}

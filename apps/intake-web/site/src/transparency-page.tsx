import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiProblem, requestJson, type Lang } from '@complaints/web-ui';
import {
  CORRECTIVE_ACTION_CATEGORIES,
  CORRECTIVE_ACTION_LABELS,
  ROOT_CAUSE_CATEGORIES,
  ROOT_CAUSE_LABELS,
} from '@complaints/contracts/closure-categories';
import { regionName } from '@complaints/contracts/regions';
import { PRODUCT_LABELS, PRODUCTS, REASON_LABELS, REASONS, type Label } from '@complaints/contracts/taxonomy';
import type { Translate } from './messages';
import { problemText } from './problem-text';
import { CountTable, countText, type PublishedCount, type PublishedShare, shareText } from './published-table';
import { hasEnded, lastQuarter, parsePeriod, type Period, type PeriodKind, periodCode, selectableYears } from './report-period';
import { analyticsUrl } from './site-config';

/** GET /v1/transparency of the analytics service (see its OpenAPI). */
interface TransparencyReport {
  period: string;
  from: string;
  to: string;
  minimumPublishedCount: number;
  complaints: PublishedCount;
  byBusinessCategory: Record<string, PublishedCount>;
  byCause: Record<string, PublishedCount>;
  /** Keyed by the GB/T 2260 code of the province-level division (named here from libs/contracts/src/regions.ts), or UNKNOWN. */
  byRegion: Record<string, PublishedCount>;
  timeliness: { firstFeedbackWithin48h: PublishedShare; decidedWithin15Days: PublishedShare };
  satisfaction: { responses: PublishedCount; mean: PublishedShare; distribution: Record<string, PublishedCount> };
  improvements: { rootCauses: Record<string, PublishedCount>; correctiveActions: Record<string, PublishedCount> };
  /** Breakdowns withheld whole (no cells), by their path in the report. */
  withheldBreakdowns?: string[];
}

type Shown =
  | { state: 'loading'; period: Period }
  | { state: 'ready'; period: Period; report: TransparencyReport }
  | { state: 'failed'; period: Period; message: string };

const UNKNOWN = 'UNKNOWN';
const SCORES = ['5', '4', '3', '2', '1'];

/**
 * The public transparency report: a period picker (year, quarter, month) and that period's published
 * figures, read from the analytics service (another origin, allowed by its CORS and this page's CSP).
 */
export function TransparencyPage({ lang, t }: { lang: Lang; t: Translate }) {
  const [choice, setChoice] = useState<Period>(() => parsePeriod(new URLSearchParams(location.search).get('period')) ?? lastQuarter());
  const [shown, setShown] = useState<Shown>({ state: 'loading', period: choice });
  const heading = useRef<HTMLHeadingElement>(null);
  const request = useRef(0);

  async function load(period: Period, focus: boolean) {
    const mine = ++request.current;
    setShown({ state: 'loading', period });
    // Only ended periods are published: say so rather than ask.
    if (!hasEnded(period)) {
      setShown({ state: 'failed', period, message: t('tr.notEnded', { period: periodLabel(period) }) });
      return;
    }
    try {
      const base = await analyticsUrl();
      const report = await requestJson<TransparencyReport>(`${base}/v1/transparency?period=${encodeURIComponent(periodCode(period))}`);
      if (mine !== request.current) return;
      setShown({ state: 'ready', period, report });
      if (focus) setTimeout(() => heading.current?.focus(), 0);
    } catch (error) {
      if (mine !== request.current) return;
      const problem = ApiProblem.of(error);
      setShown({ state: 'failed', period, message: problem.status === 400 ? t('tr.badPeriod') : problemText(problem, t) });
    }
  }

  useEffect(() => void load(choice, false), []);

  function show(event: Event) {
    event.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set('period', periodCode(choice));
    history.replaceState(null, '', url);
    void load(choice, true);
  }

  const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
  const number = (n: number) => n.toLocaleString(locale);
  const percent = (n: number) => n.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 1 });
  const monthName = (m: number) => new Date(2000, m - 1, 1).toLocaleString('en-GB', { month: 'long' });
  const periodLabel = (p: Period) =>
    p.kind === 'year'
      ? t('tr.label.year', { year: p.year })
      : p.kind === 'quarter'
        ? t('tr.label.quarter', { year: p.year, n: p.part })
        : t('tr.label.month', { year: p.year, n: p.part, month: monthName(p.part) });
  const partOptions = choice.kind === 'quarter' ? [1, 2, 3, 4] : Array.from({ length: 12 }, (_, i) => i + 1);

  return (
    <>
      <h1>{t('tr.title')}</h1>
      <p>{t('tr.intro')}</p>
      <form class="period-picker" onSubmit={show}>
        <fieldset class="plain">
          <legend id="period-legend" class="picker-title">
            {t('tr.period')}
          </legend>
          <div class="picker-fields">
            <div class="field">
              <label for="period-kind">{t('tr.kind')}</label>
              <select
                id="period-kind"
                value={choice.kind}
                onChange={(e) => setChoice({ ...choice, kind: e.currentTarget.value as PeriodKind, part: 1 })}
              >
                <option value="year">{t('tr.kind.year')}</option>
                <option value="quarter">{t('tr.kind.quarter')}</option>
                <option value="month">{t('tr.kind.month')}</option>
              </select>
            </div>
            <div class="field">
              <label for="period-year">{t('tr.year')}</label>
              <select id="period-year" value={choice.year} onChange={(e) => setChoice({ ...choice, year: Number(e.currentTarget.value) })}>
                {selectableYears(choice.year).map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </div>
            {choice.kind !== 'year' && (
              <div class="field">
                <label for="period-part">{choice.kind === 'quarter' ? t('tr.quarter') : t('tr.month')}</label>
                <select
                  id="period-part"
                  value={choice.part}
                  onChange={(e) => setChoice({ ...choice, part: Number(e.currentTarget.value) })}
                >
                  {partOptions.map((n) => (
                    <option key={n} value={n}>
                      {choice.kind === 'quarter' ? t('tr.quarter.n', { n }) : t('tr.month.n', { n, month: monthName(n) })}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </div>
          <button type="submit" class="primary">
            {t('tr.show')}
          </button>
        </fieldset>
      </form>
      <div role="status" aria-live="polite" class="live-region">
        {shown.state === 'loading' && <p class="banner info">{t('tr.loading', { period: periodLabel(shown.period) })}</p>}
        {shown.state === 'failed' && <p class="banner error">{shown.message}</p>}
        {shown.state === 'ready' && shown.report.complaints.count === 0 && (
          <p class="banner info" id="report-empty">
            {t('tr.empty', { period: periodLabel(shown.period) })}
          </p>
        )}
      </div>
      {shown.state === 'ready' && shown.report.complaints.count !== 0 && (
        <ReportView
          report={shown.report}
          title={periodLabel(shown.period)}
          headingRef={heading}
          lang={lang}
          t={t}
          number={number}
          percent={percent}
        />
      )}
    </>
  );
}

function ReportView(props: {
  report: TransparencyReport;
  title: string;
  headingRef: { current: HTMLHeadingElement | null };
  lang: Lang;
  t: Translate;
  number: (n: number) => string;
  percent: (n: number) => string;
}) {
  const { report, lang, t, number, percent } = props;
  const labelled = (cells: Record<string, PublishedCount>, order: readonly string[], labels: Record<string, Label>) =>
    Object.entries(cells)
      .sort(([a], [b]) => rank(order, a) - rank(order, b))
      .map(([key, cell]) => ({ key, cell, label: labels[key]?.[lang] ?? (key === UNKNOWN ? t('tr.unclassified') : key) }));
  // Provinces by name (Chinese in pinyin order), the unknown last.
  const regions = Object.entries(report.byRegion)
    .map(([key, cell]) => ({ key, cell, label: key === UNKNOWN ? t('tr.region.unknown') : (regionName(key, lang) ?? key) }))
    .sort((a, b) => (a.key === UNKNOWN ? 1 : b.key === UNKNOWN ? -1 : a.label.localeCompare(b.label, lang === 'zh' ? 'zh-CN' : 'en')));
  const distribution = SCORES.filter((s) => report.satisfaction.distribution[s]).map((s) => ({
    key: s,
    cell: report.satisfaction.distribution[s],
    label: s,
  }));
  const withheld = (name: string) => report.withheldBreakdowns?.includes(name) ?? false;
  const common = { t, format: number, countHeading: t('tr.count') };

  return (
    <section class="report" aria-labelledby="report-title">
      <h2 id="report-title" tabIndex={-1} ref={props.headingRef}>
        {props.title}
      </h2>
      <p class="when">{t('tr.range', { from: report.from, to: report.to })}</p>
      <dl class="facts headline">
        <dt>{t('tr.total')}</dt>
        <dd id="total-complaints" class={report.complaints.suppressed ? 'withheld' : undefined}>
          {countText(report.complaints, t, number)}
        </dd>
      </dl>

      <h3>{t('tr.timeliness')}</h3>
      <div class="table-scroll">
        <table id="timeliness" class="figures">
          <caption>{t('tr.timeliness.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tr.measure')}</th>
              <th scope="col" class="number">
                {t('tr.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('tr.feedback48h')}</th>
              <td class="number">{shareText(report.timeliness.firstFeedbackWithin48h, t, percent)}</td>
            </tr>
            <tr>
              <th scope="row">{t('tr.decided15d')}</th>
              <td class="number">{shareText(report.timeliness.decidedWithin15Days, t, percent)}</td>
            </tr>
          </tbody>
        </table>
      </div>

      <h3>{t('tr.byCategory')}</h3>
      <CountTable
        id="by-category"
        caption={t('tr.byCategory.caption')}
        keyHeading={t('tr.category')}
        rows={labelled(report.byBusinessCategory, PRODUCTS, PRODUCT_LABELS)}
        withheld={withheld('byBusinessCategory')}
        {...common}
      />
      <h3>{t('tr.byCause')}</h3>
      <CountTable
        id="by-cause"
        caption={t('tr.byCause.caption')}
        keyHeading={t('tr.cause')}
        rows={labelled(report.byCause, REASONS, REASON_LABELS)}
        withheld={withheld('byCause')}
        {...common}
      />
      <h3>{t('tr.byRegion')}</h3>
      <CountTable
        id="by-region"
        caption={t('tr.byRegion.caption')}
        keyHeading={t('tr.region')}
        rows={regions}
        withheld={withheld('byRegion')}
        {...common}
      />

      <h3>{t('tr.satisfaction')}</h3>
      <dl class="facts">
        <dt>{t('tr.responses')}</dt>
        <dd id="satisfaction-responses">{countText(report.satisfaction.responses, t, number)}</dd>
        <dt>{t('tr.mean')}</dt>
        <dd id="satisfaction-mean">
          {shareText(report.satisfaction.mean, t, (n) => n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 2 }))}
        </dd>
      </dl>
      <CountTable
        id="satisfaction-distribution"
        caption={t('tr.distribution.caption')}
        keyHeading={t('tr.score')}
        rows={distribution}
        withheld={withheld('satisfaction.distribution')}
        t={t}
        format={number}
        countHeading={t('tr.ratings')}
      />

      <h3>{t('tr.improvements')}</h3>
      <p>{t('tr.improvements.intro')}</p>
      <CountTable
        id="root-causes"
        caption={t('tr.rootCauses.caption')}
        keyHeading={t('tr.rootCause')}
        rows={labelled(report.improvements.rootCauses, ROOT_CAUSE_CATEGORIES, ROOT_CAUSE_LABELS)}
        withheld={withheld('improvements.rootCauses')}
        {...common}
        countHeading={t('tr.cases')}
      />
      <CountTable
        id="corrective-actions"
        caption={t('tr.actions.caption')}
        keyHeading={t('tr.action')}
        rows={labelled(report.improvements.correctiveActions, CORRECTIVE_ACTION_CATEGORIES, CORRECTIVE_ACTION_LABELS)}
        withheld={withheld('improvements.correctiveActions')}
        {...common}
        countHeading={t('tr.cases')}
      />

      <aside class="note" aria-labelledby="note-title">
        <h3 id="note-title">{t('tr.note.title')}</h3>
        <p>{t('tr.note.small')}</p>
        <p>{t('tr.note.secondary')}</p>
        <p>{t('tr.note.periods')}</p>
        <p>{t('tr.note.share')}</p>
      </aside>
    </section>
  );
}

function rank(order: readonly string[], key: string): number {
  const i = order.indexOf(key);
  return i === -1 ? order.length : i;
}

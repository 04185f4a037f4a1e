import type { ChartOption } from './echarts';
import type { Translate } from '../i18n';
import type { HotspotAlert, KpiGroup, KpiSeriesReport } from '../types';

/** Distinguishable for colour-blind readers (Okabe-Ito), dark enough on white. */
export const PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#7a6a00', '#000000', '#8c564b', '#5b5b5b'];
const INK = '#1a1f29';
const LINE = '#c9d0db';

const base = (): ChartOption => ({
  color: PALETTE,
  textStyle: { color: INK },
  animationDuration: 300,
  // Drawn in the canvas, not as HTML: the page's CSP refuses the inline styles of HTML tooltips.
  tooltip: { trigger: 'axis', renderMode: 'richText', confine: true },
  grid: { left: 48, right: 48, top: 48, bottom: 40, containLabel: true },
});

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

/** Complaints received per day, one line per group. */
export function trendOption(report: KpiSeriesReport, name: (key: string) => string, t: Translate): ChartOption {
  return {
    ...base(),
    legend: { type: 'scroll', top: 0 },
    xAxis: { type: 'category', data: report.days, axisLine: { lineStyle: { color: LINE } } },
    yAxis: { type: 'value', name: t('dashboard.axis.complaints'), minInterval: 1 },
    series: report.series.map((s) => ({
      type: 'line',
      name: name(s.key),
      data: s.points.map((p) => p.volume),
      showSymbol: report.days.length <= 31,
    })),
  };
}

/** Per group: volume (bars, left axis) and the shares answered within 48 h and decided within 15 days (bars, right axis, %). */
export function breakdownOption(groups: readonly KpiGroup[], name: (key: string) => string, t: Translate): ChartOption {
  return {
    ...base(),
    legend: { top: 0 },
    xAxis: { type: 'category', data: groups.map((g) => name(g.key)), axisLabel: { interval: 0, rotate: groups.length > 5 ? 30 : 0 } },
    yAxis: [
      { type: 'value', name: t('dashboard.axis.complaints'), minInterval: 1 },
      { type: 'value', name: '%', min: 0, max: 100, splitLine: { show: false } },
    ],
    series: [
      { type: 'bar', name: t('dashboard.col.volume'), data: groups.map((g) => g.volume) },
      {
        type: 'bar',
        name: t('dashboard.col.feedback48h'),
        yAxisIndex: 1,
        data: groups.map((g) => percent(g.firstFeedback.shareWithin48h)),
      },
      { type: 'bar', name: t('dashboard.col.decision15d'), yAxisIndex: 1, data: groups.map((g) => percent(g.decision.shareWithin15d)) },
    ],
  };
}

/** Department x day of receipt, shaded by the complaints with a breached deadline. */
export function heatmapOption(report: KpiSeriesReport, name: (key: string) => string, t: Translate): ChartOption {
  const data = report.series.flatMap((s, y) => s.points.map((p, x) => [x, y, p.breaches.complaints]));
  const max = Math.max(1, ...data.map(([, , v]) => v));
  return {
    ...base(),
    tooltip: { trigger: 'item', renderMode: 'richText', confine: true },
    grid: { left: 48, right: 24, top: 16, bottom: 72, containLabel: true },
    xAxis: { type: 'category', data: report.days, splitArea: { show: true } },
    yAxis: { type: 'category', data: report.series.map((s) => name(s.key)), splitArea: { show: true } },
    visualMap: {
      min: 0,
      max,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      text: [t('dashboard.heatmap.more'), t('dashboard.heatmap.none')],
      inRange: { color: ['#f7f7f7', '#fdae61', '#b2182b'] },
    },
    series: [
      {
        type: 'heatmap',
        name: t('dashboard.heatmap.value'),
        data,
        label: { show: report.days.length <= 14 },
        emphasis: { itemStyle: { borderColor: INK, borderWidth: 1 } },
      },
    ],
  };
}

/** Each alert's complaints in its window beside what its baseline led one to expect. */
export function hotspotOption(alerts: readonly HotspotAlert[], subject: (alert: HotspotAlert) => string, t: Translate): ChartOption {
  const shown = [...alerts].reverse();
  return {
    ...base(),
    legend: { top: 0 },
    grid: { left: 16, right: 32, top: 40, bottom: 16, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, name: t('dashboard.axis.complaints') },
    yAxis: { type: 'category', data: shown.map(subject), axisLabel: { width: 220, overflow: 'truncate' } },
    series: [
      { type: 'bar', name: t('dashboard.hotspots.observed'), data: shown.map((a) => a.observed) },
      { type: 'bar', name: t('dashboard.hotspots.expected'), data: shown.map((a) => Math.round(a.expected * 10) / 10) },
    ],
  };
}

import { useMemo } from 'preact/hooks';
import { Chart } from '../components/chart';
import { useI18n } from '../i18n';
import type { KpiSeriesReport } from '../types';
import { heatmapOption } from './chart-options';
import { ChartFigure } from './section';

/**
 * The SLA heat map: department x day of receipt, shaded by the complaints received that day that have
 * missed a deadline (first feedback or decision) so far; the table adds the cases opened that day.
 */
export function SlaHeatmap({ report, name }: { report: KpiSeriesReport; name: (key: string) => string }) {
  const { t } = useI18n();
  const option = useMemo(() => heatmapOption(report, name, t), [report, name, t]);
  const total = report.series.reduce((sum, s) => sum + s.points.reduce((n, p) => n + p.breaches.complaints, 0), 0);
  return (
    <>
      <p class="hint">{t('dashboard.heatmap.explain')}</p>
      <ChartFigure
        chart={<Chart option={option} size="tall" summary={t('dashboard.heatmap.summary', { from: report.from, to: report.to, total })} />}
      >
        <table class="figures" data-chart="heatmap">
          <caption>{t('dashboard.heatmap.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.col.day')}</th>
              {report.series.map((s) => (
                <th scope="col" key={s.key}>
                  {name(s.key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.days.map((day, i) => (
              <tr key={day}>
                <th scope="row">{day}</th>
                {report.series.map((s) => (
                  <td key={s.key} class={s.points[i].breaches.complaints > 0 ? 'late' : undefined}>
                    {t('dashboard.heatmap.cell', { breached: s.points[i].breaches.complaints, cases: s.points[i].cases })}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ChartFigure>
    </>
  );
}

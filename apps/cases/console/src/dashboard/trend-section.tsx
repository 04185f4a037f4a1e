import { useMemo } from 'preact/hooks';
import { Chart } from '../components/chart';
import { useI18n } from '../i18n';
import type { KpiSeriesReport } from '../types';
import { trendOption } from './chart-options';
import { ChartFigure } from './section';

/** Complaints received per day, one line per group, and the same as a table (days x groups). */
export function TrendChart({
  report,
  name,
  groupByLabel,
}: {
  report: KpiSeriesReport;
  name: (key: string) => string;
  groupByLabel: string;
}) {
  const { t } = useI18n();
  const option = useMemo(() => trendOption(report, name, t), [report, name, t]);
  const dayTotal = (i: number) => report.series.reduce((sum, s) => sum + s.points[i].volume, 0);
  const total = report.days.reduce((sum, _, i) => sum + dayTotal(i), 0);
  return (
    <ChartFigure
      chart={
        <Chart option={option} summary={t('dashboard.trend.summary', { from: report.from, to: report.to, groupBy: groupByLabel, total })} />
      }
    >
      <table class="figures" data-chart="trend">
        <caption>{t('dashboard.trend.caption', { groupBy: groupByLabel })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.col.day')}</th>
            {report.series.map((s) => (
              <th scope="col" key={s.key}>
                {name(s.key)}
              </th>
            ))}
            <th scope="col">{t('dashboard.total')}</th>
          </tr>
        </thead>
        <tbody>
          {report.days.map((day, i) => (
            <tr key={day}>
              <th scope="row">{day}</th>
              {report.series.map((s) => (
                <td key={s.key}>{s.points[i].volume}</td>
              ))}
              <td>{dayTotal(i)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ChartFigure>
  );
}

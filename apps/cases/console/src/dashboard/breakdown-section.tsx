import { useMemo } from 'preact/hooks';
import { Chart } from '../components/chart';
import { percent } from '../format';
import { useI18n } from '../i18n';
import type { KpiGroup, KpiReport } from '../types';
import { breakdownOption } from './chart-options';
import { ChartFigure } from './section';
import { TableHead } from '../components/table-head';

/** Per group: volume and the two timeliness shares as bars, and as a table with the counts behind the shares. */
export function BreakdownChart({ report, name, groupByLabel }: { report: KpiReport; name: (key: string) => string; groupByLabel: string }) {
  const { t, lang } = useI18n();
  const option = useMemo(() => breakdownOption(report.groups, name, t), [report, name, t]);
  const counted = (n: number, share: number | null) =>
    share === null ? t('dashboard.noShare', { n }) : t('dashboard.share', { n, share: percent(share, lang) });
  const row = (g: KpiGroup, header: string) => (
    <tr key={g.key}>
      <th scope="row">{header}</th>
      <td>{g.volume}</td>
      <td>{g.cases}</td>
      <td>{counted(g.firstFeedback.within48h, g.firstFeedback.shareWithin48h)}</td>
      <td>{counted(g.decision.within15d, g.decision.shareWithin15d)}</td>
      <td>{g.breaches.complaints}</td>
    </tr>
  );
  return (
    <ChartFigure chart={<Chart option={option} summary={t('dashboard.breakdown.summary', { groupBy: groupByLabel })} />}>
      <table class="figures" data-chart="breakdown">
        <caption>{t('dashboard.breakdown.caption', { groupBy: groupByLabel })}</caption>
        <TableHead
          columns={[
            groupByLabel,
            t('dashboard.col.volume'),
            t('dashboard.col.cases'),
            t('dashboard.col.feedback48h'),
            t('dashboard.col.decision15d'),
            t('dashboard.col.breached'),
          ]}
        />
        <tbody>{report.groups.map((g) => row(g, name(g.key)))}</tbody>
        <tfoot>{row(report.total, t('dashboard.total'))}</tfoot>
      </table>
    </ChartFigure>
  );
}

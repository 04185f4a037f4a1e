import { zeroCounters } from '../../domain/kpi-counters';
import type { ReportPeriod } from '../../domain/report-period';
import { REPORTING_TIME_ZONE } from '../../domain/shanghai-time';
import { transparencyReport, TransparencyReport } from '../../domain/transparency-report';
import { AnalyticsReadModel, CountDimension, FactScope } from '../analytics-read-model';

export type TransparencyResponse = { period: string; from: string; to: string; timeZone: string } & TransparencyReport;

/** The public transparency report of a period, with small cells suppressed. */
export class TransparencyReportQuery {
  constructor(private readonly readModel: AnalyticsReadModel) {}

  async execute(period: ReportPeriod): Promise<TransparencyResponse> {
    const scope: FactScope = { fromDay: period.fromDay, toDay: period.toDay, departments: null };
    const by = async (dimension: CountDimension) =>
      Object.fromEntries((await this.readModel.counts(scope, dimension)).map((c) => [c.key, c.count]));
    const [[total], byBusinessCategory, byCause, byRegion, rootCauses, correctiveActions] = await Promise.all([
      this.readModel.totals(scope, null),
      by('product'),
      by('reason'),
      by('region'),
      by('rootCauseCategory'),
      by('correctiveActionCategory'),
    ]);
    const report = transparencyReport({
      counters: total?.counters ?? zeroCounters(),
      byBusinessCategory,
      byCause,
      byRegion,
      rootCauses,
      correctiveActions,
    });
    return { period: period.label, from: period.fromDay, to: period.toDay, timeZone: REPORTING_TIME_ZONE, ...report };
  }
}

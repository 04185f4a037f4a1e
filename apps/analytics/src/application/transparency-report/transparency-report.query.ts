import { isClosed, lastClosedMonth, monthsOf, type ReportPeriod } from '../../domain/report-period';
import { REPORTING_TIME_ZONE } from '../../domain/shanghai-time';
import { transparencyReport, TransparencyInputs, TransparencyReport } from '../../domain/transparency-report';
import { zeroCounters } from '../../domain/kpi-counters';
import { AnalyticsReadModel, CountDimension, FactScope } from '../analytics-read-model';
import type { Clock } from '../clock';

export type TransparencyResponse = { period: string; from: string; to: string; timeZone: string } & TransparencyReport;

/** A period asked for before it has ended (Asia/Shanghai): its figures would still move. */
export class PeriodNotClosedError extends Error {
  readonly field = 'period';
  constructor(
    readonly period: string,
    readonly lastClosedMonth: string,
  ) {
    super(`period ${period} has not ended yet (Asia/Shanghai); only ended periods are published, the latest month is ${lastClosedMonth}`);
  }
}

/**
 * The public transparency report of an ended period, with small cells suppressed month by month and
 * quarters and years added up from their months (domain/transparency-report.ts), so that no period
 * can be subtracted from another to recover a withheld count.
 */
export class TransparencyReportQuery {
  constructor(
    private readonly readModel: AnalyticsReadModel,
    private readonly clock: Clock,
  ) {}

  async execute(period: ReportPeriod): Promise<TransparencyResponse> {
    const now = this.clock.now();
    if (!isClosed(period, now)) throw new PeriodNotClosedError(period.label, lastClosedMonth(now));
    const months = await Promise.all(monthsOf(period).map((month) => this.month(month)));
    return { period: period.label, from: period.fromDay, to: period.toDay, timeZone: REPORTING_TIME_ZONE, ...transparencyReport(months) };
  }

  private async month(month: ReportPeriod): Promise<TransparencyInputs> {
    const scope: FactScope = { fromDay: month.fromDay, toDay: month.toDay, departments: null };
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
    return { counters: total?.counters ?? zeroCounters(), byBusinessCategory, byCause, byRegion, rootCauses, correctiveActions };
  }
}

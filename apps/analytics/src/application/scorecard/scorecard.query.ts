import type { Department } from '@complaints/contracts';
import type { KpiCounters } from '../../domain/kpi-counters';
import type { ReportPeriod } from '../../domain/report-period';
import { scorecard, Scorecard } from '../../domain/scorecard/scorecard';
import { previousPeriod } from '../../domain/scorecard/scorecard-period';
import type { ScorecardTargets } from '../../domain/scorecard/scorecard-targets';
import { REPORTING_TIME_ZONE } from '../../domain/shanghai-time';
import { AnalyticsReadModel } from '../analytics-read-model';
import { Clock } from '../clock';

export type ScorecardResponse = Scorecard & { timeZone: string };

/** The supervision group's scorecard: each department's measures in a period against targets and the period before. */
export class ScorecardQuery {
  constructor(
    private readonly readModel: AnalyticsReadModel,
    private readonly clock: Clock,
    private readonly targets: ScorecardTargets,
  ) {}

  /** `departments`: the rows (and the total) of only these departments; null: all. */
  async execute(
    period: ReportPeriod,
    asOf: Date = this.clock.now(),
    departments: readonly Department[] | null = null,
  ): Promise<ScorecardResponse> {
    const previous = previousPeriod(period);
    const [current, prior] = await Promise.all([this.byDepartment(period, departments), this.byDepartment(previous, departments)]);
    const card = scorecard({ period, previous, asOf, current, prior, targets: this.targets });
    const rows =
      departments === null ? card.departments : card.departments.filter((row) => (departments as readonly string[]).includes(row.key));
    return { ...card, departments: rows, timeZone: REPORTING_TIME_ZONE };
  }

  private async byDepartment(period: ReportPeriod, departments: readonly Department[] | null): Promise<Map<string, KpiCounters>> {
    const groups = await this.readModel.totals({ fromDay: period.fromDay, toDay: period.toDay, departments }, 'department');
    return new Map(groups.map((g) => [g.key, g.counters]));
  }
}

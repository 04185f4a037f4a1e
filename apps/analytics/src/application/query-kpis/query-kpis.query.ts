import type { Department } from '@complaints/contracts';
import { zeroCounters as zero } from '../../domain/kpi-counters';
import type { GroupByDimension } from '../../domain/kpi-dimensions';
import { kpiGroup, KpiGroup } from '../../domain/kpi-report';
import { REPORTING_TIME_ZONE } from '../../domain/shanghai-time';
import { AnalyticsReadModel } from '../analytics-read-model';

export interface KpiRequest {
  fromDay: string;
  toDay: string;
  groupBy: GroupByDimension | null;
  departments: readonly Department[] | null;
}

export interface KpiResponse {
  from: string;
  to: string;
  timeZone: string;
  groupBy: GroupByDimension | null;
  total: KpiGroup;
  groups: KpiGroup[];
}

/** The KPIs of the complaints received in a period, overall and per value of one dimension. */
export class QueryKpisQuery {
  constructor(private readonly readModel: AnalyticsReadModel) {}

  async execute(request: KpiRequest): Promise<KpiResponse> {
    const scope = { fromDay: request.fromDay, toDay: request.toDay, departments: request.departments };
    const [total] = await this.readModel.totals(scope, null);
    const groups = request.groupBy ? await this.readModel.totals(scope, request.groupBy) : [];
    const empty = { feedbackP50Ms: null, feedbackP90Ms: null, resolutionP50Ms: null, resolutionP90Ms: null };
    return {
      from: request.fromDay,
      to: request.toDay,
      timeZone: REPORTING_TIME_ZONE,
      groupBy: request.groupBy,
      total: total ? kpiGroup('*', total.counters, total.percentiles) : kpiGroup('*', zero(), empty),
      groups: groups.map((g) => kpiGroup(g.key, g.counters, g.percentiles)),
    };
  }
}

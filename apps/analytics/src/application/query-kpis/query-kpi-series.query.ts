import type { Department, KpiSeries } from '@complaints/contracts';
import type { GroupByDimension } from '../../domain/kpi-dimensions';
import { calendarDays, kpiSeries } from '../../domain/kpi-series';
import { REPORTING_TIME_ZONE } from '../../domain/shanghai-time';
import { KpiSeriesSource } from './kpi-series-source';

export interface KpiSeriesRequest {
  fromDay: string;
  toDay: string;
  groupBy: GroupByDimension | null;
  departments: readonly Department[] | null;
}

export interface KpiSeriesResponse {
  from: string;
  to: string;
  timeZone: string;
  interval: 'day';
  groupBy: GroupByDimension | null;
  days: string[];
  series: KpiSeries[];
}

/** Day-by-day KPIs of the complaints received in a period, per value of one dimension (or in total). */
export class QueryKpiSeriesQuery {
  constructor(private readonly source: KpiSeriesSource) {}

  async execute(request: KpiSeriesRequest): Promise<KpiSeriesResponse> {
    const rows = await this.source.dailyCounters(
      { fromDay: request.fromDay, toDay: request.toDay, departments: request.departments },
      request.groupBy,
    );
    const days = calendarDays(request.fromDay, request.toDay);
    return {
      from: request.fromDay,
      to: request.toDay,
      timeZone: REPORTING_TIME_ZONE,
      interval: 'day',
      groupBy: request.groupBy,
      days,
      series: kpiSeries(days, rows),
    };
  }
}

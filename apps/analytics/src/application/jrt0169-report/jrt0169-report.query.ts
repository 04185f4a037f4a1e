import { jrt0169Rows, Jrt0169Row } from '../../domain/jrt0169-table';
import type { ReportPeriod } from '../../domain/report-period';
import { AnalyticsReadModel } from '../analytics-read-model';

/** The JR/T 0169 statistics table of a period (all departments: it is the institution's return). */
export class Jrt0169ReportQuery {
  constructor(private readonly readModel: AnalyticsReadModel) {}

  async execute(period: ReportPeriod): Promise<Jrt0169Row[]> {
    return jrt0169Rows(await this.readModel.jrt0169Counts(period.fromDay, period.toDay));
  }
}

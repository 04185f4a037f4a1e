import { DataSource } from 'typeorm';
import { ClosedCaseSource } from '../../application/bulletin/bulletin-store';
import type { ClosedCaseCategories } from '../../domain/bulletin/bulletin';

interface Row {
  set: 'all' | 'root' | 'action';
  category: string | null;
  n: number;
}

/** Counts the fact rows whose case was closed (and not reopened since) in [from, to), per closure category. */
export class PostgresClosedCaseSource extends ClosedCaseSource {
  constructor(private readonly db: DataSource) {
    super();
  }

  async categories(from: Date, to: Date): Promise<ClosedCaseCategories> {
    const rows = await this.db.query<Row[]>(
      `SELECT CASE WHEN grouping(root_cause_category) = 0 THEN 'root' WHEN grouping(corrective_action_category) = 0 THEN 'action' ELSE 'all' END AS set,
              coalesce(root_cause_category, corrective_action_category) AS category, count(*)::int AS n
         FROM analytics.complaint_facts WHERE closed_at >= $1 AND closed_at < $2
        GROUP BY GROUPING SETS ((), (root_cause_category), (corrective_action_category))`,
      [from, to],
    );
    const result: ClosedCaseCategories = { closedCases: 0, rootCauses: {}, correctiveActions: {} };
    for (const r of rows) {
      if (r.set === 'all') result.closedCases = r.n;
      else if (r.category !== null) (r.set === 'root' ? result.rootCauses : result.correctiveActions)[r.category] = r.n;
    }
    return result;
  }
}

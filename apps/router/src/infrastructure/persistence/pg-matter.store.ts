import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseOpenChange, MatterStore } from '../../application/repeat-complaints/matter.store';

@Injectable()
export class PgMatterStore extends MatterStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  /** One statement; `= ANY` lets the matters be found by their primary key whatever the planner thinks of the unnest. */
  async setOpen(changes: readonly CaseOpenChange[]): Promise<void> {
    if (changes.length === 0) return;
    await this.db.query(
      `UPDATE routing.matters m SET open = c.open, closed_at = CASE WHEN c.open THEN NULL ELSE c.at END
       FROM unnest($1::uuid[], $2::boolean[], $3::timestamptz[]) AS c(complaint_id, open, at)
       WHERE m.complaint_id = c.complaint_id AND m.complaint_id = ANY($1::uuid[])`,
      [changes.map((c) => c.complaintId), changes.map((c) => c.open), changes.map((c) => c.at)],
    );
  }
}

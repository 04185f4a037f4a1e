import { DataSource } from 'typeorm';

export interface ExpiredRows {
  /** Schema-qualified table, e.g. `notifier.sms_surveys` (a constant of the service, never input). */
  table: string;
  /** The timestamptz column past which a row is no longer needed, e.g. `expires_at` (indexed). */
  column: string;
  /** Rows deleted per statement, so a large backlog never holds long locks. */
  batchSize?: number;
}

/** Deletes the rows of `table` whose `column` is at or before `now`, in batches; answers how many. */
export async function purgeExpired(db: DataSource, rows: ExpiredRows, now: Date): Promise<number> {
  const batchSize = rows.batchSize ?? 5_000;
  let total = 0;
  for (;;) {
    const result: unknown = await db.query(
      `DELETE FROM ${rows.table} WHERE ctid IN (SELECT ctid FROM ${rows.table} WHERE ${rows.column} <= $1 LIMIT $2)`,
      [now, batchSize],
    );
    // TypeORM answers a DELETE with [rows, affected count].
    const deleted = Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
    total += deleted;
    if (deleted < batchSize) return total;
  }
}

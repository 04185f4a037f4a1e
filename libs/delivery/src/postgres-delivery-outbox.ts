import { DataSource } from 'typeorm';
import { truncateText } from '@complaints/contracts';
import { DeliveryOutbox, DeliveryRequest, DueDelivery } from './delivery';

/** The outbox table of a service: create it in one of its migrations with {@link createDeliveriesTableSql}. */
export function createDeliveriesTableSql(schema: string): string[] {
  return [
    `CREATE TABLE ${schema}.deliveries (
       id text PRIMARY KEY,
       target text NOT NULL,
       payload jsonb NOT NULL,
       status text NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
       attempts int NOT NULL DEFAULT 0,
       next_attempt_at timestamptz NOT NULL,
       last_error text,
       created_at timestamptz NOT NULL,
       finished_at timestamptz
     )`,
    `CREATE INDEX deliveries_due_ix ON ${schema}.deliveries (next_attempt_at) WHERE status = 'pending'`,
  ];
}

/**
 * Records a delivery in `<schema>.deliveries` through `db`, which may be a transaction's manager, so a
 * service can queue a message in the same transaction as the change that causes it. True when it was new.
 */
export async function enqueueDelivery<P>(
  db: { query(sql: string, parameters?: unknown[]): Promise<unknown> },
  schema: string,
  request: DeliveryRequest<P>,
  now: Date,
): Promise<boolean> {
  const result = await db.query(
    `INSERT INTO ${schema}.deliveries (id, target, payload, status, attempts, next_attempt_at, created_at)
     VALUES ($1, $2, $3, 'pending', 0, $4, $4) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [request.id, request.target, JSON.stringify(request.payload), now],
  );
  return Array.isArray(result) && result.length > 0;
}

/** Several deliveries in one statement (see enqueueDelivery); answers the ids that were new. */
export async function enqueueDeliveries<P>(
  db: { query(sql: string, parameters?: unknown[]): Promise<unknown> },
  schema: string,
  requests: DeliveryRequest<P>[],
  now: Date,
): Promise<Set<string>> {
  if (requests.length === 0) return new Set();
  const result = await db.query(
    `INSERT INTO ${schema}.deliveries (id, target, payload, status, attempts, next_attempt_at, created_at)
     SELECT id, target, payload::jsonb, 'pending', 0, $4, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS r(id, target, payload)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [requests.map((r) => r.id), requests.map((r) => r.target), requests.map((r) => JSON.stringify(r.payload)), now],
  );
  return new Set(Array.isArray(result) ? (result as Array<{ id: string }>).map((row) => row.id) : []);
}

/** {@link DeliveryOutbox} in PostgreSQL (`<schema>.deliveries`); several instances may share it. */
export class PostgresDeliveryOutbox<P> extends DeliveryOutbox<P> {
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
  ) {
    super();
    this.table = `${schema}.deliveries`;
  }

  enqueue(request: DeliveryRequest<P>, now: Date): Promise<boolean> {
    return enqueueDelivery(this.dataSource, this.schema, request, now);
  }

  enqueueAll(requests: DeliveryRequest<P>[], now: Date): Promise<Set<string>> {
    return enqueueDeliveries(this.dataSource, this.schema, requests, now);
  }

  async claimDue(limit: number, leaseMs: number, now: Date): Promise<Array<DueDelivery<P>>> {
    // SKIP LOCKED + a lease: instances dispatch side by side without sending one delivery twice at once.
    const rows = await this.rows<{ id: string; target: string; payload: P; attempts: number }>(
      `UPDATE ${this.table} SET next_attempt_at = $2
        WHERE id IN (SELECT id FROM ${this.table} WHERE status = 'pending' AND next_attempt_at <= $1
                      ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
        RETURNING id, target, payload, attempts`,
      [now, new Date(now.getTime() + leaseMs), limit],
    );
    return rows.map((row) => ({ id: row.id, target: row.target, payload: row.payload, attempts: row.attempts }));
  }

  async markDelivered(id: string, attempts: number, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${this.table} SET status = 'delivered', attempts = $2, finished_at = $3, last_error = NULL WHERE id = $1`,
      [id, attempts, now],
    );
  }

  async scheduleRetry(id: string, attempts: number, nextAttemptAt: Date, error: string): Promise<void> {
    await this.dataSource.query(`UPDATE ${this.table} SET attempts = $2, next_attempt_at = $3, last_error = $4 WHERE id = $1`, [
      id,
      attempts,
      nextAttemptAt,
      truncateText(error, 1_000),
    ]);
  }

  async markDead(id: string, attempts: number, error: string, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${this.table} SET status = 'dead', attempts = $2, last_error = $3, finished_at = $4 WHERE id = $1`,
      [id, attempts, truncateText(error, 1_000), now],
    );
  }

  /** The returned rows of an INSERT/UPDATE … RETURNING (TypeORM answers `[rows, count]` for those). */
  private async rows<T = { id: string }>(sql: string, parameters: unknown[]): Promise<T[]> {
    const result: unknown = await this.dataSource.query(sql, parameters);
    if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
    return result as T[];
  }
}

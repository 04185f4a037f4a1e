import type { Pool, PoolClient, QueryResult } from 'pg';
import { DataSource } from 'typeorm';
import { ProjectedEvent, ReadModelWriter } from '../../application/record-event/read-model-writer';
import type { AnalyticsEvent } from '../../domain/analytics-event';
import { foldBatch } from '../../domain/fact-batch';
import type { Jrt0169Delta } from '../../domain/jrt0169-rollup';
import type { RollupDelta } from '../../domain/kpi-rollup';
import { FACT_COLUMNS, factRow } from './fact-row';
import { COUNTER_COLUMNS } from './rollup-columns';
import { jsonbLiteral } from './sql-literal';

/**
 * One transaction-scoped advisory lock per complaint, taken in the order of the lock keys (a sorted
 * subquery is evaluated before the outer call), so two batches sharing complaints never wait on each
 * other crosswise. `ids` is a jsonb array of complaint ids.
 */
const lockComplaintsSql = (ids: string) => `
  SELECT count(pg_advisory_xact_lock(k)) AS locks
  FROM (SELECT DISTINCT hashtextextended(id, 7) AS k FROM jsonb_array_elements_text(${ids}) AS id ORDER BY k) AS keys`;

/**
 * Records the batch's eventIds (unique: only the new ones come back, with `complaint_id` null) and
 * reads every stored event of the batch's complaints (`event_id` null), in one statement: it runs
 * after the lock statement, so its snapshot sees every event committed before the locks were granted.
 */
const recordAndReadSql = (applied: string, complaintIds: string) => `
  WITH inserted AS (
    INSERT INTO analytics.applied_events (event_id, topic)
    SELECT event_id, topic FROM jsonb_to_recordset(${applied}) AS e(event_id uuid, topic text)
    ON CONFLICT (event_id) DO NOTHING
    RETURNING event_id)
  SELECT event_id::text AS event_id, NULL::text AS complaint_id, NULL::jsonb AS body FROM inserted
  UNION ALL
  SELECT NULL, complaint_id::text, body FROM analytics.complaint_events
  WHERE complaint_id = ANY (ARRAY(SELECT jsonb_array_elements_text(${complaintIds})::uuid))`;

const ROLLUP_KEY_COLUMNS = ['dimension', 'grain', 'day', 'department', 'key'];
const HISTOGRAM_COLUMNS = ['feedback_histogram', 'resolution_histogram'];
const ROLLUP_COLUMNS = [...ROLLUP_KEY_COLUMNS, ...COUNTER_COLUMNS.map((c) => c.column), ...HISTOGRAM_COLUMNS];
const FACT_NAMES = FACT_COLUMNS.map(([c]) => c);

/**
 * Everything a batch writes, in one statement: the new events' projections (each stored whole as its
 * row's body), the touched complaints' facts, the summed deltas of kpi_rollup rows (zero counters and
 * empty histograms left out) and of jrt0169_rollup rows. Each rollup's rows are inserted (and so
 * locked) in array order (key order); the scalar subqueries run the parts in this order, kpi_rollup
 * before jrt0169_rollup, the same in every batch.
 */
const writeBatchSql = (events: string, facts: string, rollups: string, jrt0169: string) => `
  WITH stored_events AS (
    INSERT INTO analytics.complaint_events (complaint_id, event_id, topic, kafka_offset, at, body)
    SELECT (e->>'complaintId')::uuid, (e->>'eventId')::uuid, e->>'topic', (e->>'offset')::bigint, (e->>'at')::timestamptz, e
    FROM jsonb_array_elements(${events}) AS e
    ON CONFLICT DO NOTHING
    RETURNING 1),
  stored_facts AS (
    INSERT INTO analytics.complaint_facts (${FACT_NAMES.join(', ')}, updated_at)
    SELECT ${FACT_NAMES.join(', ')}, now() FROM jsonb_populate_recordset(NULL::analytics.complaint_facts, ${facts})
    ON CONFLICT (complaint_id) DO UPDATE SET
    ${FACT_NAMES.slice(1)
      .map((c) => `${c} = EXCLUDED.${c}`)
      .join(', ')}, updated_at = now()
    RETURNING 1),
  kpi_rows AS (
    INSERT INTO analytics.kpi_rollup (${ROLLUP_COLUMNS.join(', ')})
    SELECT ${ROLLUP_KEY_COLUMNS.join(', ')}, ${COUNTER_COLUMNS.map((c) => `coalesce(${c.column}, 0)`).join(', ')},
      ${HISTOGRAM_COLUMNS.map((c) => `coalesce(${c}, '{}')`).join(', ')}
    FROM jsonb_populate_recordset(NULL::analytics.kpi_rollup, ${rollups}) WITH ORDINALITY ORDER BY ordinality
    ON CONFLICT (${ROLLUP_KEY_COLUMNS.join(', ')}) DO UPDATE SET
    ${COUNTER_COLUMNS.map((c) => `${c.column} = analytics.kpi_rollup.${c.column} + EXCLUDED.${c.column}`).join(', ')},
    ${HISTOGRAM_COLUMNS.map((c) => `${c} = CASE WHEN cardinality(EXCLUDED.${c}) = 0 THEN analytics.kpi_rollup.${c} ELSE analytics.add_histograms(analytics.kpi_rollup.${c}, EXCLUDED.${c}) END`).join(', ')}
    RETURNING 1),
  jrt0169_rows AS (
    INSERT INTO analytics.jrt0169_rollup (grain, day, channel, product, reason, volume)
    SELECT grain, day, channel, product, reason, volume
    FROM jsonb_populate_recordset(NULL::analytics.jrt0169_rollup, ${jrt0169}) WITH ORDINALITY ORDER BY ordinality
    ON CONFLICT (grain, day, channel, product, reason) DO UPDATE SET volume = analytics.jrt0169_rollup.volume + EXCLUDED.volume
    RETURNING 1)
  SELECT (SELECT count(*) FROM stored_events) AS events, (SELECT count(*) FROM stored_facts) AS facts,
    (SELECT count(*) FROM kpi_rows) AS kpi_rows, (SELECT count(*) FROM jrt0169_rows) AS jrt0169_rows`;

const jrt0169Row = ({ key, volume }: Jrt0169Delta) => ({ ...key, volume });

/** A delta as a row for jsonb_populate_recordset, only its non-zero parts (a batch sends thousands). */
function rollupRow({ key, counters, feedbackHistogram, resolutionHistogram }: RollupDelta): Record<string, unknown> {
  const row: Record<string, unknown> = {
    dimension: key.dimension,
    grain: key.grain,
    day: key.day,
    department: key.department,
    key: key.key,
  };
  for (const c of COUNTER_COLUMNS) if (counters[c.name] !== 0) row[c.column] = counters[c.name];
  if (feedbackHistogram.length > 0) row.feedback_histogram = feedbackHistogram;
  if (resolutionHistogram.length > 0) row.resolution_histogram = resolutionHistogram;
  return row;
}

const sortedUnique = (values: Iterable<string>) => [...new Set(values)].sort();

interface RecordedRow {
  event_id: string | null;
  complaint_id: string | null;
  body: AnalyticsEvent | null;
}

/**
 * The read model's write side in PostgreSQL (schema `analytics`). Batches applied together make one
 * transaction of two round trips (statements sent together, no bind parameters, values as escaped
 * JSON literals): (1) begin, lock the complaints concerned, record the eventIds (unique: only the
 * new ones come back) and read every stored event of those complaints; then fold each complaint
 * with new events once (domain/fact-batch); (2) store the new events' projections, upsert their facts
 * and add the summed rollup deltas (kpi_rollup, then jrt0169_rollup), and commit.
 *
 * Concurrency: the three topics' consumers (and a rebuild beside them) each apply batches at once.
 * The per-complaint locks make each complaint's fold see every event committed before it (no lost
 * event, no lost rollup update); rollup rows are only ever added to (`x = x + delta`) and each batch
 * locks them in one global order after all its complaint locks (kpi_rollup rows in key order, then
 * jrt0169_rollup rows in key order), so batches never deadlock.
 */
export class PostgresReadModelWriter extends ReadModelWriter {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async applyBatches(batches: readonly (readonly ProjectedEvent[])[]): Promise<number[]> {
    // Each eventId is counted for the first batch it appears in.
    const byId = new Map<string, { event: ProjectedEvent; batch: number }>();
    batches.forEach((batch, index) => {
      for (const event of batch) {
        const id = event.eventId.toLowerCase();
        if (event.projections.length > 0 && !byId.has(id)) byId.set(id, { event, batch: index });
      }
    });
    const counts = batches.map(() => 0);
    if (byId.size === 0) return counts;
    const eventIds = [...byId.keys()].sort();
    const complaintIds = sortedUnique([...byId.values()].flatMap(({ event }) => event.projections.map((p) => p.complaintId.toLowerCase())));
    const applied = eventIds.map((id) => ({ event_id: id, topic: byId.get(id)!.event.projections[0].topic }));

    const client = await this.pool().connect();
    let broken: Error | undefined;
    // A client taken from the pool has no 'error' listener until it is given back: without this one, a
    // connection lost between two statements (a database restart) is an unhandled 'error' event that ends
    // the process. The statement in flight fails instead, and the client is not given back to the pool.
    const onError = (error: Error) => {
      broken ??= error;
    };
    client.on('error', onError);
    try {
      const results = await this.query(
        client,
        `BEGIN; ${lockComplaintsSql(jsonbLiteral(complaintIds))}; ${recordAndReadSql(jsonbLiteral(applied), jsonbLiteral(complaintIds))}`,
      );
      const rows = results[results.length - 1].rows as RecordedRow[];
      const inserted = rows.flatMap((r) => (r.event_id === null ? [] : [r.event_id]));
      if (inserted.length === 0) {
        await client.query('COMMIT');
        return counts;
      }
      const added = inserted.flatMap((id) => byId.get(id)!.event.projections);
      const { facts, deltas, jrt0169Deltas } = foldBatch(storedEvents(rows, added), added);
      await this.query(
        client,
        `${writeBatchSql(
          jsonbLiteral(added),
          jsonbLiteral(facts.map(factRow)),
          jsonbLiteral(deltas.map(rollupRow)),
          jsonbLiteral(jrt0169Deltas.map(jrt0169Row)),
        )}; COMMIT`,
      );
      for (const id of inserted) counts[byId.get(id)!.batch]++;
      return counts;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
      throw error;
    } finally {
      // A connection that could not roll back (or was lost) is not given back to the pool.
      client.removeListener('error', onError);
      client.release(broken);
    }
  }

  private pool(): Pool {
    return (this.dataSource.driver as unknown as { master: Pool }).master;
  }

  /** Statements sent together: one result per statement. */
  private async query(client: PoolClient, sql: string): Promise<QueryResult[]> {
    const result = (await client.query(sql)) as QueryResult | QueryResult[];
    return Array.isArray(result) ? result : [result];
  }
}

/** Every event stored before of the complaints `added` concerns, under the ids the new events use. */
function storedEvents(rows: readonly RecordedRow[], added: readonly AnalyticsEvent[]): Map<string, AnalyticsEvent[]> {
  const byComplaint = new Map<string, AnalyticsEvent[]>();
  for (const row of rows) {
    if (row.complaint_id === null || row.body === null) continue;
    const events = byComplaint.get(row.complaint_id);
    if (events) events.push(row.body);
    else byComplaint.set(row.complaint_id, [row.body]);
  }
  const ids = sortedUnique(added.map((e) => e.complaintId));
  return new Map(ids.map((id) => [id, byComplaint.get(id.toLowerCase()) ?? []]));
}

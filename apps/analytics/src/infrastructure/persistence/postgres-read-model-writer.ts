import { DataSource, EntityManager } from 'typeorm';
import { ProjectedEvent, ReadModelWriter } from '../../application/record-event/read-model-writer';
import type { AnalyticsEvent } from '../../domain/analytics-event';
import { foldBatch } from '../../domain/fact-batch';
import type { Jrt0169Delta } from '../../domain/jrt0169-rollup';
import type { RollupDelta } from '../../domain/kpi-rollup';
import { factRow, UPSERT_FACTS_SQL } from './fact-row';
import { COUNTER_COLUMNS } from './rollup-columns';

/**
 * One transaction-scoped advisory lock per complaint, taken in the order of the lock keys (a sorted
 * subquery is evaluated before the outer call), so two batches sharing complaints never wait on each
 * other crosswise.
 */
const LOCK_COMPLAINTS_SQL = `
  SELECT pg_advisory_xact_lock(k)
  FROM (SELECT DISTINCT hashtextextended(id, 7) AS k FROM unnest($1::text[]) AS id ORDER BY k) AS keys`;

const INSERT_APPLIED_SQL = `
  INSERT INTO analytics.applied_events (event_id, topic)
  SELECT * FROM unnest($1::uuid[], $2::text[])
  ON CONFLICT (event_id) DO NOTHING
  RETURNING event_id`;

/** `$1` is a jsonb array of projections (AnalyticsEvent), each stored whole as the row's body. */
const INSERT_EVENTS_SQL = `
  INSERT INTO analytics.complaint_events (complaint_id, event_id, topic, kafka_offset, at, body)
  SELECT (e->>'complaintId')::uuid, (e->>'eventId')::uuid, e->>'topic', (e->>'offset')::bigint, (e->>'at')::timestamptz, e
  FROM jsonb_array_elements($1::jsonb) AS e
  ON CONFLICT DO NOTHING`;

const ROLLUP_KEY_COLUMNS = ['dimension', 'grain', 'day', 'department', 'key'];
const HISTOGRAM_COLUMNS = ['feedback_histogram', 'resolution_histogram'];
const ROLLUP_COLUMNS = [...ROLLUP_KEY_COLUMNS, ...COUNTER_COLUMNS.map((c) => c.column), ...HISTOGRAM_COLUMNS];

/**
 * Adds deltas to many rollup rows: `$1` is a jsonb array of rows (zero counters and empty histograms
 * left out), inserted (and so locked) in array order.
 */
const UPSERT_ROLLUPS_SQL = `
  INSERT INTO analytics.kpi_rollup (${ROLLUP_COLUMNS.join(', ')})
  SELECT ${ROLLUP_KEY_COLUMNS.join(', ')}, ${COUNTER_COLUMNS.map((c) => `coalesce(${c.column}, 0)`).join(', ')},
    ${HISTOGRAM_COLUMNS.map((c) => `coalesce(${c}, '{}')`).join(', ')}
  FROM jsonb_populate_recordset(NULL::analytics.kpi_rollup, $1::jsonb) WITH ORDINALITY ORDER BY ordinality
  ON CONFLICT (${ROLLUP_KEY_COLUMNS.join(', ')}) DO UPDATE SET
  ${COUNTER_COLUMNS.map((c) => `${c.column} = analytics.kpi_rollup.${c.column} + EXCLUDED.${c.column}`).join(', ')},
  ${HISTOGRAM_COLUMNS.map((c) => `${c} = CASE WHEN cardinality(EXCLUDED.${c}) = 0 THEN analytics.kpi_rollup.${c} ELSE analytics.add_histograms(analytics.kpi_rollup.${c}, EXCLUDED.${c}) END`).join(', ')}`;

/**
 * Adds complaints to JR/T 0169 rollup rows: `$1` is a jsonb array of deltas (grain, day, channel, product,
 * reason, volume), inserted (and so locked) in array order.
 */
const UPSERT_JRT0169_SQL = `
  INSERT INTO analytics.jrt0169_rollup (grain, day, channel, product, reason, volume)
  SELECT grain, day, channel, product, reason, volume
  FROM jsonb_populate_recordset(NULL::analytics.jrt0169_rollup, $1::jsonb) WITH ORDINALITY ORDER BY ordinality
  ON CONFLICT (grain, day, channel, product, reason) DO UPDATE SET volume = analytics.jrt0169_rollup.volume + EXCLUDED.volume`;

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

/**
 * The read model's write side in PostgreSQL (schema `analytics`). A batch is applied in one
 * transaction: lock the complaints it concerns, record the eventIds (unique: only the new ones come
 * back), store the new events' projections, load every stored event of the complaints they touch in
 * one query, fold each of those complaints once (domain/fact-batch), upsert their facts in one
 * statement and add the summed rollup deltas in one more per rollup (kpi_rollup, then jrt0169_rollup).
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

  async applyBatch(batch: readonly ProjectedEvent[]): Promise<number> {
    const byId = new Map<string, ProjectedEvent>();
    for (const e of batch) if (e.projections.length > 0 && !byId.has(e.eventId.toLowerCase())) byId.set(e.eventId.toLowerCase(), e);
    if (byId.size === 0) return 0;
    const eventIds = [...byId.keys()].sort();
    const complaintIds = sortedUnique([...byId.values()].flatMap((e) => e.projections.map((p) => p.complaintId.toLowerCase())));
    return this.dataSource.transaction(async (tx) => {
      await tx.query(LOCK_COMPLAINTS_SQL, [complaintIds]);
      const inserted = await tx.query<{ event_id: string }[]>(INSERT_APPLIED_SQL, [
        eventIds,
        eventIds.map((id) => byId.get(id)!.projections[0].topic),
      ]);
      if (inserted.length === 0) return 0;
      const added = inserted.flatMap((r) => byId.get(r.event_id)!.projections);
      const stored = await this.storedEvents(tx, added);
      await tx.query(INSERT_EVENTS_SQL, [JSON.stringify(added)]);
      const { facts, deltas, jrt0169Deltas } = foldBatch(stored, added);
      await tx.query(UPSERT_FACTS_SQL, [JSON.stringify(facts.map(factRow))]);
      if (deltas.length > 0) await tx.query(UPSERT_ROLLUPS_SQL, [JSON.stringify(deltas.map(rollupRow))]);
      if (jrt0169Deltas.length > 0) await tx.query(UPSERT_JRT0169_SQL, [JSON.stringify(jrt0169Deltas.map(jrt0169Row))]);
      return inserted.length;
    });
  }

  /** Every event stored before of the complaints `added` concerns, under the ids the new events use. */
  private async storedEvents(tx: EntityManager, added: readonly AnalyticsEvent[]): Promise<Map<string, AnalyticsEvent[]>> {
    const ids = sortedUnique(added.map((e) => e.complaintId));
    const rows = await tx.query<
      {
        complaint_id: string;
        body: AnalyticsEvent;
      }[]
    >('SELECT complaint_id, body FROM analytics.complaint_events WHERE complaint_id = ANY($1::uuid[])', [ids]);
    const byComplaint = new Map<string, AnalyticsEvent[]>();
    for (const row of rows) {
      const events = byComplaint.get(row.complaint_id);
      if (events) events.push(row.body);
      else byComplaint.set(row.complaint_id, [row.body]);
    }
    return new Map(ids.map((id) => [id, byComplaint.get(id.toLowerCase()) ?? []]));
  }
}

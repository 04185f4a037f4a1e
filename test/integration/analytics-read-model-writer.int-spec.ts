import { DataSource } from 'typeorm';
import { dropDatabase, ensureDatabase, migrate } from '@complaints/persistence';
import type { ProjectedEvent } from '../../apps/analytics/src/application/record-event/read-model-writer';
import { projectCaseEvent, projectReceived, projectRouted } from '../../apps/analytics/src/application/record-event/event-projection';
import { foldComplaintFact } from '../../apps/analytics/src/domain/complaint-fact';
import { analyticsDataSourceOptions, ANALYTICS_SCHEMA } from '../../apps/analytics/src/infrastructure/persistence/analytics.data-source';
import { PostgresReadModelWriter } from '../../apps/analytics/src/infrastructure/persistence/postgres-read-model-writer';
import { PostgresAnalyticsReadModel } from '../../apps/analytics/src/infrastructure/persistence/postgres-analytics-read-model';
import { jrt0169BackfillSql, rollupBackfillSql } from '../../apps/analytics/src/infrastructure/persistence/rollup-backfill';
import { parsePeriod } from '../../apps/analytics/src/domain/report-period';
import { ComplaintScript, expectedJrt0169Rollup, expectedRollups, jrt0169Table, rollupTable, uniqueMonth } from './analytics-fixtures';
import { databaseOfItsOwn } from '../support/own-database';

const COMPLAINTS = 40;
const WRITERS = 6;

/** A fixed pseudo-random permutation per seed (a test that fails does so again). */
function permuted<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The Postgres writer alone, as a rebuild beside the running service uses it: several writers apply
 * the very same events at once, in different orders and batch sizes, sharing complaints and rollup
 * rows. Every event counts once, no transaction fails (no deadlock), and the numbers are a serial fold's
 * (and those the backfill from the fact rows gives), in the KPI rollup and in the JR/T 0169 one.
 */
describe('PostgresReadModelWriter under concurrent writers', () => {
  let dataSource: DataSource;
  const month = uniqueMonth();

  // A database of its own: these events never pass through Kafka, so the shared read model could not
  // be rebuilt from the topics with them in it (analytics-read-model.int-spec.ts checks that it can).
  const url = databaseOfItsOwn('writer');

  beforeAll(async () => {
    await dropDatabase(url);
    await ensureDatabase(url);
    dataSource = await new DataSource(analyticsDataSourceOptions(url, WRITERS + 2)).initialize();
    await migrate(dataSource, ANALYTICS_SCHEMA);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabase(url);
  });

  function projectedEvents(): ProjectedEvent[] {
    // Two channels, two products and two causes over days 1, 2 and 3, so the JR/T 0169 cells differ.
    const scripts = Array.from(
      { length: COMPLAINTS },
      (_, i) =>
        new ComplaintScript(month.at(1 + (i % 3)), i % 4 ? 'web' : 'hotline', {
          department: i % 3 ? 'CARD_CENTER' : 'LENDING',
          product: i % 5 ? 'CREDIT_CARD' : 'LOAN',
          reason: i % 2 ? 'FEES' : 'PROCESS',
        }),
    );
    return scripts.flatMap((s, i) => {
      const cases = [s.caseEvent('opened', 0.1), s.caseEvent('feedback_sent', 5 + i, { first: true }, 'IN_PROGRESS')];
      if (i % 8 === 0)
        cases.push(
          s.caseEvent('linked_complaint', 1, { linkedComplaintId: scripts[i + 1].complaintId, linkedReference: scripts[i + 1].reference }),
        );
      if (i % 2 === 0)
        cases.push(s.caseEvent('resolved', 50 + i, {}, 'RESOLVED'), s.caseEvent('satisfaction_recorded', 60, { score: 1 + (i % 5) }));
      return [
        { eventId: '', projections: projectReceived(s.received(), i) },
        { eventId: '', projections: projectRouted(s.routed(), i) },
        ...cases.map((e, k) => ({ eventId: '', projections: projectCaseEvent(e, i * 10 + k) })),
      ].map((p) => ({ ...p, eventId: p.projections[0].eventId }));
    });
  }

  it('applies each event once and gives the serial numbers, without a failed transaction', async () => {
    const events = projectedEvents();
    const writer = new PostgresReadModelWriter(dataSource);
    const applied = await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        const order = permuted(events, w + 1);
        const size = [1, 7, 16, 33, 64, events.length][w];
        let count = 0;
        for (let i = 0; i < order.length; i += size) count += await writer.applyBatch(order.slice(i, i + size));
        return count;
      }),
    );
    expect(applied.reduce((a, b) => a + b, 0)).toBe(events.length);

    const projections = events.flatMap((e) => e.projections);
    const complaintIds = [...new Set(projections.map((p) => p.complaintId))];
    const facts = complaintIds.map((id) =>
      foldComplaintFact(
        id,
        projections.filter((p) => p.complaintId === id),
      ),
    );
    const expected = expectedRollups(facts);
    const query = (sql: string, params: unknown[]) => dataSource.query<Record<string, unknown>[]>(sql, params);
    expect(await rollupTable(query, month.day(1), month.day(28))).toEqual(expected);
    expect([...expected].filter(([id]) => id.startsWith('department|day|')).reduce((sum, [, c]) => sum + c.counters.volume, 0)).toBe(
      COMPLAINTS,
    );

    // The same rows as the migration's backfill from the fact rows gives (histogram buckets in SQL as in the domain).
    await dataSource.transaction(async (tx) => {
      await tx.query('CREATE TEMPORARY TABLE backfilled (LIKE analytics.kpi_rollup INCLUDING ALL) ON COMMIT DROP');
      await tx.query(rollupBackfillSql('backfilled', 'complaint_id = ANY($1::uuid[])'), [complaintIds]);
      const txQuery = (sql: string, params: unknown[]) => tx.query<Record<string, unknown>[]>(sql, params);
      expect(await rollupTable(txQuery, month.day(1), month.day(28), 'backfilled')).toEqual(expected);
    });

    // The JR/T 0169 rollup: the serial fold's cells, and the same as its migration's backfill gives.
    const expectedJrt0169 = expectedJrt0169Rollup(facts);
    expect(await jrt0169Table(query, month.day(1), month.day(28))).toEqual(expectedJrt0169);
    expect([...expectedJrt0169].filter(([id]) => id.startsWith('month|')).reduce((sum, [, n]) => sum + n, 0)).toBe(COMPLAINTS);
    await dataSource.transaction(async (tx) => {
      await tx.query('CREATE TEMPORARY TABLE backfilled_jrt0169 (LIKE analytics.jrt0169_rollup INCLUDING ALL) ON COMMIT DROP');
      await tx.query(jrt0169BackfillSql('backfilled_jrt0169', 'complaint_id = ANY($1::uuid[])'), [complaintIds]);
      const txQuery = (sql: string, params: unknown[]) => tx.query<Record<string, unknown>[]>(sql, params);
      expect(await jrt0169Table(txQuery, month.day(1), month.day(28), 'backfilled_jrt0169')).toEqual(expectedJrt0169);
    });

    // The JR/T 0169 table read from the rollup (month rows for the whole month, day rows for part of
    // it) has the cells counted straight from the fact rows, in the same order.
    const readModel = new PostgresAnalyticsReadModel(dataSource);
    const whole = parsePeriod(month.period)!;
    for (const [fromDay, toDay] of [
      [whole.fromDay, whole.toDay],
      [month.day(2), month.day(20)],
      [month.day(3), month.day(3)],
    ]) {
      const fromFacts = (await query(
        `SELECT coalesce(channel, 'UNKNOWN') AS channel, coalesce(product, 'UNKNOWN') AS product, coalesce(reason, 'UNKNOWN') AS reason, count(*)::int AS count
         FROM analytics.complaint_facts WHERE received_day BETWEEN $1::date AND $2::date GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
        [fromDay, toDay],
      )) as { channel: string; product: string; reason: string; count: number }[];
      expect(fromFacts.length).toBeGreaterThanOrEqual(4);
      expect(await readModel.jrt0169Counts(fromDay, toDay)).toEqual(fromFacts);
    }
  });
});

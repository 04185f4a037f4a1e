import { MigrationInterface, QueryRunner } from 'typeorm';
import { UNKNOWN_KEY } from '../../../domain/kpi-dimensions';
import { COUNTER_COLUMNS } from '../rollup-columns';
import { COUNTER_SQL, rollupBackfillSql } from '../rollup-backfill';

const DAILY_KEY = ['department', 'channel', 'product', 'reason', 'service_point', 'priority'];

/**
 * The per-dimension rollups (domain/kpi-rollup.ts) with duration histograms, filled from the fact rows,
 * in place of `daily_rollup`, whose key of all six dimensions held nearly one row per complaint.
 */
export class KpiRollup1765300000000 implements MigrationInterface {
  name = 'KpiRollup1765300000000';

  async up(runner: QueryRunner): Promise<void> {
    // Histograms are int[] of counts per bucket (index 1 = bucket 0) without trailing zeros. A delta `b`
    // has few buckets that are not zero (a batch's complaints): only those are added to `a`.
    await runner.query(`
      CREATE FUNCTION analytics.add_histograms(a int[], b int[]) RETURNS int[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
      DECLARE
        n int := cardinality(b);
      BEGIN
        IF cardinality(a) < n THEN a := a || array_fill(0, ARRAY[n - cardinality(a)]); END IF;
        FOR i IN 1..n LOOP
          IF b[i] <> 0 THEN a[i] := a[i] + b[i]; END IF;
        END LOOP;
        n := cardinality(a);
        WHILE n > 0 AND a[n] = 0 LOOP n := n - 1; END LOOP;
        IF n < cardinality(a) THEN a := a[1:n]; END IF;
        RETURN a;
      END $$`);
    await runner.query(`
      CREATE FUNCTION analytics.histogram_count(h int[], bucket int) RETURNS int[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
      BEGIN
        IF bucket IS NULL THEN RETURN h; END IF;
        IF cardinality(h) <= bucket THEN h := h || array_fill(0, ARRAY[bucket + 1 - cardinality(h)]); END IF;
        h[bucket + 1] := h[bucket + 1] + 1;
        RETURN h;
      END $$`);
    await runner.query(`CREATE AGGREGATE analytics.histogram(int) (SFUNC = analytics.histogram_count, STYPE = int[], INITCOND = '{}')`);
    const counters = COUNTER_COLUMNS.map((c) => `${c.column} bigint NOT NULL DEFAULT 0`).join(',\n        ');
    await runner.query(`
      CREATE TABLE analytics.kpi_rollup (
        dimension text NOT NULL,
        grain text NOT NULL CHECK (grain IN ('day', 'month')),
        day date NOT NULL,
        department text NOT NULL,
        key text NOT NULL,
        ${counters},
        feedback_histogram int[] NOT NULL DEFAULT '{}',
        resolution_histogram int[] NOT NULL DEFAULT '{}',
        PRIMARY KEY (dimension, grain, day, department, key)
      )`);
    await runner.query(rollupBackfillSql());
    await runner.query('DROP TABLE analytics.daily_rollup');
  }

  async down(runner: QueryRunner): Promise<void> {
    const counters = COUNTER_COLUMNS.map((c) => `${c.column} bigint NOT NULL DEFAULT 0`).join(',\n        ');
    await runner.query(`
      CREATE TABLE analytics.daily_rollup (
        day date NOT NULL,
        ${DAILY_KEY.map((c) => `${c} text NOT NULL`).join(',\n        ')},
        ${counters},
        PRIMARY KEY (day, ${DAILY_KEY.join(', ')})
      )`);
    await runner.query(`
      INSERT INTO analytics.daily_rollup (day, ${DAILY_KEY.join(', ')}, ${COUNTER_COLUMNS.map((c) => c.column).join(', ')})
      SELECT received_day, ${DAILY_KEY.map((c) => `coalesce(${c}, '${UNKNOWN_KEY}')`).join(', ')}, ${COUNTER_COLUMNS.map((c) => `sum(${COUNTER_SQL[c.name]})`).join(', ')}
      FROM analytics.complaint_facts WHERE received_day IS NOT NULL GROUP BY ${[1, 2, 3, 4, 5, 6, 7].join(', ')}`);
    await runner.query('DROP TABLE analytics.kpi_rollup');
    await runner.query('DROP AGGREGATE analytics.histogram(int)');
    await runner.query('DROP FUNCTION analytics.histogram_count(int[], int)');
    await runner.query('DROP FUNCTION analytics.add_histograms(int[], int[])');
  }
}

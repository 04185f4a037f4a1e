import { MigrationInterface, QueryRunner } from 'typeorm';
import { jrt0169BackfillSql } from '../rollup-backfill';

/**
 * The JR/T 0169 rollup (domain/jrt0169-rollup.ts): complaints per day and month of receipt x channel x
 * business category x cause, filled from the fact rows, so that the JR/T 0169 table of a period sums a
 * few thousand rows instead of counting its complaints' fact rows.
 */
export class Jrt0169Rollup1765400000000 implements MigrationInterface {
  name = 'Jrt0169Rollup1765400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE analytics.jrt0169_rollup (
        grain text NOT NULL CHECK (grain IN ('day', 'month')),
        day date NOT NULL,
        channel text NOT NULL,
        product text NOT NULL,
        reason text NOT NULL,
        volume bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (grain, day, channel, product, reason)
      )`);
    await runner.query(jrt0169BackfillSql());
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE analytics.jrt0169_rollup');
  }
}

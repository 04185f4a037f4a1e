import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hot-spot deduplication's state in the database (it was in each process's memory), so several
 * analytics instances and restarts share it: per alert key, when it was last detected and the count
 * last raised. Seeded from the alerts raised so far.
 */
export class HotSubjects1765250000000 implements MigrationInterface {
  name = 'HotSubjects1765250000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE analytics.hot_subjects (
        key text PRIMARY KEY,
        last_detected_at timestamptz NOT NULL,
        raised_observed int NOT NULL
      )`);
    await runner.query(`
      INSERT INTO analytics.hot_subjects (key, last_detected_at, raised_observed)
      SELECT DISTINCT ON (key) key, raised_at, observed FROM analytics.alerts ORDER BY key, raised_at DESC`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE analytics.hot_subjects');
  }
}

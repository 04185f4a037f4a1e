import { MigrationInterface, QueryRunner } from 'typeorm';

export class Hotspots1765000000000 implements MigrationInterface {
  name = 'Hotspots1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    // What emerging-term detection needs of each complaint (its extracted terms, not its text), kept for
    // the lookback plus the window (7 days + 1 h): the in-memory term state is replayed from here at start.
    await runner.query(`
      CREATE TABLE analytics.complaint_terms (
        complaint_id uuid PRIMARY KEY,
        reference text NOT NULL,
        received_at timestamptz NOT NULL,
        terms text[] NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await runner.query('CREATE INDEX complaint_terms_received_idx ON analytics.complaint_terms (received_at)');
    await runner.query('CREATE INDEX complaint_terms_recorded_idx ON analytics.complaint_terms (recorded_at)');
    // Raised alerts, and their outbox: published_at stays null until Kafka acknowledged the alert.
    await runner.query(`
      CREATE TABLE analytics.alerts (
        seq bigserial PRIMARY KEY,
        alert_id uuid NOT NULL UNIQUE,
        key text NOT NULL,
        kind text NOT NULL,
        raise text NOT NULL,
        dimension text,
        subject text NOT NULL,
        since timestamptz NOT NULL,
        until timestamptz NOT NULL,
        observed int NOT NULL,
        expected double precision NOT NULL,
        ratio double precision NOT NULL,
        p_value double precision NOT NULL,
        threshold double precision NOT NULL,
        samples text[] NOT NULL,
        raised_at timestamptz NOT NULL,
        published_at timestamptz,
        attempts int NOT NULL DEFAULT 0,
        last_error text
      )`);
    await runner.query('CREATE INDEX alerts_raised_idx ON analytics.alerts (raised_at)');
    await runner.query('CREATE INDEX alerts_pending_idx ON analytics.alerts (seq) WHERE published_at IS NULL');
    // Spike series count facts per hour of receipt.
    await runner.query('CREATE INDEX complaint_facts_received_at_idx ON analytics.complaint_facts (received_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX analytics.complaint_facts_received_at_idx');
    await runner.query('DROP TABLE analytics.alerts');
    await runner.query('DROP TABLE analytics.complaint_terms');
  }
}

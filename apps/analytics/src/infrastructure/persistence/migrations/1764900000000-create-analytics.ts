import { MigrationInterface, QueryRunner } from 'typeorm';
import { COUNTER_COLUMNS } from '../rollup-columns';

export class CreateAnalytics1764900000000 implements MigrationInterface {
  name = 'CreateAnalytics1764900000000';

  async up(runner: QueryRunner): Promise<void> {
    // Exactly-once application: an event is applied in the same transaction as its eventId is recorded here.
    await runner.query(`
      CREATE TABLE analytics.applied_events (
        event_id uuid PRIMARY KEY,
        topic text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Each complaint's events, reduced to what the KPIs need: its fact row is folded from them again on every event.
    await runner.query(`
      CREATE TABLE analytics.complaint_events (
        complaint_id uuid NOT NULL,
        event_id uuid NOT NULL,
        topic text NOT NULL,
        kafka_offset bigint NOT NULL,
        at timestamptz NOT NULL,
        body jsonb NOT NULL,
        PRIMARY KEY (complaint_id, event_id)
      )`);
    await runner.query(`
      CREATE TABLE analytics.complaint_facts (
        complaint_id uuid PRIMARY KEY,
        reference text,
        channel text,
        product text,
        reason text,
        service_point text,
        priority text,
        department text,
        branch text,
        region text,
        received_at timestamptz,
        received_day date,
        has_case boolean NOT NULL,
        status text,
        first_feedback_at timestamptz,
        feedback_ms bigint,
        decided_at timestamptz,
        decision_ms bigint,
        resolved_at timestamptz,
        resolution_ms bigint,
        ever_resolved boolean NOT NULL,
        paused_ms bigint NOT NULL,
        feedback_breaches int NOT NULL,
        decision_breaches int NOT NULL,
        extensions int NOT NULL,
        extended_to_days int,
        escalated boolean NOT NULL,
        mediation_referred boolean NOT NULL,
        mediation_outcome text,
        reopen_count int NOT NULL,
        repeat boolean NOT NULL,
        linked_case_reference text,
        merged_into_reference text,
        satisfaction_score int,
        withdrawn boolean NOT NULL,
        closed_at timestamptz,
        root_cause text,
        corrective_action text,
        root_cause_category text,
        corrective_action_category text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Percentiles and breakdowns not in the rollups read one period of facts: day first, then what groups them.
    await runner.query(
      'CREATE INDEX complaint_facts_day_idx ON analytics.complaint_facts (received_day, department) INCLUDE (feedback_ms, resolution_ms)',
    );
    const counters = COUNTER_COLUMNS.map((c) => `${c.column} bigint NOT NULL DEFAULT 0`).join(',\n        ');
    await runner.query(`
      CREATE TABLE analytics.daily_rollup (
        day date NOT NULL,
        department text NOT NULL,
        channel text NOT NULL,
        product text NOT NULL,
        reason text NOT NULL,
        service_point text NOT NULL,
        priority text NOT NULL,
        ${counters},
        PRIMARY KEY (day, department, channel, product, reason, service_point, priority)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE analytics.daily_rollup');
    await runner.query('DROP TABLE analytics.complaint_facts');
    await runner.query('DROP TABLE analytics.complaint_events');
    await runner.query('DROP TABLE analytics.applied_events');
  }
}

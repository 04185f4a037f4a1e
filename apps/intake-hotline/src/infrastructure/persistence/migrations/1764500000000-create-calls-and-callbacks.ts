import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCallsAndCallbacks1764500000000 implements MigrationInterface {
  name = 'CreateCallsAndCallbacks1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE intake_hotline.calls (
        complaint_id uuid PRIMARY KEY,
        callcenter_id text NOT NULL,
        call_id text NOT NULL,
        reference text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'accepted')),
        event jsonb NOT NULL,
        received_at timestamptz NOT NULL,
        accepted_at timestamptz
      )`);
    await runner.query('CREATE UNIQUE INDEX calls_callcenter_call_uq ON intake_hotline.calls (callcenter_id, call_id)');
    await runner.query('CREATE UNIQUE INDEX calls_reference_uq ON intake_hotline.calls (reference)');
    await runner.query(`
      CREATE TABLE intake_hotline.callbacks (
        event_id uuid PRIMARY KEY,
        callcenter_id text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_error text,
        created_at timestamptz NOT NULL,
        finished_at timestamptz
      )`);
    await runner.query(`CREATE INDEX callbacks_due_ix ON intake_hotline.callbacks (next_attempt_at) WHERE status = 'pending'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE intake_hotline.callbacks');
    await runner.query('DROP TABLE intake_hotline.calls');
  }
}

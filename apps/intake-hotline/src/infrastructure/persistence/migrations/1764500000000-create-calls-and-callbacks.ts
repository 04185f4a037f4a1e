import { MigrationInterface, QueryRunner } from 'typeorm';
import { createDeliveriesTableSql } from '@complaints/delivery';

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
    // Status callbacks owed to call centres (libs/delivery): sent at least once, dead-lettered when they keep failing.
    for (const sql of createDeliveriesTableSql('intake_hotline')) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE intake_hotline.deliveries');
    await runner.query('DROP TABLE intake_hotline.calls');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';
import { createDeliveriesTableSql } from '@complaints/delivery';

export class CreateDeliveries1764500000000 implements MigrationInterface {
  name = 'CreateDeliveries1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    // One row per (case event, route): sent at least once, dead-lettered when a gateway keeps failing.
    for (const sql of createDeliveriesTableSql('notifier')) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE notifier.deliveries');
  }
}

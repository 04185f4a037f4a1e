import { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxTableSql } from '@complaints/messaging';

/** `routing.outbox`: handler reassignments committed with the move, waiting for the relay to publish them on `complaints.assignments.v1`. */
export class CreateOutbox1765100000000 implements MigrationInterface {
  name = 'CreateOutbox1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const statement of outboxTableSql('routing.outbox')) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE routing.outbox');
  }
}

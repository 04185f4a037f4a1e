import { MigrationInterface, QueryRunner } from 'typeorm';

/** Web complaints merged into another case (from `case.linked_complaint`), so their own reference finds that case. */
export class CreateMergedComplaints1764700000000 implements MigrationInterface {
  name = 'CreateMergedComplaints1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE intake_web.merged_complaints (
        reference text PRIMARY KEY,
        case_reference text NOT NULL,
        merged_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX merged_complaints_case_ix ON intake_web.merged_complaints (case_reference)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE intake_web.merged_complaints');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** Expired surveys are purged periodically: find them by expiry. */
export class SurveyExpiry1765100000000 implements MigrationInterface {
  name = 'SurveyExpiry1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE INDEX surveys_expires_ix ON intake_social.surveys (expires_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX intake_social.surveys_expires_ix');
  }
}

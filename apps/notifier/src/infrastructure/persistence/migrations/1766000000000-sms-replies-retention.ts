import { MigrationInterface, QueryRunner } from 'typeorm';

/** SMS replies are deleted once past their retention (`SMS_REPLY_RETENTION_DAYS`), found by when they were recorded. */
export class SmsRepliesRetention1766000000000 implements MigrationInterface {
  name = 'SmsRepliesRetention1766000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE INDEX sms_replies_recorded_ix ON notifier.sms_replies (recorded_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX notifier.sms_replies_recorded_ix');
  }
}

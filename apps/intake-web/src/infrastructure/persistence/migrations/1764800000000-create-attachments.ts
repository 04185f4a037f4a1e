import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAttachments1764800000000 implements MigrationInterface {
  name = 'CreateAttachments1764800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE intake_web.attachments (
        id uuid PRIMARY KEY,
        complaint_id uuid NOT NULL REFERENCES intake_web.submissions (complaint_id) ON DELETE CASCADE,
        position smallint NOT NULL,
        content_type text NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes >= 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        file_name text,
        content bytea NOT NULL,
        UNIQUE (complaint_id, position)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE intake_web.attachments');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Callbacks against replays (issue 16, finding 5):
 * - `callback_nonces`: every signed query string (realm, timestamp, nonce) once, with a digest of what
 *   it carried, until its timestamp is out of the tolerance window (then the timestamp check refuses it
 *   anyway and the purge deletes the row). Shared by every instance: the primary key decides.
 * - `messages.user_id`: the sender, so a message is recognised again by (sender, message id) and never
 *   by a message id another customer sent (whose reply and reference it would be given).
 */
export class CallbackReplayGuard1766200000000 implements MigrationInterface {
  name = 'CallbackReplayGuard1766200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE intake_social.callback_nonces (
        realm text NOT NULL CHECK (realm IN ('wechat', 'weibo')),
        signed_at bigint NOT NULL,
        nonce text NOT NULL,
        digest text NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (realm, signed_at, nonce)
      )`);
    await runner.query('CREATE INDEX callback_nonces_expires_ix ON intake_social.callback_nonces (expires_at)');

    await runner.query('LOCK TABLE intake_social.messages IN ACCESS EXCLUSIVE MODE');
    await runner.query('ALTER TABLE intake_social.messages ADD COLUMN user_id text');
    await runner.query(
      `UPDATE intake_social.messages m SET user_id = c.user_id FROM intake_social.conversations c WHERE c.complaint_id = m.complaint_id`,
    );
    await runner.query(
      `UPDATE intake_social.messages
          SET user_id = coalesce(response->'identity'->>'openId', response->'identity'->>'uid', '')
        WHERE user_id IS NULL`,
    );
    await runner.query('ALTER TABLE intake_social.messages ALTER COLUMN user_id SET NOT NULL');
    await runner.query('ALTER TABLE intake_social.messages DROP CONSTRAINT messages_pkey');
    await runner.query(
      'ALTER TABLE intake_social.messages ADD CONSTRAINT messages_pkey PRIMARY KEY (channel, account, user_id, message_id)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE intake_social.messages DROP CONSTRAINT messages_pkey');
    await runner.query('ALTER TABLE intake_social.messages ADD CONSTRAINT messages_pkey PRIMARY KEY (channel, account, message_id)');
    await runner.query('ALTER TABLE intake_social.messages DROP COLUMN user_id');
    await runner.query('DROP TABLE intake_social.callback_nonces');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether the channel verified each identity of a matter: only verified identities merge complaints
 * into one case. Existing rows are verified where the channel always verified them: the signed-in
 * app customer (mobile references, mark M) and the WeChat openId / Weibo uid (marks X and B, whose
 * only identity it is); typed phones (web) and hotline callers (no verification flag before) are not.
 */
export class VerifiedMatterIdentities1765610000000 implements MigrationInterface {
  name = 'VerifiedMatterIdentities1765610000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE routing.matter_identities ADD COLUMN verified boolean NOT NULL DEFAULT false');
    await runner.query(`
      UPDATE routing.matter_identities i SET verified = true
      FROM routing.matters m
      WHERE m.complaint_id = i.complaint_id
        AND (substr(m.reference, 11, 1) IN ('X', 'B') OR (substr(m.reference, 11, 1) = 'M' AND i.fingerprint = m.customer_fingerprint))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE routing.matter_identities DROP COLUMN verified');
  }
}

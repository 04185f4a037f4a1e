import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Routed complaints as matters (customer + product + reason) for linking repeat complaints: the
 * customer is known only by keyed fingerprints (HMAC) of their identities, never by the values.
 */
export class CreateRepeatMatters1764500001000 implements MigrationInterface {
  name = 'CreateRepeatMatters1764500001000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE routing.matters (
        complaint_id uuid PRIMARY KEY,
        reference text NOT NULL,
        product text NOT NULL,
        reason text NOT NULL,
        received_at timestamptz NOT NULL,
        customer_fingerprint text,
        linked_to uuid,
        open boolean NOT NULL DEFAULT true,
        closed_at timestamptz
      )`);
    await runner.query('CREATE INDEX matters_linked_to_idx ON routing.matters (linked_to) WHERE linked_to IS NOT NULL');
    await runner.query(`
      CREATE TABLE routing.matter_identities (
        fingerprint text NOT NULL,
        complaint_id uuid NOT NULL REFERENCES routing.matters (complaint_id),
        PRIMARY KEY (fingerprint, complaint_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE routing.matter_identities');
    await runner.query('DROP TABLE routing.matters');
  }
}

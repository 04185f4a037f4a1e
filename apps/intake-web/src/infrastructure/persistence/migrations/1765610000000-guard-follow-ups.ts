import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The customer's follow-ups, guarded: one satisfaction answer per complaint (its reference is the
 * key, so concurrent ratings cannot both count), attempts at each reference's digits shared by all
 * instances (a row means nothing after `expires_at` and is swept), and no more merged complaints (a web complaint's typed phone never merges it into
 * another customer's case, and those it was merged into before must not show through its reference).
 */
export class GuardFollowUps1765610000000 implements MigrationInterface {
  name = 'GuardFollowUps1765610000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE intake_web.ratings (
        reference text PRIMARY KEY,
        rated_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE intake_web.reference_attempts (
        reference text PRIMARY KEY,
        attempts integer NOT NULL CHECK (attempts >= 0),
        since timestamptz NOT NULL,
        locked_until timestamptz,
        expires_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX reference_attempts_expires_ix ON intake_web.reference_attempts (expires_at)');
    await runner.query('DROP TABLE intake_web.merged_complaints');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE intake_web.merged_complaints (
        reference text PRIMARY KEY,
        case_reference text NOT NULL,
        merged_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX merged_complaints_case_ix ON intake_web.merged_complaints (case_reference)');
    await runner.query('DROP TABLE intake_web.reference_attempts');
    await runner.query('DROP TABLE intake_web.ratings');
  }
}

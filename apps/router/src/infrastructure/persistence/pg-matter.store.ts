import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryRunner } from 'typeorm';
import { EarlierMatter, EarlierMatterQuery, MatterStore } from '../../application/repeat-complaints/matter.store';

@Injectable()
export class PgMatterStore extends MatterStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async findOpenEarlier(query: EarlierMatterQuery): Promise<EarlierMatter | null> {
    const rows: { complaint_id: string; reference: string }[] = await this.db.query(
      `SELECT m.complaint_id, m.reference
       FROM routing.matters m
       WHERE m.open AND m.product = $1 AND m.reason = $2
         AND m.received_at >= $3 AND m.received_at <= $4 AND m.complaint_id <> $5
         AND ($6::text IS NULL OR m.customer_fingerprint IS NULL OR m.customer_fingerprint = $6)
         AND EXISTS (SELECT 1 FROM routing.matter_identities i WHERE i.complaint_id = m.complaint_id AND i.fingerprint = ANY($7::text[]))
       ORDER BY m.received_at, m.complaint_id
       LIMIT 1`,
      [query.product, query.reason, query.since, query.until, query.complaintId, query.customerFingerprint, query.fingerprints],
    );
    return rows.length ? { complaintId: rows[0].complaint_id, reference: rows[0].reference } : null;
  }

  async lockCustomer(fingerprints: string[]): Promise<() => Promise<void>> {
    const keys = [...new Set(fingerprints)].sort().map((fingerprint) => `routing.customer:${fingerprint}`);
    const runner = this.db.createQueryRunner();
    await runner.connect();
    const locked: string[] = [];
    try {
      // One at a time in a fixed order, so two lockers of overlapping sets cannot deadlock.
      for (const key of keys) {
        await runner.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
        locked.push(key);
      }
    } catch (error) {
      await this.unlock(runner, locked);
      throw error;
    }
    return () => this.unlock(runner, locked);
  }

  private async unlock(runner: QueryRunner, keys: string[]): Promise<void> {
    try {
      for (const key of keys.reverse()) await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
    } finally {
      await runner.release();
    }
  }

  async setOpen(complaintId: string, open: boolean, at: Date): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.db.query(
      'UPDATE routing.matters SET open = $2, closed_at = CASE WHEN $2 THEN NULL ELSE $3::timestamptz END WHERE complaint_id = $1',
      [complaintId, open, at],
    );
    return affected > 0;
  }
}

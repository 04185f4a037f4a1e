import { DataSource } from 'typeorm';
import { SpikeSeriesSource } from '../../application/hotspots/spike-series-source';
import type { CountSeries } from '../../domain/hotspots/count-series';
import type { SpikeDimension } from '../../domain/hotspots/hotspot-alert';

/**
 * What a complaint counts under in each dimension, from its fact row. A complaint not routed yet has
 * no product, reason or department and counts only under its channel (and branch). The branch is the
 * intake's `context.branch` (else `context.extra.branch`), else the region (`context.extra.region`);
 * a complaint with neither counts under no branch.
 */
const SUBJECT_SQL: Record<SpikeDimension, string> = {
  'product-reason': `CASE WHEN product IS NOT NULL AND reason IS NOT NULL THEN product || '/' || reason END`,
  department: 'department',
  channel: 'channel',
  branch: 'coalesce(branch, region)',
};

/** Spike series over `analytics.complaint_facts`, counted per bucket of receipt (index on received_at). */
export class PostgresSpikeSeriesSource extends SpikeSeriesSource {
  constructor(private readonly db: DataSource) {
    super();
  }

  async countSeries(dimension: SpikeDimension, from: Date, until: Date, bucketMs: number): Promise<CountSeries[]> {
    const total = Math.floor((until.getTime() - from.getTime()) / bucketMs);
    if (total <= 0) return [];
    const [{ first }] = await this.db.query<{ first: Date | null }[]>('SELECT min(received_at) AS first FROM analytics.complaint_facts');
    if (!first) return [];
    // Before the read model's first complaint a count is unknown, not zero: whole buckets after it only.
    const firstBucket = Math.max(0, Math.ceil((first.getTime() - from.getTime()) / bucketMs));
    if (firstBucket >= total) return [];
    const start = new Date(from.getTime() + firstBucket * bucketMs);
    const rows = await this.db.query<{ subject: string; bucket: number; n: number }[]>(
      `SELECT subject, bucket, count(*)::int AS n FROM (
         SELECT ${SUBJECT_SQL[dimension]} AS subject, floor(extract(epoch FROM received_at - $1::timestamptz) * 1000 / $3)::int AS bucket
         FROM analytics.complaint_facts WHERE received_at >= $1 AND received_at < $2
       ) f WHERE subject IS NOT NULL GROUP BY subject, bucket`,
      [start, until, bucketMs],
    );
    const bySubject = new Map<string, number[]>();
    const length = total - firstBucket;
    for (const row of rows) {
      if (row.bucket < 0 || row.bucket >= length) continue;
      let counts = bySubject.get(row.subject);
      if (!counts) bySubject.set(row.subject, (counts = new Array<number>(length).fill(0)));
      counts[row.bucket] += row.n;
    }
    return [...bySubject]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([subject, counts]) => ({ dimension, subject, start, bucketMs, counts }));
  }

  async sampleReferences(dimension: SpikeDimension, subject: string, since: Date, until: Date, limit: number): Promise<string[]> {
    const rows = await this.db.query<{ reference: string }[]>(
      `SELECT reference FROM analytics.complaint_facts
       WHERE received_at >= $1 AND received_at < $2 AND ${SUBJECT_SQL[dimension]} = $3 AND reference IS NOT NULL
       ORDER BY received_at DESC, complaint_id LIMIT $4`,
      [since, until, subject, limit],
    );
    return rows.map((r) => r.reference);
  }
}

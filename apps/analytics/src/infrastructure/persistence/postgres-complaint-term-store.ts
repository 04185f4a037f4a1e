import { DataSource } from 'typeorm';
import { ComplaintTermStore, TermPage } from '../../application/hotspots/complaint-term-store';
import type { TermObservation } from '../../domain/hotspots/term-activity';

/** Re-reading this much before the cursor catches a row whose transaction committed after a later one's. */
const OVERLAP_MS = 30_000;

interface TermRow {
  complaint_id: string;
  reference: string;
  received_at: Date;
  terms: string[];
  recorded_at: Date;
}

function observation(row: TermRow): TermObservation {
  return { complaintId: row.complaint_id, reference: row.reference, receivedAt: row.received_at, terms: row.terms };
}

/** `analytics.complaint_terms`: one row per complaint (id, reference, time of receipt, extracted terms). */
export class PostgresComplaintTermStore extends ComplaintTermStore {
  constructor(private readonly db: DataSource) {
    super();
  }

  async record(observations: readonly TermObservation[]): Promise<number> {
    if (observations.length === 0) return 0;
    const inserted: unknown[] = await this.db.query(
      `INSERT INTO analytics.complaint_terms (complaint_id, reference, received_at, terms)
       SELECT o.complaint_id, o.reference, o.received_at, ARRAY(SELECT jsonb_array_elements_text(o.terms))
       FROM jsonb_to_recordset($1::jsonb) AS o(complaint_id uuid, reference text, received_at timestamptz, terms jsonb)
       ON CONFLICT (complaint_id) DO NOTHING RETURNING complaint_id`,
      [
        JSON.stringify(
          observations.map((o) => ({ complaint_id: o.complaintId, reference: o.reference, received_at: o.receivedAt, terms: o.terms })),
        ),
      ],
    );
    return inserted.length;
  }

  async earliestReceivedAt(): Promise<Date | null> {
    const [row] = await this.db.query<{ at: Date | null }[]>('SELECT min(received_at) AS at FROM analytics.complaint_terms');
    return row?.at ?? null;
  }

  async latestRecordedAt(): Promise<Date | null> {
    const [row] = await this.db.query<{ at: Date | null }[]>('SELECT max(recorded_at) AS at FROM analytics.complaint_terms');
    return row?.at ?? null;
  }

  async receivedSince(from: Date, after: { receivedAt: Date; complaintId: string } | null, limit: number): Promise<TermObservation[]> {
    const rows = await this.db.query<TermRow[]>(
      `SELECT complaint_id, reference, received_at, terms FROM analytics.complaint_terms
       WHERE received_at >= $1 AND ($2::timestamptz IS NULL OR (received_at, complaint_id) > ($2::timestamptz, $3::uuid))
       ORDER BY received_at, complaint_id LIMIT $4`,
      [from, after?.receivedAt ?? null, after?.complaintId ?? null, limit],
    );
    return rows.map(observation);
  }

  async recordedSince(cursor: Date | null, from: Date): Promise<TermPage> {
    const rows = await this.db.query<TermRow[]>(
      `SELECT complaint_id, reference, received_at, terms, recorded_at FROM analytics.complaint_terms
       WHERE ($1::timestamptz IS NULL OR recorded_at > $1::timestamptz - make_interval(secs => $3)) AND received_at >= $2
       ORDER BY received_at, complaint_id`,
      [cursor, from, OVERLAP_MS / 1000],
    );
    const latest = rows.reduce<Date | null>((max, r) => (max && max >= r.recorded_at ? max : r.recorded_at), cursor);
    return { observations: rows.map(observation), cursor: latest };
  }

  async purgeReceivedBefore(before: Date): Promise<number> {
    const [, count] = await this.db.query<[unknown, number]>('DELETE FROM analytics.complaint_terms WHERE received_at < $1', [before]);
    return count ?? 0;
  }
}

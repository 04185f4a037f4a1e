import { DataSource } from 'typeorm';
import { AlertFilter, AlertStore, StoredAlert } from '../../application/hotspots/alert-store';
import type { HotSubjectState } from '../../domain/hotspots/alert-deduplicator';
import type { SpikeDimension } from '../../domain/hotspots/hotspot-alert';

/** Any number for the advisory lock that admits one evaluation's alerts at a time, across instances. */
const ADMISSION_LOCK = 0x686f7473; // "hots"

export interface AlertRow {
  seq: string;
  alert_id: string;
  key: string;
  kind: 'spike' | 'term';
  raise: 'new' | 'grown';
  dimension: SpikeDimension | null;
  subject: string;
  since: Date;
  until: Date;
  observed: number;
  expected: number;
  ratio: number;
  p_value: number;
  threshold: number;
  samples: string[];
  raised_at: Date;
  published_at: Date | null;
}

export const ALERT_COLUMNS =
  'seq, alert_id, key, kind, raise, dimension, subject, since, until, observed, expected, ratio, p_value, threshold, samples, raised_at, published_at';

export function storedAlert(r: AlertRow): StoredAlert {
  const common = {
    alertId: r.alert_id,
    key: r.key,
    raise: r.raise,
    subject: r.subject,
    since: r.since,
    until: r.until,
    observed: r.observed,
    expected: r.expected,
    ratio: r.ratio,
    pValue: r.p_value,
    threshold: r.threshold,
    samples: r.samples,
    raisedAt: r.raised_at,
    publishedAt: r.published_at,
  };
  return r.kind === 'spike' ? { ...common, kind: 'spike', dimension: r.dimension! } : { ...common, kind: 'term' };
}

/**
 * `analytics.alerts`: every raised alert, and the outbox of `analytics.alerts.v1` (published_at null
 * until acknowledged); `analytics.hot_subjects`: the deduplication's state, shared by every instance.
 */
export class PostgresAlertStore extends AlertStore {
  constructor(private readonly db: DataSource) {
    super();
  }

  async admit(
    now: Date,
    coolDownMs: number,
    decide: (hot: HotSubjectState[]) => Promise<{ alerts: StoredAlert[]; hot: HotSubjectState[] }>,
  ): Promise<StoredAlert[]> {
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [ADMISSION_LOCK]);
      // Detected within the cool-down up to now (not after: a clock set back must not meet later state).
      const rows = await tx.query<{ key: string; last_detected_at: Date; raised_observed: number }[]>(
        'SELECT key, last_detected_at, raised_observed FROM analytics.hot_subjects WHERE last_detected_at > $1 AND last_detected_at <= $2',
        [new Date(now.getTime() - coolDownMs), now],
      );
      const { alerts, hot } = await decide(
        rows.map((r) => ({ key: r.key, lastDetectedAt: r.last_detected_at, raisedObserved: r.raised_observed })),
      );
      if (hot.length > 0) {
        await tx.query(
          `INSERT INTO analytics.hot_subjects (key, last_detected_at, raised_observed)
           SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::int[])
           ON CONFLICT (key) DO UPDATE SET last_detected_at = excluded.last_detected_at, raised_observed = excluded.raised_observed`,
          [hot.map((h) => h.key), hot.map((h) => h.lastDetectedAt), hot.map((h) => h.raisedObserved)],
        );
      }
      for (const a of alerts) {
        await tx.query(
          `INSERT INTO analytics.alerts (alert_id, key, kind, raise, dimension, subject, since, until, observed, expected, ratio, p_value, threshold, samples, raised_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
          [
            a.alertId,
            a.key,
            a.kind,
            a.raise,
            a.kind === 'spike' ? a.dimension : null,
            a.subject,
            a.since,
            a.until,
            a.observed,
            a.expected,
            a.ratio,
            a.pValue,
            a.threshold,
            a.samples,
            a.raisedAt,
          ],
        );
      }
      return alerts;
    });
  }

  async raisedBetween(from: Date, to: Date): Promise<StoredAlert[]> {
    const rows = await this.db.query<AlertRow[]>(
      `SELECT ${ALERT_COLUMNS} FROM analytics.alerts WHERE raised_at >= $1 AND raised_at < $2 ORDER BY raised_at, seq`,
      [from, to],
    );
    return rows.map(storedAlert);
  }

  async list(filter: AlertFilter): Promise<StoredAlert[]> {
    const params: unknown[] = [filter.since, filter.kind, filter.limit];
    let scope = '';
    if (filter.departments) {
      params.push(filter.departments);
      scope = `AND (kind = 'term' OR (dimension = 'department' AND subject = ANY($4::text[])))`;
    }
    const rows = await this.db.query<AlertRow[]>(
      `SELECT ${ALERT_COLUMNS} FROM analytics.alerts
       WHERE raised_at >= $1 AND ($2::text IS NULL OR kind = $2::text) ${scope}
       ORDER BY raised_at DESC, seq DESC LIMIT $3`,
      params,
    );
    return rows.map(storedAlert);
  }
}

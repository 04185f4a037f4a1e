import { DataSource } from 'typeorm';
import { BulletinStore, StoredBulletin } from '../../application/bulletin/bulletin-store';
import type { Bulletin } from '../../domain/bulletin/bulletin';

export interface BulletinRow {
  week: string;
  bulletin_id: string;
  composed_at: Date;
  body: Bulletin;
  published_at: Date | null;
}

export const BULLETIN_COLUMNS = 'week, bulletin_id, composed_at, body, published_at';

export function storedBulletin(r: BulletinRow): StoredBulletin {
  return { bulletinId: r.bulletin_id, composedAt: r.composed_at, publishedAt: r.published_at, bulletin: r.body };
}

/** `analytics.bulletins`: one row per ISO week, also the outbox of `analytics.bulletins.v1`. */
export class PostgresBulletinStore extends BulletinStore {
  constructor(private readonly db: DataSource) {
    super();
  }

  async has(week: string): Promise<boolean> {
    const rows = await this.db.query<unknown[]>('SELECT 1 FROM analytics.bulletins WHERE week = $1', [week]);
    return rows.length > 0;
  }

  async saveOnce(b: StoredBulletin): Promise<boolean> {
    const result: unknown = await this.db.query(
      `INSERT INTO analytics.bulletins (week, bulletin_id, composed_at, body) VALUES ($1, $2, $3, $4)
       ON CONFLICT (week) DO NOTHING RETURNING week`,
      [b.bulletin.week, b.bulletinId, b.composedAt, JSON.stringify(b.bulletin)],
    );
    // TypeORM answers an INSERT ... RETURNING with [rows, count].
    const rows = Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as unknown[]) : (result as unknown[]);
    return rows.length > 0;
  }

  async get(week: string): Promise<StoredBulletin | null> {
    const [row] = await this.db.query<BulletinRow[]>(`SELECT ${BULLETIN_COLUMNS} FROM analytics.bulletins WHERE week = $1`, [week]);
    return row ? storedBulletin(row) : null;
  }

  async latest(): Promise<StoredBulletin | null> {
    const [row] = await this.db.query<BulletinRow[]>(`SELECT ${BULLETIN_COLUMNS} FROM analytics.bulletins ORDER BY week DESC LIMIT 1`);
    return row ? storedBulletin(row) : null;
  }
}

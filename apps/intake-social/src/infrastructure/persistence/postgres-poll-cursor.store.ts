import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PollCursorStore } from '../../application/poll-weibo/weibo.api';

@Injectable()
export class PostgresPollCursorStore extends PollCursorStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async get(stream: string): Promise<string | null> {
    const found = await this.db.query<Array<{ since_id: string }>>('SELECT since_id FROM intake_social.poll_cursors WHERE stream = $1', [
      stream,
    ]);
    return found[0]?.since_id ?? null;
  }

  async advance(stream: string, sinceId: string, now: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO intake_social.poll_cursors (stream, since_id, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (stream) DO UPDATE SET since_id = EXCLUDED.since_id, updated_at = EXCLUDED.updated_at
        WHERE EXCLUDED.since_id::numeric > intake_social.poll_cursors.since_id::numeric`,
      [stream, sinceId, now],
    );
  }
}

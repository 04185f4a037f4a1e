import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { StaffBulletinV1, truncateText } from '@complaints/contracts';
import { EventPublisher } from '@complaints/messaging';
import { BulletinRelay, StoredBulletin } from '../../application/bulletin/bulletin-store';
import { BULLETIN_COLUMNS, BulletinRow, storedBulletin } from './postgres-bulletin-store';

/** Any number for the advisory lock that lets one relay at a time publish. */
const RELAY_LOCK = 0x626c746e; // "bltn"

export const BULLETIN_SOURCE = 'analytics';

/** The event of a stored bulletin: its id is the bulletin's, its key the week. */
export function staffBulletinEvent(b: StoredBulletin): StaffBulletinV1 {
  return Object.assign(new StaffBulletinV1(), {
    eventId: b.bulletinId,
    eventType: StaffBulletinV1.type,
    eventVersion: 1 as const,
    occurredAt: b.composedAt.toISOString(),
    correlationId: b.bulletinId,
    causationId: null,
    source: BULLETIN_SOURCE,
    ...b.bulletin,
  });
}

/**
 * Publishes the bulletins of `analytics.bulletins` not yet acknowledged (oldest first, acks=all) and
 * marks them, under a transaction-scoped advisory lock with the rows locked, as the alert relay does:
 * a stored bulletin goes out even after a crash or a Kafka outage, and one marked published never again.
 */
@Injectable()
export class BulletinOutboxRelay extends BulletinRelay {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly publisher: EventPublisher,
    private readonly logger: PinoLogger,
  ) {
    super();
  }

  publishPending(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const [{ locked }] = await tx.query<{ locked: boolean }[]>('SELECT pg_try_advisory_xact_lock($1) AS locked', [RELAY_LOCK]);
      if (!locked) return 0;
      const rows = await tx.query<BulletinRow[]>(
        `SELECT ${BULLETIN_COLUMNS} FROM analytics.bulletins WHERE published_at IS NULL ORDER BY composed_at LIMIT 10 FOR UPDATE`,
      );
      if (rows.length === 0) return 0;
      const weeks = rows.map((r) => r.week);
      try {
        await this.publisher.publishAll(
          StaffBulletinV1,
          rows.map((r) => staffBulletinEvent(storedBulletin(r))),
          (event) => event.week,
        );
      } catch (error) {
        const message = truncateText(error instanceof Error ? error.message : String(error), 2_000);
        await tx.query('UPDATE analytics.bulletins SET attempts = attempts + 1, last_error = $2 WHERE week = ANY($1::text[])', [
          weeks,
          message,
        ]);
        this.logger.warn({ err: error, weeks }, 'could not publish staff bulletins; they stay pending');
        return 0;
      }
      await tx.query(
        'UPDATE analytics.bulletins SET published_at = now(), attempts = attempts + 1, last_error = NULL WHERE week = ANY($1::text[])',
        [weeks],
      );
      return rows.length;
    });
  }
}

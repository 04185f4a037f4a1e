import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { HotspotAlertV1, truncateText } from '@complaints/contracts';
import { EventPublisher } from '@complaints/messaging';
import { AlertRelay } from '../../application/hotspots/alert-relay';
import type { StoredAlert } from '../../application/hotspots/alert-store';
import { ALERT_COLUMNS, AlertRow, storedAlert } from '../persistence/postgres-alert-store';

/** Any number for the advisory lock that lets one relay at a time publish, so alerts go out once and in order. */
const RELAY_LOCK = 0x616c7274; // "alrt"
const BATCH = 100;

export const ALERT_SOURCE = 'analytics';

/** The event of a stored alert: its id is the alert's, so a consumer can drop a redelivery. */
export function hotspotAlertEvent(a: StoredAlert): HotspotAlertV1 {
  return Object.assign(new HotspotAlertV1(), {
    eventId: a.alertId,
    eventType: HotspotAlertV1.type,
    eventVersion: 1 as const,
    occurredAt: a.raisedAt.toISOString(),
    correlationId: a.alertId,
    causationId: null,
    source: ALERT_SOURCE,
    key: a.key,
    kind: a.kind,
    raise: a.raise,
    ...(a.kind === 'spike' ? { dimension: a.dimension } : {}),
    subject: a.subject,
    since: a.since.toISOString(),
    until: a.until.toISOString(),
    observed: a.observed,
    expected: a.expected,
    ratio: a.ratio,
    pValue: a.pValue,
    threshold: a.threshold,
    samples: a.samples,
  });
}

/**
 * Publishes the alerts of `analytics.alerts` not yet acknowledged (oldest first, acks=all) and marks
 * them, under a transaction-scoped advisory lock with the rows locked: an alert stored is published
 * even after a crash or a Kafka outage (the next pass, at the latest at the next start or tick), and
 * one marked published is never sent again. Only a crash between Kafka's acknowledgement and the
 * commit of the mark sends it twice, with the same eventId.
 */
@Injectable()
export class AlertOutboxRelay extends AlertRelay {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly publisher: EventPublisher,
    private readonly logger: PinoLogger,
  ) {
    super();
  }

  async publishPending(): Promise<number> {
    let total = 0;
    for (;;) {
      const sent = await this.publishBatch();
      total += sent;
      if (sent < BATCH) return total;
    }
  }

  private publishBatch(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const [{ locked }] = await tx.query<{ locked: boolean }[]>('SELECT pg_try_advisory_xact_lock($1) AS locked', [RELAY_LOCK]);
      if (!locked) return 0;
      const rows = await tx.query<AlertRow[]>(
        `SELECT ${ALERT_COLUMNS} FROM analytics.alerts WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE`,
        [BATCH],
      );
      if (rows.length === 0) return 0;
      const seqs = rows.map((r) => r.seq);
      try {
        await this.publisher.publishAll(
          HotspotAlertV1,
          rows.map((r) => hotspotAlertEvent(storedAlert(r))),
          (event) => event.key,
        );
      } catch (error) {
        const message = truncateText(error instanceof Error ? error.message : String(error), 2_000);
        await tx.query('UPDATE analytics.alerts SET attempts = attempts + 1, last_error = $2 WHERE seq = ANY($1::bigint[])', [
          seqs,
          message,
        ]);
        this.logger.warn({ err: error, pending: rows.length }, 'could not publish hot-spot alerts; they stay pending');
        return 0;
      }
      await tx.query(
        'UPDATE analytics.alerts SET published_at = now(), attempts = attempts + 1, last_error = NULL WHERE seq = ANY($1::bigint[])',
        [seqs],
      );
      return rows.length;
    });
  }
}

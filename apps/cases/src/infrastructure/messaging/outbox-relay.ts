import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { CaseEventV1, parseContract } from '@complaints/contracts';
import { envelopeHeaders, EventPublisher } from '@complaints/messaging';
import { CaseEventsRelay } from '../../application/case-events.relay';
import { CasesConfig } from '../../cases.config';
import { outboxMetrics } from './outbox.metrics';

/** Any number for the advisory lock that lets one relay at a time publish, so events stay in order. */
const RELAY_LOCK = 0x63617365; // "case"

interface PendingRow {
  id: string;
  topic: string;
  message_key: string;
  payload: Record<string, unknown>;
}

/**
 * Publishes the outbox (`cases.outbox`) to Kafka in insertion order, with acks=all, and marks what was
 * acknowledged. A change is committed with its events, so none is lost when Kafka is down: they wait
 * here and go out when it is back (at-least-once; consumers dedupe by `eventId`). Runs every
 * CASES_OUTBOX_POLL_MS and right after each change (`kick`).
 */
@Injectable()
export class OutboxRelay extends CaseEventsRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private again = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly publisher: EventPublisher,
    private readonly config: CasesConfig,
    private readonly logger: PinoLogger,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    if (this.config.CASES_OUTBOX_POLL_MS > 0) this.timer = setInterval(() => this.kick(), this.config.CASES_OUTBOX_POLL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.whenIdle();
  }

  /** Resolves when no relay pass is running (shutdown, tests). */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Starts a relay pass unless one runs; if one runs, another follows it. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => {
        this.logger.warn({ err: error }, 'outbox relay pass failed; events stay queued');
        return 0;
      })
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Publishes everything pending; returns how many events went out. */
  async drain(batchSize = 200): Promise<number> {
    let total = 0;
    for (;;) {
      const sent = await this.publishBatch(batchSize);
      total += sent;
      if (sent < batchSize) break;
    }
    await this.afterPass();
    return total;
  }

  /** Updates the backlog gauge and forgets published events older than the retention. */
  private async afterPass(): Promise<void> {
    await this.db.query("DELETE FROM cases.outbox WHERE published_at < now() - make_interval(hours => $1)", [this.config.CASES_OUTBOX_RETENTION_HOURS]);
    const [{ pending }] = (await this.db.query('SELECT count(*)::int AS pending FROM cases.outbox WHERE published_at IS NULL')) as { pending: number }[];
    outboxMetrics.pending.set(pending);
  }

  private publishBatch(batchSize: number): Promise<number> {
    return this.db.transaction(async (tx) => {
      const [{ locked }] = (await tx.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [RELAY_LOCK])) as { locked: boolean }[];
      if (!locked) return 0;
      const rows = (await tx.query(
        'SELECT id, topic, message_key, payload FROM cases.outbox WHERE published_at IS NULL ORDER BY id LIMIT $1',
        [batchSize],
      )) as PendingRow[];
      if (rows.length === 0) return 0;
      const ids = rows.map((r) => r.id);
      try {
        const byTopic = new Map<string, PendingRow[]>();
        for (const row of rows) byTopic.set(row.topic, [...(byTopic.get(row.topic) ?? []), row]);
        for (const [topic, topicRows] of byTopic) {
          await this.publisher.send(
            topic,
            topicRows.map((row) => {
              const event = parseContract(CaseEventV1, row.payload);
              return { key: row.message_key, value: JSON.stringify(event), headers: envelopeHeaders(event), timestamp: String(Date.parse(event.occurredAt)) };
            }),
          );
        }
      } catch (error) {
        const message = (error instanceof Error ? error.message : String(error)).slice(0, 2_000);
        await tx.query('UPDATE cases.outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::bigint[])', [ids, message]);
        this.logger.warn({ err: error, pending: rows.length }, 'could not publish case events; they stay in the outbox');
        outboxMetrics.failedPasses.inc();
        return 0;
      }
      await tx.query('UPDATE cases.outbox SET published_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1::bigint[])', [ids]);
      outboxMetrics.published.inc(rows.length);
      return rows.length;
    });
  }
}

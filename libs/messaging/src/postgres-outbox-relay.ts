import type { FactoryProvider, InjectionToken, Type } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { ClassConstructor } from 'class-transformer';
import { PinoLogger } from 'nestjs-pino';
import { Counter, Gauge } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { Message } from 'kafkajs';
import { ContractViolation, dlqTopic, EventEnvelope, parseContract, truncateText } from '@complaints/contracts';
import { EventPublisher } from './event-publisher';
import { envelopeHeaders } from './message-headers';

/** A contract an outbox may hold: its class, with the topic it goes to. */
export type OutboxContract = ClassConstructor<EventEnvelope> & { topic: string };

export interface OutboxRelayOptions {
  /**
   * The schema-qualified outbox table. Its columns: `id bigserial`, `topic text`, `message_key text`,
   * `payload jsonb`, `published_at timestamptz`, `attempts int`, `last_error text` (see `outboxTableSql`).
   */
  table: string;
  /** Any number, distinct per outbox, for the advisory lock that lets one relay at a time publish (so events stay in order). */
  lockKey: number;
  /** The contracts of the topics this outbox holds; each row is validated against its topic's before it goes out. */
  contracts: readonly OutboxContract[];
  /**
   * How often to look for unpublished events; 0 turns polling off. The owner kicks the relay right after
   * each commit that writes events, and it runs once at start, so the poll is only the safety net for
   * events left behind (a crash between commit and kick, another replica's relay): it can be slow.
   */
  pollMs: number;
  /** Published events are kept this long (for inspection), then deleted. */
  retentionHours: number;
  /** Prefix of the Prometheus metrics, e.g. `cases_outbox`. */
  metricsPrefix: string;
}

interface PendingRow {
  id: string;
  topic: string;
  message_key: string;
  payload: Record<string, unknown>;
}

/** The DDL of an outbox table, for the owner's migration. */
export function outboxTableSql(table: string): string[] {
  const name = table.replace(/^.*\./, '');
  return [
    `CREATE TABLE ${table} (
       id bigserial PRIMARY KEY,
       event_id uuid NOT NULL,
       topic text NOT NULL,
       message_key text NOT NULL,
       payload jsonb NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now(),
       published_at timestamptz,
       attempts int NOT NULL DEFAULT 0,
       last_error text
     )`,
    `CREATE INDEX ${name}_pending_idx ON ${table} (id) WHERE published_at IS NULL`,
    `CREATE INDEX ${name}_published_idx ON ${table} (published_at) WHERE published_at IS NOT NULL`,
  ];
}

/** One message for an outbox: the event's id, where it goes and under which key, and the event itself. */
export interface OutboxMessage {
  eventId: string;
  topic: string;
  key: string;
  payload: object;
}

/**
 * Puts `message` into the outbox `table` (created by outboxTableSql) in the caller's transaction: the
 * relay publishes it once that commits, and never if it rolls back.
 */
export async function enqueueOutboxMessage(
  tx: { query(sql: string, parameters?: unknown[]): Promise<unknown> },
  table: string,
  message: OutboxMessage,
): Promise<void> {
  await tx.query(`INSERT INTO ${table} (event_id, topic, message_key, payload) VALUES ($1, $2, $3, $4)`, [
    message.eventId,
    message.topic,
    message.key,
    JSON.stringify(message.payload),
  ]);
}

interface OutboxMetrics {
  pending: Gauge;
  published: Counter;
  failedPasses: Counter;
  deadLettered: Counter;
}

const metricsByPrefix = new Map<string, OutboxMetrics>();

/** The metrics of the outbox relays with this `metricsPrefix`, registered in the default registry at the first call. */
export function outboxMetrics(prefix: string): OutboxMetrics {
  let metrics = metricsByPrefix.get(prefix);
  if (!metrics) {
    metrics = {
      pending: new Gauge({
        name: `${prefix}_pending`,
        help: 'Events written but not yet acknowledged by Kafka (after the last relay pass)',
      }),
      published: new Counter({ name: `${prefix}_published_total`, help: 'Events the outbox relay published' }),
      failedPasses: new Counter({
        name: `${prefix}_failed_passes_total`,
        help: 'Relay passes that could not publish (Kafka down); the events stay queued',
      }),
      deadLettered: new Counter({
        name: `${prefix}_dead_lettered_total`,
        help: 'Outbox events that break their contract, sent to <topic>.dlq instead of holding back the outbox',
      }),
    };
    metricsByPrefix.set(prefix, metrics);
  }
  return metrics;
}

/**
 * Publishes a transactional outbox to Kafka in insertion order, with acks=all, and marks what was
 * acknowledged. A change is committed with its events, so none is lost when Kafka is down: they wait
 * in the table and go out when it is back (at-least-once; consumers dedupe by `eventId`). An event
 * that breaks its contract can never go out: it goes to `<topic>.dlq` (headers `dlq-reason`,
 * `dlq-outbox`, `dlq-outbox-id`...) and is marked done with the error in `last_error`, so it never
 * holds back the events after it. Runs whenever the owner `kick`s it after a commit, once at start,
 * and every `pollMs`; a pass takes up to `batchSize` events in one transaction (lock, claim, commit)
 * and publishes each topic's share in one Kafka request. Published events older than the retention
 * are deleted at start and by the polls, at most once a minute.
 */
export class PostgresOutboxRelay {
  private timer: NodeJS.Timeout | null = null;
  private lockRetry: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private again = false;
  private housekeepingDue = false;
  private lastHousekeeping = 0;
  private readonly metrics: OutboxMetrics;
  private readonly contracts: Map<string, OutboxContract>;

  constructor(
    private readonly db: DataSource,
    private readonly publisher: EventPublisher,
    private readonly logger: { warn(details: object, message: string): void },
    private readonly options: OutboxRelayOptions,
  ) {
    this.metrics = outboxMetrics(options.metricsPrefix);
    this.contracts = new Map(options.contracts.map((contract) => [contract.topic, contract]));
  }

  /** Nest lifecycle: runs while the application runs. */
  onApplicationBootstrap(): void {
    this.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  /** Publishes what is pending now (events a crash left behind) and starts polling (when `pollMs` > 0). */
  start(): void {
    if (this.options.pollMs > 0)
      this.timer = setInterval(() => {
        // However often it polls, the cleanup and the backlog count run about once a minute.
        if (Date.now() - this.lastHousekeeping >= HOUSEKEEPING_MS) this.housekeepingDue = true;
        this.kick();
      }, this.options.pollMs);
    this.housekeepingDue = true;
    this.kick();
  }

  /** Stops polling and waits for a running pass. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.lockRetry) clearTimeout(this.lockRetry);
    this.timer = null;
    this.lockRetry = null;
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
        this.logger.warn({ err: error, outbox: this.options.table }, 'outbox relay pass failed; events stay queued');
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

  /**
   * Publishes everything pending; returns how many events went out (dead letters included). When
   * another relay holds the outbox, it tries again shortly (that relay may have claimed its rows
   * before the events of this process's kick were committed).
   */
  async drain(batchSize = 200): Promise<number> {
    let total = 0;
    let settled = true;
    for (;;) {
      const pass = await this.publishBatch(batchSize);
      total += pass.sent;
      if (!pass.locked) this.retryLockSoon();
      if (pass.failed || !pass.locked) settled = false;
      if (!pass.locked || pass.failed || pass.sent < batchSize) break;
    }
    await this.afterPass(settled);
    return total;
  }

  private retryLockSoon(): void {
    if (this.lockRetry) return;
    this.lockRetry = setTimeout(() => {
      this.lockRetry = null;
      this.kick();
    }, LOCK_RETRY_MS);
    this.lockRetry.unref();
  }

  /**
   * The backlog gauge: none after a pass that published everything; counted after a failed pass and
   * at housekeeping (start, then polls at most once a minute), which also forgets published events
   * older than the retention.
   */
  private async afterPass(settled: boolean): Promise<void> {
    const { table, retentionHours } = this.options;
    const housekeeping = this.housekeepingDue;
    this.housekeepingDue = false;
    if (housekeeping) {
      this.lastHousekeeping = Date.now();
      await this.db.query(`DELETE FROM ${table} WHERE published_at < now() - make_interval(hours => $1)`, [retentionHours]);
    }
    if (settled && !housekeeping) {
      this.metrics.pending.set(0);
      return;
    }
    const [{ pending }] = await this.db.query<{ pending: number }[]>(
      `SELECT count(*)::int AS pending FROM ${table} WHERE published_at IS NULL`,
    );
    this.metrics.pending.set(pending);
  }

  /**
   * One pass in one transaction: the relay's lock (one relay at a time, so events go out in order),
   * then up to `batchSize` pending rows claimed (marked published, attempts counted) by one statement,
   * published, and committed; if Kafka refuses them they go back to pending with the error.
   */
  private publishBatch(batchSize: number): Promise<{ sent: number; locked: boolean; failed: boolean }> {
    const { table, lockKey } = this.options;
    return this.db.transaction(async (tx) => {
      const [{ locked }] = await tx.query<{ locked: boolean }[]>('SELECT pg_try_advisory_xact_lock($1) AS locked', [lockKey]);
      if (!locked) return { sent: 0, locked: false, failed: false };
      const rows = returnedRows<PendingRow>(
        await tx.query(
          `UPDATE ${table} SET published_at = now(), attempts = attempts + 1, last_error = NULL
            WHERE id IN (SELECT id FROM ${table} WHERE published_at IS NULL ORDER BY id LIMIT $1)
           RETURNING id, topic, message_key, payload`,
          [batchSize],
        ),
      ).sort((a, b) => compareIds(a.id, b.id));
      if (rows.length === 0) return { sent: 0, locked: true, failed: false };
      const dead: { row: PendingRow; error: ContractViolation }[] = [];
      try {
        for (const [topic, topicRows] of groupByTopic(rows)) {
          const contract = this.contracts.get(topic);
          if (!contract) throw new Error(`the outbox ${table} holds an event for ${topic}, which it has no contract for`);
          const messages: Message[] = [];
          const poison: { row: PendingRow; error: ContractViolation }[] = [];
          for (const row of topicRows) {
            try {
              const event = parseContract(contract, row.payload);
              messages.push({
                key: row.message_key,
                value: JSON.stringify(event),
                headers: envelopeHeaders(event),
                timestamp: String(Date.parse(event.occurredAt)),
              });
            } catch (error) {
              if (!(error instanceof ContractViolation)) throw error;
              poison.push({ row, error });
            }
          }
          if (poison.length > 0)
            await this.publisher.send(
              dlqTopic(topic),
              poison.map(({ row, error }) => this.deadLetter(topic, row, error)),
            );
          if (messages.length > 0) await this.publisher.send(topic, messages);
          dead.push(...poison);
        }
      } catch (error) {
        const message = truncateText(error instanceof Error ? error.message : String(error), 2_000);
        await tx.query(`UPDATE ${table} SET published_at = NULL, last_error = $2 WHERE id = ANY($1::bigint[])`, [
          rows.map((r) => r.id),
          message,
        ]);
        this.logger.warn({ err: error, outbox: table, pending: rows.length }, 'could not publish the outbox; its events stay queued');
        this.metrics.failedPasses.inc();
        return { sent: 0, locked: true, failed: true };
      }
      for (const { row, error } of dead) {
        await tx.query(`UPDATE ${table} SET last_error = $2 WHERE id = $1`, [
          row.id,
          truncateText(`dead-lettered: ${error.message}`, 2_000),
        ]);
        this.logger.warn(
          { outbox: table, id: row.id, topic: row.topic, reason: 'contract-violation', fields: error.errors.map((e) => e.field) },
          'outbox event breaks its contract; sent to the dead-letter topic',
        );
      }
      this.metrics.published.inc(rows.length - dead.length);
      this.metrics.deadLettered.inc(dead.length);
      return { sent: rows.length, locked: true, failed: false };
    });
  }

  /** An outbox event that can never be published, as a dead letter: its payload as stored, and why. */
  private deadLetter(topic: string, row: PendingRow, error: ContractViolation): Message {
    const correlationId = (row.payload as { correlationId?: unknown }).correlationId;
    return {
      key: row.message_key,
      value: JSON.stringify(row.payload),
      headers: {
        ...(typeof correlationId === 'string' ? { 'correlation-id': correlationId } : {}),
        'dlq-reason': 'contract-violation',
        'dlq-error-type': error.name,
        'dlq-error-message': truncateText(error.message, 2_000),
        'dlq-original-topic': topic,
        'dlq-outbox': this.options.table,
        'dlq-outbox-id': row.id,
        'dlq-failed-at': new Date().toISOString(),
      },
    };
  }
}

/** How often (at most) the polls delete published events past the retention and count the backlog. */
const HOUSEKEEPING_MS = 60_000;

/** How soon a relay that found the outbox held by another tries again. */
const LOCK_RETRY_MS = 100;

/** The rows of an UPDATE ... RETURNING: node-postgres via TypeORM answers [rows, count]. */
function returnedRows<R>(result: unknown): R[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as R[];
  return result as R[];
}

/** Orders bigserial ids (as node-postgres returns them: decimal strings). */
function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Rows by topic, keeping their order within each topic. */
function groupByTopic(rows: readonly PendingRow[]): Map<string, PendingRow[]> {
  const byTopic = new Map<string, PendingRow[]>();
  for (const row of rows) {
    const topicRows = byTopic.get(row.topic);
    if (topicRows) topicRows.push(row);
    else byTopic.set(row.topic, [row]);
  }
  return byTopic;
}

/**
 * The Nest provider of an app's outbox relay, under the app's own port (anything with `kick()`): it
 * polls from bootstrap to shutdown with the app's DataSource, publisher and logger.
 */
export function outboxRelayProvider<C>(
  provide: InjectionToken,
  configClass: Type<C>,
  options: (config: C) => OutboxRelayOptions,
): FactoryProvider<PostgresOutboxRelay> {
  return {
    provide,
    inject: [getDataSourceToken(), EventPublisher, configClass, PinoLogger],
    useFactory: (db: DataSource, publisher: EventPublisher, config: C, logger: PinoLogger) =>
      new PostgresOutboxRelay(db, publisher, logger, options(config)),
  };
}

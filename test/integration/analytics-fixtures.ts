import { randomInt, randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import { Client } from 'pg';
import { Clock } from '../../apps/analytics/src/application/clock';
import type { ComplaintFact } from '../../apps/analytics/src/domain/complaint-fact';
import { COUNTER_NAMES, KpiCounters } from '../../apps/analytics/src/domain/kpi-counters';
import { Jrt0169Sums } from '../../apps/analytics/src/domain/jrt0169-rollup';
import { isEmptyCell, RollupCell, RollupSums } from '../../apps/analytics/src/domain/kpi-rollup';
import { COUNTER_COLUMNS } from '../../apps/analytics/src/infrastructure/persistence/rollup-columns';
import {
  CaseEventType,
  CaseEventV1,
  CaseStatus,
  Channel,
  ComplaintReceivedV1,
  ComplaintRoutedV1,
  ComplaintV1,
  Department,
  newReference,
  parseContract,
  Priority,
  Product,
  Reason,
  Topics,
} from '@complaints/contracts';

const HOUR = 3_600_000;

/** A month no other test (or earlier run on a reused broker) uses: complaints "received" then. */
export function uniqueMonth(): { period: string; day: (d: number) => string; at: (d: number, hourUtc?: number) => Date } {
  const year = 2040 + randomInt(0, 60);
  const month = String(randomInt(1, 13)).padStart(2, '0');
  const day = (d: number) => `${year}-${month}-${String(d).padStart(2, '0')}`;
  // 04:00 UTC is noon in Shanghai: the same calendar day there.
  return { period: `${year}-${month}`, day, at: (d, hourUtc = 4) => new Date(`${day(d)}T${String(hourUtc).padStart(2, '0')}:00:00.000Z`) };
}

export interface RoutingSpec {
  product?: Product;
  reason?: Reason;
  department?: Department;
  priority?: Priority;
  escalation?: boolean;
  linkedCaseReference?: string;
}

/** The events of one complaint as intake, router and cases would publish them, times in hours after receipt. */
export class ComplaintScript {
  readonly complaintId = randomUUID();
  readonly reference: string;
  private status: CaseStatus = 'RECEIVED';

  constructor(
    readonly receivedAt: Date,
    readonly channel: Channel = 'web',
    private readonly routingSpec: RoutingSpec = {},
    private readonly region?: string,
  ) {
    this.reference = newReference(channel, receivedAt);
  }

  private at(hours: number): string {
    return new Date(this.receivedAt.getTime() + hours * HOUR).toISOString();
  }

  private complaint(): ComplaintV1 {
    const receivedAt = this.receivedAt.toISOString();
    return {
      complaintId: this.complaintId,
      reference: this.reference,
      channel: this.channel,
      receivedAt,
      source: { system: 'test', messageId: null, receivedAt },
      customer: { contact: { phoneLast4: '0000' } },
      content: { text: '信用卡年费未经同意被扣除,要求退还。', language: 'zh' },
      context: this.region ? { extra: { region: this.region } } : {},
    };
  }

  received(): ComplaintReceivedV1 {
    return parseContract(ComplaintReceivedV1, {
      eventId: randomUUID(),
      eventType: 'complaint.received',
      eventVersion: 1,
      occurredAt: this.receivedAt.toISOString(),
      correlationId: this.complaintId,
      causationId: null,
      source: 'test',
      complaint: this.complaint(),
    });
  }

  routed(): ComplaintRoutedV1 {
    const r = this.routingSpec;
    return parseContract(ComplaintRoutedV1, {
      eventId: randomUUID(),
      eventType: 'complaint.routed',
      eventVersion: 1,
      occurredAt: this.at(0.01),
      correlationId: this.complaintId,
      causationId: null,
      source: 'router',
      complaint: this.complaint(),
      routing: {
        department: r.department ?? 'CARD_CENTER',
        category: { product: r.product ?? 'CREDIT_CARD', reason: r.reason ?? 'FEES', servicePoint: 'ONLINE' },
        priority: r.priority ?? 'P2',
        escalation: r.escalation ?? false,
        needsTriage: false,
        confidence: { product: 0.9, reason: 0.9, servicePoint: 0.9, escalation: 0.9, priority: 0.9 },
        ruleId: 'test',
        rulesVersion: 'test',
        classifierVersion: 'test',
        matchedTerms: [],
        ...(r.linkedCaseReference ? { linkedCaseReference: r.linkedCaseReference } : {}),
        routedAt: this.at(0.01),
      },
    });
  }

  /** A case event `hours` after receipt; `to` changes the status (with from/to in the data, as cases does). */
  caseEvent(kind: string, hours: number, data: Record<string, unknown> = {}, to?: CaseStatus): CaseEventV1 {
    const move = to && to !== this.status ? { from: this.status, to } : {};
    if (to) this.status = to;
    const at = this.at(hours);
    return parseContract(CaseEventV1, {
      eventId: randomUUID(),
      eventType: `case.${kind}` as CaseEventType,
      eventVersion: 1,
      occurredAt: at,
      correlationId: this.complaintId,
      causationId: null,
      source: 'cases',
      case: {
        reference: this.reference,
        complaintId: this.complaintId,
        channel: this.channel,
        source: { system: 'test', messageId: null, receivedAt: this.receivedAt.toISOString() },
        contact: {},
        language: 'zh',
        status: this.status,
        department: this.routingSpec.department ?? 'CARD_CENTER',
        priority: this.routingSpec.priority ?? 'P2',
        assignee: null,
      },
      actor: { type: 'staff', id: 'agent-1' },
      customerVisible: false,
      ...(Object.keys({ ...data, ...move }).length ? { data: { ...data, ...move } } : {}),
      at,
    });
  }
}

type AnyEvent = ComplaintReceivedV1 | ComplaintRoutedV1 | CaseEventV1;

function topicOf(event: AnyEvent): string {
  if (event instanceof ComplaintReceivedV1) return Topics.complaintReceivedV1;
  if (event instanceof ComplaintRoutedV1) return Topics.complaintRoutedV1;
  return Topics.caseEventsV1;
}

function keyOf(event: AnyEvent): string {
  return event instanceof CaseEventV1 ? event.case.complaintId : event.complaint.complaintId;
}

/** Publishes events in the order given (each on its own topic, keyed by complaintId). */
export async function publish(producer: Producer, ...events: AnyEvent[]): Promise<void> {
  for (const event of events)
    await producer.send({ topic: topicOf(event), messages: [{ key: keyOf(event), value: JSON.stringify(event) }] });
}

export async function queryDb<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The analytics service's clock under a test's control. */
export class AnalyticsTestClock extends Clock {
  constructor(private current: Date = new Date()) {
    super();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date): void {
    this.current = new Date(at);
  }
}

/** A complaint as an intake publishes it on complaints.received.v1, with its own text and time. */
export function receivedComplaint(text: string, receivedAt: Date, channel: Channel = 'web'): ComplaintReceivedV1 {
  const complaintId = randomUUID();
  const at = receivedAt.toISOString();
  return parseContract(ComplaintReceivedV1, {
    eventId: randomUUID(),
    eventType: 'complaint.received',
    eventVersion: 1,
    occurredAt: at,
    correlationId: complaintId,
    causationId: null,
    source: 'test',
    complaint: {
      complaintId,
      reference: newReference(channel, receivedAt),
      channel,
      receivedAt: at,
      source: { system: 'test', messageId: null, receivedAt: at },
      customer: { contact: { phoneLast4: '0000' } },
      content: { text, language: 'zh' },
      context: {},
    },
  });
}

/** Rollup rows by `dimension|grain|day|department|key`, empty ones left out. */
export type RollupTable = Map<string, RollupCell>;

/** What the rollups must hold for these facts (every complaint's contribution added once). */
export function expectedRollups(facts: readonly ComplaintFact[]): RollupTable {
  const sums = new RollupSums();
  for (const fact of facts) sums.add(fact);
  return new Map(sums.deltas().map(({ key, ...cell }) => [[key.dimension, key.grain, key.day, key.department, key.key].join('|'), cell]));
}

/** The rows of a table shaped like analytics.kpi_rollup for days `fromDay` to `toDay` (month rows by their first day). */
export async function rollupTable(
  query: (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>,
  fromDay: string,
  toDay: string,
  table = 'analytics.kpi_rollup',
): Promise<RollupTable> {
  const rows = await query(
    `SELECT concat_ws('|', dimension, grain, day, department, key) AS id, ${COUNTER_COLUMNS.map((c) => `${c.column}::int AS "${c.name}"`).join(', ')},
       feedback_histogram, resolution_histogram
     FROM ${table} WHERE day BETWEEN $1::date AND $2::date`,
    [fromDay, toDay],
  );
  const cells: [string, RollupCell][] = rows.map((r) => [
    String(r.id),
    {
      counters: Object.fromEntries(COUNTER_NAMES.map((n) => [n, Number(r[n])])) as unknown as KpiCounters,
      feedbackHistogram: r.feedback_histogram as number[],
      resolutionHistogram: r.resolution_histogram as number[],
    },
  ]);
  return new Map(cells.filter(([, cell]) => !isEmptyCell(cell)));
}

/** JR/T 0169 rollup rows by `grain|day|channel|product|reason`: complaints, empty rows left out. */
export type Jrt0169Table = Map<string, number>;

/** What the JR/T 0169 rollup must hold for these facts (every complaint counted once per grain). */
export function expectedJrt0169Rollup(facts: readonly ComplaintFact[]): Jrt0169Table {
  const sums = new Jrt0169Sums();
  for (const fact of facts) sums.add(fact);
  return new Map(sums.deltas().map(({ key, volume }) => [[key.grain, key.day, key.channel, key.product, key.reason].join('|'), volume]));
}

/** The rows of a table shaped like analytics.jrt0169_rollup for days `fromDay` to `toDay` (month rows by their first day). */
export async function jrt0169Table(
  query: (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>,
  fromDay: string,
  toDay: string,
  table = 'analytics.jrt0169_rollup',
): Promise<Jrt0169Table> {
  const rows = await query(
    `SELECT concat_ws('|', grain, day, channel, product, reason) AS id, volume::int AS volume FROM ${table} WHERE day BETWEEN $1::date AND $2::date AND volume <> 0`,
    [fromDay, toDay],
  );
  return new Map(rows.map((r) => [String(r.id), Number(r.volume)]));
}

import { Producer } from 'kafkajs';
import { CaseEventV1, ComplaintReceivedV1, ComplaintRoutedV1, Department, Product, Topics } from '@complaints/contracts';
import { AnalyticsConfig } from '../../apps/analytics/src/analytics.config';
import { AnalyticsModule } from '../../apps/analytics/src/analytics.module';
import { projectCaseEvent, projectReceived, projectRouted } from '../../apps/analytics/src/application/record-event/event-projection';
import type { AnalyticsEvent } from '../../apps/analytics/src/domain/analytics-event';
import { ComplaintFact, foldComplaintFact } from '../../apps/analytics/src/domain/complaint-fact';
import { testProducer } from '../support/case-events';
import { testConfig } from '../support/configs';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { ComplaintScript, expectedRollups, queryDb, rollupTable, uniqueMonth } from './analytics-fixtures';

const COMPLAINTS = 90;
const DEPARTMENTS: Department[] = ['CARD_CENTER', 'LENDING'];
const PRODUCTS: Product[] = ['CREDIT_CARD', 'LOAN'];

type Received = ComplaintReceivedV1;
type Routed = ComplaintRoutedV1;

/**
 * Batch ingestion under contention: the events of the same complaints, on all three topics at once,
 * consumed by the three consumers concurrently in small batches (many transactions sharing complaints
 * and rollup rows), must give exactly the facts and rollups of applying every event once, serially.
 */
describe('analytics batch ingestion', () => {
  let analytics: RunningApp;
  let producer: Producer;
  const month = uniqueMonth();

  beforeAll(async () => {
    producer = await testProducer();
  });
  afterAll(async () => {
    await analytics?.close();
    await producer?.disconnect();
  });

  /** A varied life per complaint on three days and a few rollup rows; every tenth complaint's case merges the next one as a repeat. */
  function scriptEvents(): { received: Received[]; routed: Routed[]; cases: CaseEventV1[] } {
    const scripts: ComplaintScript[] = [];
    for (let i = 0; i < COMPLAINTS; i++) {
      const linkedCaseReference = i % 10 === 1 ? scripts[i - 1].reference : undefined;
      scripts.push(
        new ComplaintScript(month.at(1 + (i % 3)), i % 2 ? 'web' : 'hotline', {
          department: DEPARTMENTS[i % 2],
          product: PRODUCTS[Math.floor(i / 2) % 2],
          linkedCaseReference,
        }),
      );
    }
    const received = scripts.map((s) => s.received());
    const routed = scripts.map((s) => s.routed());
    const cases: CaseEventV1[] = [];
    scripts.forEach((s, i) => {
      if (i % 10 === 1) return; // merged into the case of the complaint before: no case of its own
      cases.push(s.caseEvent('opened', 0.1));
      if (i % 10 === 0)
        cases.push(
          s.caseEvent('linked_complaint', 0.5, {
            linkedComplaintId: scripts[i + 1].complaintId,
            linkedReference: scripts[i + 1].reference,
          }),
        );
      if (i % 4 === 0)
        cases.push(s.caseEvent('clock_paused', 1), s.caseEvent('clock_resumed', 3 + (i % 7), { pausedMs: (2 + (i % 7)) * 3_600_000 }));
      cases.push(s.caseEvent('feedback_sent', 10 + i, { first: true }, 'IN_PROGRESS'));
      if (i % 5 === 0) cases.push(s.caseEvent('sla_breached', 400, { clock: 'decision' }));
      if (i % 3 !== 2) {
        cases.push(s.caseEvent('resolution_proposed', 60 + i, {}, 'RESPONDED'), s.caseEvent('resolved', 70 + i, {}, 'RESOLVED'));
        cases.push(s.caseEvent('satisfaction_recorded', 80 + i, { score: 1 + (i % 5) }));
        if (i % 6 === 0) cases.push(s.caseEvent('reopened', 90 + i, {}, 'IN_PROGRESS'));
      }
    });
    return { received, routed, cases };
  }

  it('gives the facts and rollups of a serial application when all three topics deliver the same complaints at once', async () => {
    const { received, routed, cases } = scriptEvents();
    // Some redeliveries, on each topic.
    const sends: [string, { eventId: string; key: string; value: string }[]][] = [
      [Topics.complaintReceivedV1, [...received, ...received.slice(0, 7)].map((e) => message(e, e.complaint.complaintId))],
      [Topics.complaintRoutedV1, [...routed, ...routed.slice(20, 25)].map((e) => message(e, e.complaint.complaintId))],
      [Topics.caseEventsV1, [...cases, ...cases.slice(40, 60)].map((e) => message(e, e.case.complaintId))],
    ];
    // Published before the service starts, so its three consumers take them up together.
    await Promise.all(
      sends.map(([topic, messages]) => producer.send({ topic, messages: messages.map(({ key, value }) => ({ key, value })) })),
    );
    analytics = await startApp(AnalyticsModule.register(testConfig(AnalyticsConfig, { ANALYTICS_BATCH_SIZE: '16' })));

    const eventIds = [...new Set(sends.flatMap(([, messages]) => messages.map((m) => m.eventId)))];
    await eventually(async () => {
      const [{ n }] = await queryDb<{ n: number }>(
        'SELECT count(*)::int AS n FROM analytics.applied_events WHERE event_id = ANY($1::uuid[])',
        [eventIds],
      );
      return n === eventIds.length ? n : undefined;
    });

    const projections: AnalyticsEvent[] = [
      ...received.flatMap((e) => projectReceived(e, 0)),
      ...routed.flatMap((e) => projectRouted(e, 0)),
      ...cases.flatMap((e) => projectCaseEvent(e, 0)),
    ];
    const complaintIds = [...new Set(projections.map((p) => p.complaintId))];
    const expectedFacts = complaintIds.map((id) =>
      foldComplaintFact(
        id,
        projections.filter((p) => p.complaintId === id),
      ),
    );
    const expected = expectedRollups(expectedFacts);
    // The scenario does what it means to: a few shared rows, repeats merged, paused clocks, reopenings.
    expect([...expected.keys()].filter((id) => id.startsWith('product|day|'))).toHaveLength(12);
    expect(expectedFacts.filter((f) => f.mergedIntoReference !== null)).toHaveLength(COMPLAINTS / 10);
    expect(expectedFacts.filter((f) => f.pausedMs > 0).length).toBeGreaterThan(10);
    expect(expectedFacts.filter((f) => f.reopenCount > 0).length).toBeGreaterThan(5);

    const facts = await queryDb<Record<string, unknown>>(
      `SELECT complaint_id, received_day::text, department, product, has_case, feedback_ms::float8, decision_ms::float8, resolution_ms::float8,
         resolved_at, ever_resolved, paused_ms::float8, decision_breaches, reopen_count, repeat, merged_into_reference, satisfaction_score
       FROM analytics.complaint_facts WHERE complaint_id = ANY($1::uuid[]) ORDER BY complaint_id`,
      [complaintIds],
    );
    expect(facts).toEqual([...expectedFacts].sort((a, b) => (a.complaintId < b.complaintId ? -1 : 1)).map(factColumns));

    expect(await rollupTable(queryDb, month.day(1), month.day(28))).toEqual(expected);

    // The received complaints' terms were recorded for hot-spot detection, once each.
    const [{ terms }] = await queryDb<{ terms: number }>(
      'SELECT count(*)::int AS terms FROM analytics.complaint_terms WHERE complaint_id = ANY($1::uuid[])',
      [complaintIds],
    );
    expect(terms).toBe(COMPLAINTS);

    // No batch failed on the way (a deadlock or any other failed transaction is retried, and counted).
    const metrics = await (await fetch(`${analytics.url}/metrics`)).text();
    expect(metrics).toMatch(/kafka_messages_consumed_total\{[^}]*outcome="processed"[^}]*\} [1-9]/);
    expect(metrics).not.toMatch(/kafka_messages_consumed_total\{[^}]*outcome="retried"[^}]*\} [1-9]/);
  });
});

function message(event: { eventId: string }, key: string): { eventId: string; key: string; value: string } {
  return { eventId: event.eventId, key, value: JSON.stringify(event) };
}

function factColumns(f: ComplaintFact): Record<string, unknown> {
  return {
    complaint_id: f.complaintId,
    received_day: f.receivedDay,
    department: f.department,
    product: f.product,
    has_case: f.hasCase,
    feedback_ms: f.feedbackMs,
    decision_ms: f.decisionMs,
    resolution_ms: f.resolutionMs,
    resolved_at: f.resolvedAt && new Date(f.resolvedAt),
    ever_resolved: f.everResolved,
    paused_ms: f.pausedMs,
    decision_breaches: f.decisionBreaches,
    reopen_count: f.reopenCount,
    repeat: f.repeat,
    merged_into_reference: f.mergedIntoReference,
    satisfaction_score: f.satisfactionScore,
  };
}

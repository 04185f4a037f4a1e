import type { AnalyticsEvent } from './analytics-event';
import { foldComplaintFact } from './complaint-fact';
import { foldBatch, RollupDelta, rollupKey } from './fact-batch';
import { addCounters, contribution, COUNTER_NAMES, KpiCounters } from './kpi-counters';
import { ComplaintStory } from './testing/analytics-event.fixture';

const RECEIVED = '2026-10-15T04:00:00.000Z';
const id = (n: number) => `11111111-1111-4111-8111-${String(n).padStart(12, '0')}`;

/** Three complaints of one day and department (one rollup row until the routing splits them) and one of the next day. */
function stories(): AnalyticsEvent[] {
  const a = new ComplaintStory(id(1), RECEIVED).received().routed().case('opened', 0.1).case('feedback_sent', 10, { first: true }, 'IN_PROGRESS').case('resolved', 30, {}, 'RESOLVED');
  const b = new ComplaintStory(id(2), RECEIVED).received().routed({ product: 'LOAN' }).case('opened', 0.1).case('sla_breached', 49, { clock: 'feedback' });
  const c = new ComplaintStory(id(3), RECEIVED).received().routed().case('opened', 0.1).case('reopened', 5).case('satisfaction_recorded', 6, { score: 2 });
  const d = new ComplaintStory(id(4), '2026-10-16T04:00:00.000Z').routed({ department: 'FRAUD' }).case('opened', 0.1).case('withdrawn', 1, {}, 'WITHDRAWN');
  return [...a.events, ...b.events, ...c.events, ...d.events];
}

type Totals = Map<string, KpiCounters>;

function addTo(totals: Totals, deltas: readonly RollupDelta[]): Totals {
  for (const d of deltas) {
    const id = d.key.join('|');
    totals.set(id, totals.has(id) ? addCounters(totals.get(id)!, d.counters) : d.counters);
  }
  for (const [k, c] of totals) if (COUNTER_NAMES.every((n) => c[n] === 0)) totals.delete(k);
  return totals;
}

/** Feeds the events in batches of `size` through foldBatch, keeping what was stored between batches. */
function applyInBatches(events: readonly AnalyticsEvent[], size: number): { totals: Totals; facts: Map<string, unknown> } {
  const stored = new Map<string, AnalyticsEvent[]>();
  const totals: Totals = new Map();
  const facts = new Map<string, unknown>();
  for (let i = 0; i < events.length; i += size) {
    const batch = events.slice(i, i + size);
    const result = foldBatch(stored, batch);
    addTo(totals, result.deltas);
    for (const f of result.facts) facts.set(f.complaintId, f);
    for (const e of batch) stored.set(e.complaintId, [...(stored.get(e.complaintId) ?? []), e]);
  }
  return { totals, facts };
}

/** A fixed shuffle (no randomness in tests): every seventh event first, and so on. */
function shuffled<T>(items: readonly T[]): T[] {
  return Array.from({ length: 7 }, (_, r) => items.filter((_, i) => i % 7 === r)).flat().reverse();
}

describe('foldBatch', () => {
  const events = stories();
  const serial = applyInBatches(events, 1);

  it('gives the rollup totals of the complaints folded from all their events', () => {
    const expected: Totals = new Map();
    for (const complaintId of [id(1), id(2), id(3), id(4)]) {
      const fact = foldComplaintFact(complaintId, events.filter((e) => e.complaintId === complaintId));
      addTo(expected, [{ key: rollupKey(fact)!, counters: contribution(fact) }]);
    }
    expect(serial.totals).toEqual(expected);
    expect([...serial.totals.keys()].sort()).toEqual([
      '2026-10-15|CARD_CENTER|web|CREDIT_CARD|FEES|ONLINE|P2',
      '2026-10-15|CARD_CENTER|web|LOAN|FEES|ONLINE|P2',
      '2026-10-16|CARD_CENTER|web|CREDIT_CARD|FEES|ONLINE|P2',
    ]);
  });

  it('gives the same facts and totals as one event at a time, whatever the batch size and order', () => {
    for (const order of [events, shuffled(events), [...events].reverse()]) {
      for (const size of [2, 5, 9, events.length]) {
        const batched = applyInBatches(order, size);
        expect(batched.totals).toEqual(serial.totals);
        expect(batched.facts).toEqual(serial.facts);
      }
    }
  });

  it('folds each touched complaint once, in id order, and sums the deltas per row in key order without zero rows', () => {
    const stored = new Map([[id(1), events.filter((e) => e.complaintId === id(1)).slice(0, 2)]]);
    const added = events.filter((e) => e.complaintId === id(2) || (e.complaintId === id(1) && e.topic === 'case'));
    const { facts, deltas } = foldBatch(stored, added);
    expect(facts.map((f) => f.complaintId)).toEqual([id(1), id(2)]);
    // Complaint 1 stays in its row (its earlier contribution is taken out and the new one added); 2 opens its own.
    expect(deltas.map((d) => [d.key[3], d.counters.volume, d.counters.cases, d.counters.resolved])).toEqual([
      ['CREDIT_CARD', 0, 1, 1],
      ['LOAN', 1, 1, 0],
    ]);
    expect(foldBatch(stored, []).deltas).toEqual([]);
  });
});

import type { AnalyticsEvent } from './analytics-event';
import { foldComplaintFact } from './complaint-fact';
import { foldBatch } from './fact-batch';
import { Jrt0169Delta, Jrt0169Sums } from './jrt0169-rollup';
import { addCells, isEmptyCell, RollupCell, RollupDelta, RollupSums } from './kpi-rollup';
import { ComplaintStory } from './testing/analytics-event.fixture';

const RECEIVED = '2026-10-15T04:00:00.000Z';
const id = (n: number) => `11111111-1111-4111-8111-${String(n).padStart(12, '0')}`;

/** Three complaints of one day and department (sharing rows until the routing splits them by product) and one of the next day. */
function stories(): AnalyticsEvent[] {
  const a = new ComplaintStory(id(1), RECEIVED)
    .received()
    .routed()
    .case('opened', 0.1)
    .case('feedback_sent', 10, { first: true }, 'IN_PROGRESS')
    .case('resolved', 30, {}, 'RESOLVED');
  const b = new ComplaintStory(id(2), RECEIVED)
    .received()
    .routed({ product: 'LOAN' })
    .case('opened', 0.1)
    .case('sla_breached', 49, { clock: 'feedback' });
  // C is resolved at 3 h, reopened, and resolved again at 80 h: its resolution moves to another bucket.
  const c = new ComplaintStory(id(3), RECEIVED)
    .received()
    .routed()
    .case('opened', 0.1)
    .case('resolved', 3, {}, 'RESOLVED')
    .case('reopened', 5, {}, 'IN_PROGRESS')
    .case('satisfaction_recorded', 6, { score: 2 })
    .case('resolved', 80, {}, 'RESOLVED');
  const d = new ComplaintStory(id(4), '2026-10-16T04:00:00.000Z')
    .routed({ department: 'FRAUD' })
    .case('opened', 0.1)
    .case('withdrawn', 1, {}, 'WITHDRAWN');
  return [...a.events, ...b.events, ...c.events, ...d.events];
}

type Totals = Map<string, RollupCell>;

const rowId = (d: RollupDelta) => [d.key.dimension, d.key.grain, d.key.day, d.key.department, d.key.key].join('|');

function addTo(totals: Totals, deltas: readonly RollupDelta[]): Totals {
  for (const d of deltas) {
    const id = rowId(d);
    totals.set(
      id,
      totals.has(id)
        ? addCells(totals.get(id)!, d)
        : { counters: d.counters, feedbackHistogram: d.feedbackHistogram, resolutionHistogram: d.resolutionHistogram },
    );
  }
  for (const [k, c] of totals) if (isEmptyCell(c)) totals.delete(k);
  return totals;
}

/** JR/T 0169 rollup rows by `grain|day|channel|product|reason`, zero ones left out. */
function addJrt0169(totals: Map<string, number>, deltas: readonly Jrt0169Delta[]): Map<string, number> {
  for (const { key, volume } of deltas) {
    const id = [key.grain, key.day, key.channel, key.product, key.reason].join('|');
    totals.set(id, (totals.get(id) ?? 0) + volume);
    if (totals.get(id) === 0) totals.delete(id);
  }
  return totals;
}

/** Feeds the events in batches of `size` through foldBatch, keeping what was stored between batches. */
function applyInBatches(
  events: readonly AnalyticsEvent[],
  size: number,
): { totals: Totals; jrt0169: Map<string, number>; facts: Map<string, unknown> } {
  const stored = new Map<string, AnalyticsEvent[]>();
  const totals: Totals = new Map();
  const jrt0169 = new Map<string, number>();
  const facts = new Map<string, unknown>();
  for (let i = 0; i < events.length; i += size) {
    const batch = events.slice(i, i + size);
    const result = foldBatch(stored, batch);
    addTo(totals, result.deltas);
    addJrt0169(jrt0169, result.jrt0169Deltas);
    for (const f of result.facts) facts.set(f.complaintId, f);
    for (const e of batch) stored.set(e.complaintId, [...(stored.get(e.complaintId) ?? []), e]);
  }
  return { totals, jrt0169, facts };
}

/** A fixed shuffle (no randomness in tests): every seventh event first, and so on. */
function shuffled<T>(items: readonly T[]): T[] {
  return Array.from({ length: 7 }, (_, r) => items.filter((_, i) => i % 7 === r))
    .flat()
    .reverse();
}

describe('foldBatch', () => {
  const events = stories();
  const serial = applyInBatches(events, 1);

  it('gives the rollup totals (counters and histograms) of the complaints folded from all their events', () => {
    const sums = new RollupSums();
    for (const complaintId of [id(1), id(2), id(3), id(4)])
      sums.add(
        foldComplaintFact(
          complaintId,
          events.filter((e) => e.complaintId === complaintId),
        ),
      );
    const expected = addTo(new Map(), sums.deltas());
    expect(serial.totals).toEqual(expected);
    // Each complaint counts once per grain and dimension: 9 dimensions, day and month rows.
    expect([...serial.totals.keys()].filter((k) => k.startsWith('product|')).sort()).toEqual([
      'product|day|2026-10-15|CARD_CENTER|CREDIT_CARD',
      'product|day|2026-10-15|CARD_CENTER|LOAN',
      'product|day|2026-10-16|CARD_CENTER|CREDIT_CARD',
      'product|month|2026-10-01|CARD_CENTER|CREDIT_CARD',
      'product|month|2026-10-01|CARD_CENTER|LOAN',
    ]);
    const month = serial.totals.get('department|month|2026-10-01|CARD_CENTER|CARD_CENTER')!;
    expect(month.counters.volume).toBe(4);
    // A's first feedback at 10 h (bucket 10); resolutions: A at 30 h (bucket 30), C at 80 h (bucket 72 + 8 / 6 = 73), not at 3 h.
    expect(month.feedbackHistogram).toEqual([...Array<number>(10).fill(0), 1]);
    expect(month.resolutionHistogram).toEqual(Array.from({ length: 74 }, (_, b) => (b === 30 || b === 73 ? 1 : 0)));
    expect(serial.totals.get('rootCauseCategory|day|2026-10-16|CARD_CENTER|UNKNOWN')!.counters.withdrawn).toBe(1);
  });

  it('gives the JR/T 0169 rollup of the complaints folded from all their events', () => {
    const sums = new Jrt0169Sums();
    for (const complaintId of [id(1), id(2), id(3), id(4)])
      sums.add(
        foldComplaintFact(
          complaintId,
          events.filter((e) => e.complaintId === complaintId),
        ),
      );
    expect(serial.jrt0169).toEqual(addJrt0169(new Map(), sums.deltas()));
    expect(serial.jrt0169).toEqual(
      new Map([
        ['day|2026-10-15|web|CREDIT_CARD|FEES', 2],
        ['day|2026-10-15|web|LOAN|FEES', 1],
        ['day|2026-10-16|web|CREDIT_CARD|FEES', 1],
        ['month|2026-10-01|web|CREDIT_CARD|FEES', 3],
        ['month|2026-10-01|web|LOAN|FEES', 1],
      ]),
    );
  });

  it('gives the same facts and totals as one event at a time, whatever the batch size and order', () => {
    for (const order of [events, shuffled(events), [...events].reverse()]) {
      for (const size of [2, 5, 9, events.length]) {
        const batched = applyInBatches(order, size);
        expect(batched.totals).toEqual(serial.totals);
        expect(batched.jrt0169).toEqual(serial.jrt0169);
        expect(batched.facts).toEqual(serial.facts);
      }
    }
  });

  it('folds each touched complaint once, in id order, and sums the deltas per row in key order without zero rows', () => {
    const stored = new Map([[id(1), events.filter((e) => e.complaintId === id(1)).slice(0, 2)]]);
    const added = events.filter((e) => e.complaintId === id(2) || (e.complaintId === id(1) && e.topic === 'case'));
    const { facts, deltas, jrt0169Deltas } = foldBatch(stored, added);
    expect(facts.map((f) => f.complaintId)).toEqual([id(1), id(2)]);
    // Complaint 1 stays in its rows (its earlier contribution is taken out and the new one added); 2 opens its own.
    const products = deltas.filter((d) => d.key.dimension === 'product' && d.key.grain === 'day');
    expect(
      products.map((d) => [d.key.key, d.counters.volume, d.counters.cases, d.counters.resolved, d.resolutionHistogram.length]),
    ).toEqual([
      ['CREDIT_CARD', 0, 1, 1, 31],
      ['LOAN', 1, 1, 0, 0],
    ]);
    const lockOrder = deltas.map((d) => [d.key.dimension, d.key.grain, d.key.day, d.key.department, d.key.key].join('\u0000'));
    expect(lockOrder).toEqual([...lockOrder].sort());
    // In the JR/T 0169 rollup complaint 1 stays where it was (no row changes); 2 opens its own cell.
    expect(jrt0169Deltas).toEqual([
      { key: { grain: 'day', day: '2026-10-15', channel: 'web', product: 'LOAN', reason: 'FEES' }, volume: 1 },
      { key: { grain: 'month', day: '2026-10-01', channel: 'web', product: 'LOAN', reason: 'FEES' }, volume: 1 },
    ]);
    expect(foldBatch(stored, []).deltas).toEqual([]);
    expect(foldBatch(stored, []).jrt0169Deltas).toEqual([]);
  });
});

import { foldComplaintFact } from './complaint-fact';
import { foldBatch } from './fact-batch';
import { jrt0169RollupKeys, Jrt0169Sums } from './jrt0169-rollup';
import { ComplaintStory } from './testing/analytics-event.fixture';

const id = (n: number) => `22222222-2222-4222-8222-${String(n).padStart(12, '0')}`;
// 2026-10-31T20:00Z is 2026-11-01 04:00 in Shanghai: the complaint counts on 1 November.
const RECEIVED = '2026-10-31T20:00:00.000Z';

describe('JR/T 0169 rollup', () => {
  it('counts a complaint in the day and month rows of its Shanghai day, UNKNOWN until it is routed', () => {
    const story = new ComplaintStory(id(1), RECEIVED).received();
    expect(jrt0169RollupKeys(foldComplaintFact(id(1), story.events))).toEqual([
      { grain: 'day', day: '2026-11-01', channel: 'web', product: 'UNKNOWN', reason: 'UNKNOWN' },
      { grain: 'month', day: '2026-11-01', channel: 'web', product: 'UNKNOWN', reason: 'UNKNOWN' },
    ]);
    story.routed({ product: 'LOAN', reason: 'DEBT_COLLECTION' });
    expect(jrt0169RollupKeys(foldComplaintFact(id(1), story.events)).map((k) => [k.grain, k.product, k.reason])).toEqual([
      ['day', 'LOAN', 'DEBT_COLLECTION'],
      ['month', 'LOAN', 'DEBT_COLLECTION'],
    ]);
  });

  it('has no rows for a complaint whose receipt is not known yet', () => {
    const story = new ComplaintStory(id(2), RECEIVED);
    const fact = { ...foldComplaintFact(id(2), story.received().events), receivedDay: null };
    expect(jrt0169RollupKeys(fact)).toEqual([]);
    expect(new Jrt0169Sums().add(fact).deltas()).toEqual([]);
  });

  it('moves a complaint out of its UNKNOWN cells into its routed ones when the routing arrives in a later batch', () => {
    const story = new ComplaintStory(id(3), RECEIVED).received().routed({ product: 'LOAN', reason: 'FEES' });
    const [received, routed] = story.events;
    const first = foldBatch(new Map(), [received]);
    expect(first.jrt0169Deltas.map((d) => [d.key.grain, d.key.product, d.volume])).toEqual([
      ['day', 'UNKNOWN', 1],
      ['month', 'UNKNOWN', 1],
    ]);
    const second = foldBatch(new Map([[id(3), [received]]]), [routed]);
    expect(second.jrt0169Deltas.map((d) => [d.key.grain, d.key.product, d.key.reason, d.volume])).toEqual([
      ['day', 'LOAN', 'FEES', 1],
      ['day', 'UNKNOWN', 'UNKNOWN', -1],
      ['month', 'LOAN', 'FEES', 1],
      ['month', 'UNKNOWN', 'UNKNOWN', -1],
    ]);
    // A case event that changes none of the three leaves the rollup as it is.
    const third = foldBatch(new Map([[id(3), [received, routed]]]), new ComplaintStory(id(3), RECEIVED).case('opened', 0.1).events);
    expect(third.jrt0169Deltas).toEqual([]);
  });

  it('sums complaints of the same cell into one row', () => {
    const facts = [1, 2, 3].map((n) => foldComplaintFact(id(10 + n), new ComplaintStory(id(10 + n), RECEIVED).received().routed().events));
    const sums = new Jrt0169Sums();
    for (const f of facts) sums.add(f);
    sums.add(facts[0], -1);
    expect(sums.deltas()).toEqual([
      { key: { grain: 'day', day: '2026-11-01', channel: 'web', product: 'CREDIT_CARD', reason: 'FEES' }, volume: 2 },
      { key: { grain: 'month', day: '2026-11-01', channel: 'web', product: 'CREDIT_CARD', reason: 'FEES' }, volume: 2 },
    ]);
  });
});

import { TermActivity } from './term-activity';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NOW = new Date('2026-11-29T09:30:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);

let sequence = 0;
const observation = (receivedAt: Date, terms: string[]) => ({
  complaintId: `c-${++sequence}`,
  reference: `R${sequence}`,
  receivedAt,
  terms,
});

describe('TermActivity', () => {
  it('counts distinct complaints per baseline window, most recent first, before the window and its bucket', () => {
    const activity = new TermActivity({}, ago(48 * HOUR));
    activity.observe(observation(ago(10 * MINUTE), ['退款']));
    activity.observe(observation(ago(80 * MINUTE), ['退款'])); // 08:10: in the bucket holding the window's start, so in neither
    activity.observe(observation(ago(100 * MINUTE), ['退款', '退款'])); // 07:50: the latest baseline hour (07:00-08:00)
    activity.observe(observation(ago(3 * HOUR), ['退款'])); // 06:30
    activity.observe(observation(ago(3 * HOUR + MINUTE), ['退款']));

    const baseline = activity.baselineCounts('退款', NOW);
    expect(baseline.slice(0, 3)).toEqual([1, 2, 0]);
    expect(baseline).toHaveLength(46); // 08:00 back to 10:00 two days ago, the first whole hour after the history start
    expect([...activity.windowTerms(NOW)].map(([term, o]) => [term, o.length])).toEqual([['退款', 1]]);
  });

  it('takes the baseline back only to the history it has seen, and at most the lookback', () => {
    const activity = new TermActivity();
    expect(activity.baselineWindowCount(NOW)).toBe(0);
    activity.observe(observation(ago(5 * HOUR), ['a']));
    expect(activity.baselineWindowCount(NOW)).toBe(3); // 05:00..08:00 (the 04:30 hour is partial)
    activity.observe(observation(ago(30 * 24 * HOUR), ['a']));
    expect(activity.baselineWindowCount(NOW)).toBe(168);
  });

  it('ignores a complaint seen before, and a term twice in one complaint counts once', () => {
    const activity = new TermActivity();
    const once = observation(ago(MINUTE), ['名字', '名字']);
    activity.observe(once);
    activity.observe(once);
    expect([...activity.windowTerms(NOW)]).toEqual([
      ['名字', [{ complaintId: once.complaintId, reference: once.reference, at: ago(MINUTE).getTime() }]],
    ]);
  });

  it('forgets occurrences that left the window and history past the lookback', () => {
    const activity = new TermActivity();
    activity.observe(observation(ago(8 * 24 * HOUR), ['old']));
    activity.observe(observation(ago(30 * MINUTE), ['recent']));
    expect(activity.size).toEqual({ terms: 2, complaints: 2 });
    activity.prune(NOW);
    expect(activity.size).toEqual({ terms: 1, complaints: 1 });
    const later = new Date(NOW.getTime() + 2 * HOUR); // window 10:30-11:30, baseline ends 10:00
    activity.prune(later);
    expect([...activity.windowTerms(later)]).toEqual([]);
    expect(activity.baselineCounts('recent', later)[0]).toBe(1); // 09:00-10:00
    expect(activity.size).toEqual({ terms: 1, complaints: 1 });
  });

  it('refuses windows that are not whole buckets', () => {
    expect(() => new TermActivity({ windowMs: 90 * MINUTE })).toThrow(RangeError);
    expect(() => new TermActivity({ bucketMs: 0 })).toThrow(RangeError);
  });
});

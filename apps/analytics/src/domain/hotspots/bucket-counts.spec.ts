import { BucketCounts } from './bucket-counts';

/** The same counts kept naively, to compare against. */
function naive(increments: number[], oldest: number, span: number): Map<number, number> {
  const counts = new Map<number, number>();
  let newest = -Infinity;
  for (const b of increments) {
    newest = Math.max(newest, b);
    counts.set(b, (counts.get(b) ?? 0) + 1);
  }
  for (const b of [...counts.keys()]) if (b < oldest || b <= newest - span) counts.delete(b);
  return counts;
}

describe('BucketCounts', () => {
  it('counts a few buckets as pairs, in any arrival order', () => {
    const counts = new BucketCounts(170);
    for (const b of [100, 102, 100, 101, 99]) counts.increment(b);
    expect([99, 100, 101, 102, 103].map((b) => counts.count(b))).toEqual([1, 2, 1, 1, 0]);
    counts.prune(101);
    expect([100, 101, 102].map((b) => counts.count(b))).toEqual([0, 1, 1]);
    counts.prune(200);
    expect(counts.isEmpty).toBe(true);
  });

  it('agrees with a naive count once busy enough to go dense, keeping only the last span of buckets', () => {
    const span = 170;
    const counts = new BucketCounts(span);
    const increments: number[] = [];
    for (let b = 1000; b < 1300; b++) {
      for (let k = 0; k < (b % 7) + 1; k++) increments.push(b);
      if (b % 10 === 0) increments.push(b - 3); // a little late
    }
    increments.forEach((b) => counts.increment(b));
    const expected = naive(increments, 0, span);
    for (let b = 1000; b < 1310; b++) expect(counts.count(b)).toBe(expected.get(b) ?? 0);
    counts.prune(1250);
    const pruned = naive(increments, 1250, span);
    for (let b = 1100; b < 1310; b++) expect(counts.count(b)).toBe(pruned.get(b) ?? 0);
    expect(counts.isEmpty).toBe(false);
    counts.prune(1400);
    expect(counts.isEmpty).toBe(true);
  });
});

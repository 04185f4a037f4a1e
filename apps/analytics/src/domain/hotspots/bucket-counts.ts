/** Past this many buckets with a count, a term's counts move from pairs to a dense array. */
const SPARSE_LIMIT = 24;
const MAX_COUNT = 0xffff;

/**
 * One term's distinct-complaint counts per bucket index, compact because there are many terms and
 * most are rare: a short list of (bucket, count) pairs while few buckets have a count, then a
 * Uint16Array over the last `span` buckets (2 bytes a bucket). Buckets older than the span are dropped.
 */
export class BucketCounts {
  private pairs: number[] | null = [];
  private dense: Uint16Array | null = null;
  private origin = 0;
  private total = 0;

  constructor(private readonly span: number) {}

  get isEmpty(): boolean {
    return this.total === 0;
  }

  increment(bucket: number): void {
    if (this.pairs) {
      const i = this.pairIndex(bucket);
      if (i < this.pairs.length && this.pairs[i] === bucket) this.pairs[i + 1] = Math.min(this.pairs[i + 1] + 1, MAX_COUNT);
      else this.pairs.splice(i, 0, bucket, 1);
      this.total++;
      if (this.pairs.length > 2 * SPARSE_LIMIT) this.toDense();
      return;
    }
    if (bucket >= this.origin + this.span) this.moveOrigin(bucket - this.span + 1);
    if (bucket < this.origin) return;
    const slot = bucket - this.origin;
    if (this.dense![slot] < MAX_COUNT) {
      this.dense![slot]++;
      this.total++;
    }
  }

  count(bucket: number): number {
    if (this.pairs) {
      const i = this.pairIndex(bucket);
      return this.pairs[i] === bucket ? this.pairs[i + 1] : 0;
    }
    return bucket >= this.origin && bucket < this.origin + this.span ? this.dense![bucket - this.origin] : 0;
  }

  /** Drops every bucket before `oldest`. */
  prune(oldest: number): void {
    if (this.pairs) {
      const i = this.pairIndex(oldest);
      for (let j = 1; j < i; j += 2) this.total -= this.pairs[j];
      this.pairs.splice(0, i);
      return;
    }
    if (oldest > this.origin) this.moveOrigin(oldest);
  }

  /** Index in `pairs` of the first pair whose bucket is >= `bucket` (pairs are in bucket order). */
  private pairIndex(bucket: number): number {
    const pairs = this.pairs!;
    let i = pairs.length;
    while (i > 0 && pairs[i - 2] >= bucket) i -= 2; // new buckets come last: scan from the end
    return i;
  }

  private toDense(): void {
    const pairs = this.pairs!;
    const newest = pairs[pairs.length - 2];
    this.origin = newest - this.span + 1;
    this.dense = new Uint16Array(this.span);
    this.total = 0;
    for (let i = 0; i < pairs.length; i += 2) {
      if (pairs[i] >= this.origin) {
        this.dense[pairs[i] - this.origin] = pairs[i + 1];
        this.total += pairs[i + 1];
      }
    }
    this.pairs = null;
  }

  private moveOrigin(origin: number): void {
    const dense = this.dense!;
    const shift = Math.min(origin - this.origin, this.span);
    for (let s = 0; s < shift; s++) this.total -= dense[s];
    dense.copyWithin(0, shift);
    dense.fill(0, this.span - shift);
    this.origin = origin;
  }
}

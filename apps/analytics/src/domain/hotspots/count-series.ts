import type { SpikeDimension } from './hotspot-alert';

/** One subject's complaint counts per time bucket: the input of spike detection. */
export interface CountSeries {
  dimension: SpikeDimension;
  subject: string;
  /** Start of the first bucket. */
  start: Date;
  /** Bucket length in milliseconds (e.g. one hour). */
  bucketMs: number;
  /**
   * Complaints received per bucket, oldest first, empty buckets as 0. The last buckets are the
   * current window; the ones before are the baseline.
   */
  counts: number[];
}

/** The port the analytics read model implements for spike detection. */
export interface CountSeriesSource {
  /**
   * The counts of every subject of `dimension` that had at least one complaint in [from, until), in
   * buckets of `bucketMs` aligned on `from`. Zero-filled, but a series starts no earlier than the read
   * model's own history: before that a count is unknown, not zero (the detector then waits until
   * enough baseline has been seen).
   */
  countSeries(dimension: SpikeDimension, from: Date, until: Date, bucketMs: number): Promise<CountSeries[]>;
}

import type { CountSeries } from '../../domain/hotspots/count-series';
import type { SpikeDimension } from '../../domain/hotspots/hotspot-alert';
import { SpikeSeriesSource } from '../hotspots/spike-series-source';

/** A complaint as spike detection counts it: its subject under each dimension. */
export interface CountedComplaint {
  reference: string;
  receivedAt: Date;
  subjects: Partial<Record<SpikeDimension, string>>;
}

/** The read model's counts computed from complaints in memory; a series starts no earlier than the first complaint held. */
export class InMemorySpikeSeriesSource extends SpikeSeriesSource {
  readonly complaints: CountedComplaint[] = [];

  async countSeries(dimension: SpikeDimension, from: Date, until: Date, bucketMs: number): Promise<CountSeries[]> {
    await Promise.resolve();
    if (this.complaints.length === 0) return [];
    const historyStart = Math.min(...this.complaints.map((c) => c.receivedAt.getTime()));
    const start = Math.max(from.getTime(), from.getTime() + Math.ceil((historyStart - from.getTime()) / bucketMs) * bucketMs);
    const buckets = Math.max(0, Math.ceil((until.getTime() - start) / bucketMs));
    const series = new Map<string, number[]>();
    for (const c of this.complaints) {
      const subject = c.subjects[dimension];
      const at = c.receivedAt.getTime();
      if (subject === undefined || at < start || at >= until.getTime()) continue;
      const counts = series.get(subject) ?? new Array<number>(buckets).fill(0);
      counts[Math.floor((at - start) / bucketMs)]++;
      series.set(subject, counts);
    }
    return [...series].map(([subject, counts]) => ({ dimension, subject, start: new Date(start), bucketMs, counts }));
  }

  async sampleReferences(dimension: SpikeDimension, subject: string, since: Date, until: Date, limit: number): Promise<string[]> {
    await Promise.resolve();
    return this.complaints
      .filter((c) => c.subjects[dimension] === subject && c.receivedAt >= since && c.receivedAt < until)
      .sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime())
      .slice(0, limit)
      .map((c) => c.reference);
  }
}

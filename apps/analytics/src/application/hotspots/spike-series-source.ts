import type { CountSeries, CountSeriesSource } from '../../domain/hotspots/count-series';
import type { SpikeDimension } from '../../domain/hotspots/hotspot-alert';

/** The read model's counts per subject and bucket (the domain's CountSeriesSource), plus a spike's sample references. */
export abstract class SpikeSeriesSource implements CountSeriesSource {
  abstract countSeries(dimension: SpikeDimension, from: Date, until: Date, bucketMs: number): Promise<CountSeries[]>;

  /** References of the latest `limit` complaints of a subject received in [since, until), most recent first. */
  abstract sampleReferences(dimension: SpikeDimension, subject: string, since: Date, until: Date, limit: number): Promise<string[]>;
}

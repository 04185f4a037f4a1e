import { randomUUID } from 'node:crypto';
import {
  AlertDeduplicator,
  DeduplicationSettings,
  DEFAULT_DEDUPLICATION_SETTINGS,
  RaisedAlert,
} from '../../domain/hotspots/alert-deduplicator';
import { detectEmergingTerms, EmergingTermSettings } from '../../domain/hotspots/emerging-term-detector';
import type { HotspotAlert, SpikeDimension } from '../../domain/hotspots/hotspot-alert';
import { detectSpikes, DEFAULT_SPIKE_SETTINGS, SpikeSettings } from '../../domain/hotspots/spike-detector';
import { DEFAULT_TERM_ACTIVITY_SETTINGS, TermActivity, TermActivitySettings } from '../../domain/hotspots/term-activity';
import { Clock } from '../clock';
import { AlertRelay } from './alert-relay';
import { AlertStore, StoredAlert } from './alert-store';
import { ComplaintTermStore } from './complaint-term-store';
import { SpikeSeriesSource } from './spike-series-source';

export const SPIKE_DIMENSIONS: readonly SpikeDimension[] = ['product-reason', 'department', 'channel', 'branch'];

export interface HotspotSettings {
  terms: Partial<TermActivitySettings>;
  emerging: Partial<EmergingTermSettings>;
  /** `bucketMs` is the spike bucket: spikes are evaluated as each one closes. */
  spikes: Partial<SpikeSettings> & { bucketMs: number };
  deduplication: Partial<DeduplicationSettings>;
  /** Sample references per spike alert. */
  sampleSize: number;
}

const REPLAY_PAGE = 2_000;

/**
 * Runs hot-spot detection: the in-memory term state (replayed from the term store at start, fed from
 * it on each tick), emerging terms on every tick, spikes over the four dimensions when a spike bucket
 * closes, one deduplication for both (its hot subjects stored, so several instances share it), and
 * the raised alerts stored (the outbox) then published. Evaluations run one at a time.
 */
export class DetectHotspotsUseCase {
  private activity: TermActivity | null = null;
  private cursor: Date | null = null;
  private lastSpikeBoundary: number | null = null;
  private lastPurgeBucket = -Infinity;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly termSettings: TermActivitySettings;

  constructor(
    private readonly terms: ComplaintTermStore,
    private readonly series: SpikeSeriesSource,
    private readonly alerts: AlertStore,
    private readonly relay: AlertRelay,
    private readonly clock: Clock,
    private readonly settings: HotspotSettings,
  ) {
    this.termSettings = { ...DEFAULT_TERM_ACTIVITY_SETTINGS, ...settings.terms };
  }

  /** Replays the complaints of the lookback into a fresh term state and publishes what is pending. */
  start(): Promise<void> {
    return this.exclusive(async () => {
      await this.replay(this.clock.now());
      await this.relay.publishPending();
    });
  }

  /** One scheduled pass at the clock's time: emerging terms, and spikes if a spike bucket closed since the last pass. */
  tick(): Promise<RaisedAlert[]> {
    return this.exclusive(async () => {
      const now = this.clock.now();
      const raised = await this.evaluateTermsAt(now);
      const boundary = Math.floor(now.getTime() / this.settings.spikes.bucketMs) * this.settings.spikes.bucketMs;
      if (this.lastSpikeBoundary === null || boundary > this.lastSpikeBoundary) {
        raised.push(...(await this.evaluateSpikesAt(new Date(boundary), now)));
        this.lastSpikeBoundary = boundary;
      }
      // Whatever a Kafka outage left pending goes out now, even when nothing new was raised.
      if (raised.length === 0) await this.relay.publishPending();
      return raised;
    });
  }

  /** Emerging terms at the clock's time. */
  evaluateTerms(): Promise<RaisedAlert[]> {
    return this.exclusive(() => this.evaluateTermsAt(this.clock.now()));
  }

  /** Spikes of the buckets ending at `until` (a bucket boundary). */
  evaluateSpikes(until: Date): Promise<RaisedAlert[]> {
    return this.exclusive(() => this.evaluateSpikesAt(until, this.clock.now()));
  }

  /** Resolves once no evaluation runs (shutdown). */
  async idle(): Promise<void> {
    await this.queue.catch(() => undefined);
  }

  private async evaluateTermsAt(now: Date): Promise<RaisedAlert[]> {
    const activity = this.activity ?? (await this.replay(now));
    const page = await this.terms.recordedSince(this.cursor, this.horizon(now));
    for (const observation of page.observations) activity.observe(observation);
    this.cursor = page.cursor ?? this.cursor;
    await this.purge(now);
    return this.raise(detectEmergingTerms(activity, now, this.settings.emerging), now);
  }

  private async evaluateSpikesAt(until: Date, now: Date): Promise<RaisedAlert[]> {
    const { bucketMs, ...spikeSettings } = this.settings.spikes;
    const { windowBuckets, baselineWindows } = { ...DEFAULT_SPIKE_SETTINGS, ...spikeSettings };
    const from = new Date(until.getTime() - (baselineWindows + 1) * windowBuckets * bucketMs);
    const series = (await Promise.all(SPIKE_DIMENSIONS.map((d) => this.series.countSeries(d, from, until, bucketMs)))).flat();
    return this.raise(detectSpikes(series, spikeSettings), now);
  }

  /**
   * Deduplicates against the stored hot subjects, stores what is raised (unpublished) with them, and
   * publishes. The store admits one evaluation at a time, so instances running side by side (or a
   * restart) never raise one subject twice.
   */
  private async raise(detected: HotspotAlert[], now: Date): Promise<RaisedAlert[]> {
    if (detected.length === 0) return [];
    const settings = this.settings.deduplication;
    const coolDownMs = settings.coolDownMs ?? DEFAULT_DEDUPLICATION_SETTINGS.coolDownMs;
    const stored = await this.alerts.admit(now, coolDownMs, async (hot) => {
      const deduplicator = AlertDeduplicator.restore(settings, hot);
      const raised = deduplicator.admit(detected, now);
      const alerts: StoredAlert[] = [];
      for (const alert of raised) {
        const samples =
          alert.kind === 'term'
            ? alert.samples
            : await this.series.sampleReferences(alert.dimension, alert.subject, alert.since, alert.until, this.settings.sampleSize);
        alerts.push({ ...alert, samples, alertId: randomUUID(), raisedAt: now });
      }
      return { alerts, hot: deduplicator.snapshot() };
    });
    if (stored.length > 0) await this.relay.publishPending();
    return stored;
  }

  /** A fresh term state from the complaints received since the horizon, in order of receipt. */
  private async replay(now: Date): Promise<TermActivity> {
    const horizon = this.horizon(now);
    this.cursor = await this.terms.latestRecordedAt();
    const earliest = await this.terms.earliestReceivedAt();
    const historyStart = earliest ? new Date(Math.max(earliest.getTime(), horizon.getTime())) : undefined;
    const activity = new TermActivity(this.termSettings, historyStart);
    let after: { receivedAt: Date; complaintId: string } | null = null;
    for (;;) {
      const page = await this.terms.receivedSince(horizon, after, REPLAY_PAGE);
      for (const observation of page) activity.observe(observation);
      if (page.length < REPLAY_PAGE) break;
      const last = page[page.length - 1];
      after = { receivedAt: last.receivedAt, complaintId: last.complaintId };
    }
    return (this.activity = activity);
  }

  /** Complaints received before this no longer matter: the window, the lookback and one bucket. */
  private horizon(now: Date): Date {
    const { windowMs, lookbackMs, bucketMs } = this.termSettings;
    return new Date(now.getTime() - windowMs - lookbackMs - bucketMs);
  }

  /** Once per term bucket, forgets the stored terms of complaints older than the horizon. */
  private async purge(now: Date): Promise<void> {
    const bucket = Math.floor(now.getTime() / this.termSettings.bucketMs);
    if (bucket <= this.lastPurgeBucket) return;
    this.lastPurgeBucket = bucket;
    await this.terms.purgeReceivedBefore(this.horizon(now));
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.catch(() => undefined).then(work);
    this.queue = run;
    return run;
  }
}

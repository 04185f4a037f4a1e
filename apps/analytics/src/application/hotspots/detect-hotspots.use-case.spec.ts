import type { TermObservation } from '../../domain/hotspots/term-activity';
import { FixedClock } from '../in-memory/fixed-clock';
import { InMemoryAlertRelay } from '../in-memory/in-memory-alert.relay';
import { InMemoryAlertStore } from '../in-memory/in-memory-alert.store';
import { InMemoryComplaintTermStore } from '../in-memory/in-memory-complaint-term.store';
import { InMemorySpikeSeriesSource } from '../in-memory/in-memory-spike-series.source';
import { DetectHotspotsUseCase, HotspotSettings } from './detect-hotspots.use-case';

const HOUR = 3_600_000;
/** 10:30 on a day: the 10:00 bucket is the current one. */
const NOW = new Date('2026-12-01T10:30:00.000Z');
const hoursBefore = (hours: number) => new Date(NOW.getTime() - hours * HOUR);

const SETTINGS: HotspotSettings = {
  terms: { windowMs: HOUR, bucketMs: HOUR, lookbackMs: 24 * HOUR },
  emerging: { minComplaints: 4, minRatio: 3, alpha: 0.01, minBaselineWindows: 6, sampleSize: 3 },
  spikes: { bucketMs: HOUR, windowBuckets: 1, baselineWindows: 24, minBaselineWindows: 6, minObserved: 4, minRatio: 2, alpha: 0.01 },
  deduplication: { coolDownMs: 2 * HOUR, growthFactor: 2 },
  sampleSize: 2,
};

let sequence = 0;
const complaint = (receivedAt: Date, terms: string[]): TermObservation => {
  sequence += 1;
  return { complaintId: `c-${String(sequence).padStart(5, '0')}`, reference: `REF-${sequence}`, receivedAt, terms };
};

/** A day of ordinary complaints, one an hour, none about `term`. */
const quietDay = () => Array.from({ length: 24 }, (_, h) => complaint(hoursBefore(24 - h), ['年费', '客服']));
/** `count` complaints in the last half hour naming `term`. */
const burst = (term: string, count: number, endingAt = NOW) =>
  Array.from({ length: count }, (_, i) => complaint(new Date(endingAt.getTime() - (count - i) * 60_000), [term]));

function setUp() {
  const clock = new FixedClock(NOW);
  const terms = new InMemoryComplaintTermStore(() => clock.now());
  const series = new InMemorySpikeSeriesSource();
  const alerts = new InMemoryAlertStore();
  const relay = new InMemoryAlertRelay(alerts, () => clock.now());
  const detector = () => new DetectHotspotsUseCase(terms, series, alerts, relay, clock, SETTINGS);
  return { clock, terms, series, alerts, relay, detector };
}

describe('DetectHotspotsUseCase', () => {
  it('raises a term suddenly in many complaints, stores it with the latest references and publishes it', async () => {
    const { terms, alerts, relay, detector } = setUp();
    const spike = burst('鑫盛宝', 6);
    await terms.record([...quietDay(), ...spike]);
    const hotspots = detector();
    await hotspots.start();

    const raised = await hotspots.tick();

    expect(raised.map((a) => [a.kind, a.subject, a.observed, a.raise])).toEqual([['term', '鑫盛宝', 6, 'new']]);
    expect(alerts.alerts).toHaveLength(1);
    expect(alerts.alerts[0].samples).toEqual(
      spike
        .slice(-3)
        .reverse()
        .map((c) => c.reference),
    );
    expect(relay.published.map((a) => a.alertId)).toEqual([alerts.alerts[0].alertId]);
    expect(alerts.alerts[0].publishedAt).toEqual(NOW);
  });

  it('raises nothing before it has seen enough history to judge a term', async () => {
    const { terms, relay, detector } = setUp();
    await terms.record(burst('鑫盛宝', 6));
    const hotspots = detector();
    await hotspots.start();
    expect(await hotspots.tick()).toEqual([]);
    expect(relay.published).toEqual([]);
  });

  it('does not raise a hot subject again while it stays hot, nor does a second instance sharing the store', async () => {
    const { clock, terms, alerts, detector } = setUp();
    await terms.record([...quietDay(), ...burst('鑫盛宝', 6)]);
    const first = detector();
    await first.start();
    await first.tick();

    clock.set(new Date(NOW.getTime() + 5 * 60_000));
    const second = detector();
    await second.start();

    expect(await first.tick()).toEqual([]);
    expect(await second.tick()).toEqual([]);
    expect(alerts.alerts).toHaveLength(1);
  });

  it('raises a hot subject again once it has grown to twice the count last raised', async () => {
    const { clock, terms, detector } = setUp();
    await terms.record([...quietDay(), ...burst('鑫盛宝', 5)]);
    const hotspots = detector();
    await hotspots.start();
    await hotspots.tick();

    clock.set(new Date(NOW.getTime() + 20 * 60_000));
    await terms.record(burst('鑫盛宝', 6, clock.now()));

    expect((await hotspots.tick()).map((a) => [a.subject, a.observed, a.raise])).toEqual([['鑫盛宝', 11, 'grown']]);
  });

  it('picks up the complaints recorded after it started on the next tick', async () => {
    const { clock, terms, detector } = setUp();
    await terms.record(quietDay());
    const hotspots = detector();
    await hotspots.start();
    expect(await hotspots.tick()).toEqual([]);

    clock.set(new Date(NOW.getTime() + 60_000));
    await terms.record(burst('鑫盛宝', 6, clock.now()));

    expect((await hotspots.tick()).map((a) => a.subject)).toEqual(['鑫盛宝']);
  });

  it('raises a department spike when its bucket closes, with the latest sample references', async () => {
    const { series, alerts, detector } = setUp();
    // One FRAUD complaint an hour for a day, then eight in the hour that just closed (09:00-10:00).
    for (let h = 25; h >= 2; h--)
      series.complaints.push({ reference: `q-${h}`, receivedAt: hoursBefore(h), subjects: { department: 'FRAUD' } });
    for (let i = 0; i < 8; i++)
      series.complaints.push({
        reference: `s-${i}`,
        receivedAt: new Date(hoursBefore(1.5).getTime() + i * 60_000),
        subjects: { department: 'FRAUD' },
      });
    const hotspots = detector();
    await hotspots.start();

    const raised = await hotspots.tick();

    expect(raised.map((a) => [a.kind, a.kind === 'spike' ? a.dimension : null, a.subject, a.observed])).toEqual([
      ['spike', 'department', 'FRAUD', 8],
    ]);
    expect(alerts.alerts[0].samples).toEqual(['s-7', 's-6']);
    expect(alerts.alerts[0].until).toEqual(new Date('2026-12-01T10:00:00.000Z'));
  });

  it('keeps an alert it could not publish and publishes it on the next tick, even when nothing new is raised', async () => {
    const { clock, terms, alerts, relay, detector } = setUp();
    await terms.record([...quietDay(), ...burst('鑫盛宝', 6)]);
    const hotspots = detector();
    await hotspots.start();
    relay.unavailable = new Error('broker down');

    await expect(hotspots.tick()).rejects.toThrow('broker down');
    expect(alerts.alerts.map((a) => a.publishedAt)).toEqual([null]);

    relay.unavailable = null;
    clock.set(new Date(NOW.getTime() + 60_000));
    expect(await hotspots.tick()).toEqual([]);
    expect(relay.published.map((a) => a.subject)).toEqual(['鑫盛宝']);
  });

  it('forgets the stored terms of complaints older than the lookback', async () => {
    const { terms, detector } = setUp();
    const old = complaint(hoursBefore(30), ['年费']);
    const recent = complaint(hoursBefore(3), ['年费']);
    await terms.record([old, recent]);
    const hotspots = detector();
    await hotspots.start();

    await hotspots.tick();

    expect(terms.complaintIds()).toEqual([recent.complaintId]);
  });
});

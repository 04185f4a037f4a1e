import { DEFAULT_SCORECARD_TARGETS } from '../../domain/scorecard/scorecard-targets';
import { parseSendTime } from '../../domain/bulletin/bulletin-schedule';
import { FixedClock } from '../in-memory/fixed-clock';
import { InMemoryAlertStore } from '../in-memory/in-memory-alert.store';
import { InMemoryAnalyticsReadModel } from '../in-memory/in-memory-analytics-read-model';
import { InMemoryBulletinRelay, InMemoryBulletinStore, InMemoryClosedCaseSource } from '../in-memory/in-memory-bulletin.store';
import { ScorecardQuery } from '../scorecard/scorecard.query';
import { ComposeBulletinQuery } from './compose-bulletin.query';
import { PublishDueBulletinUseCase } from './publish-due-bulletin.use-case';

/** Monday 2026-11-30 09:00 in Shanghai is 01:00 UTC: the send time of week 48 (Nov 23-29). */
const SEND_AT = new Date('2026-11-30T01:00:00.000Z');

function setUp(now: Date) {
  const clock = new FixedClock(now);
  const readModel = new InMemoryAnalyticsReadModel();
  const store = new InMemoryBulletinStore();
  const relay = new InMemoryBulletinRelay(store, () => clock.now());
  const closed = new InMemoryClosedCaseSource();
  const compose = new ComposeBulletinQuery(
    new ScorecardQuery(readModel, clock, DEFAULT_SCORECARD_TARGETS),
    new InMemoryAlertStore(),
    closed,
  );
  const publisher = () => new PublishDueBulletinUseCase(store, relay, compose, clock, parseSendTime('Mon 09:00'));
  return { clock, readModel, store, relay, closed, publisher };
}

describe('PublishDueBulletinUseCase', () => {
  it("composes the last complete week's bulletin once the send time has passed, stores and publishes it", async () => {
    const { readModel, store, relay, closed, publisher } = setUp(SEND_AT);
    readModel.rows.push(
      { day: '2026-11-24', keys: { department: 'CARD_CENTER' }, counters: { volume: 3, cases: 3 } },
      { day: '2026-11-17', keys: { department: 'CARD_CENTER' }, counters: { volume: 1, cases: 1 } },
    );
    closed.closed.push({ at: new Date('2026-11-25T03:00:00.000Z'), rootCause: 'FEES', correctiveAction: 'REFUND_COMPENSATION' });

    expect(await publisher().tick()).toEqual({ week: '2026-W48', composed: true, published: 1 });

    const { bulletin } = (await store.get('2026-W48'))!;
    expect(bulletin).toMatchObject({ week: '2026-W48', from: '2026-11-23', to: '2026-11-29' });
    expect(bulletin.scorecard.total.volume).toMatchObject({ value: 3, previous: 1 });
    expect(bulletin.improvements.closedCases).toBe(1);
    expect(relay.published.map((b) => b.bulletin.week)).toEqual(['2026-W48']);
  });

  it('before the send time, the week before is the one due', async () => {
    const { publisher } = setUp(new Date(SEND_AT.getTime() - 60_000));
    expect((await publisher().tick()).week).toBe('2026-W47');
  });

  it('composes a week once, whichever instance comes first, and publishes it once', async () => {
    const { clock, store, relay, publisher } = setUp(SEND_AT);
    await publisher().tick();
    clock.set(new Date(SEND_AT.getTime() + 3_600_000));

    expect(await publisher().tick()).toEqual({ week: '2026-W48', composed: false, published: 0 });
    expect(store.bulletins.size).toBe(1);
    expect(relay.published).toHaveLength(1);
  });

  it('does not compose a stored week again: a later tick publishes even while the read model does not answer', async () => {
    const { clock, readModel, relay, publisher } = setUp(SEND_AT);
    relay.unavailable = new Error('broker down');
    await expect(publisher().tick()).rejects.toThrow('broker down');
    relay.unavailable = null;
    readModel.unavailable = new Error('read model down');
    clock.set(new Date(SEND_AT.getTime() + 60_000));

    expect(await publisher().tick()).toEqual({ week: '2026-W48', composed: false, published: 1 });
  });

  it('runs one pass at a time in a process: a tick during a tick gets the same outcome', async () => {
    const { store, publisher } = setUp(SEND_AT);
    const bulletins = publisher();
    const [a, b] = await Promise.all([bulletins.tick(), bulletins.tick()]);
    expect(a).toEqual(b);
    expect(store.bulletins.size).toBe(1);
  });

  it('keeps a bulletin Kafka did not take and publishes it on a later tick', async () => {
    const { clock, store, relay, publisher } = setUp(SEND_AT);
    relay.unavailable = new Error('broker down');
    await expect(publisher().tick()).rejects.toThrow('broker down');
    expect((await store.get('2026-W48'))?.publishedAt).toBeNull();

    relay.unavailable = null;
    clock.set(new Date(SEND_AT.getTime() + 60_000));
    expect(await publisher().tick()).toEqual({ week: '2026-W48', composed: false, published: 1 });
  });
});

import type { ClosedCaseCategories } from '../../domain/bulletin/bulletin';
import { BulletinRelay, BulletinStore, ClosedCaseSource, StoredBulletin } from '../bulletin/bulletin-store';

/** The bulletins in memory, one per week (the week is the key). */
export class InMemoryBulletinStore extends BulletinStore {
  readonly bulletins = new Map<string, StoredBulletin>();

  async has(week: string): Promise<boolean> {
    await Promise.resolve();
    return this.bulletins.has(week);
  }

  async saveOnce(bulletin: StoredBulletin): Promise<boolean> {
    await Promise.resolve();
    if (this.bulletins.has(bulletin.bulletin.week)) return false;
    this.bulletins.set(bulletin.bulletin.week, structuredClone(bulletin));
    return true;
  }

  async get(week: string): Promise<StoredBulletin | null> {
    await Promise.resolve();
    return structuredClone(this.bulletins.get(week) ?? null);
  }

  async latest(): Promise<StoredBulletin | null> {
    await Promise.resolve();
    const weeks = [...this.bulletins.keys()].sort();
    return structuredClone(this.bulletins.get(weeks[weeks.length - 1]) ?? null);
  }
}

/** Publishes the stored bulletins not yet published; `unavailable` fails as a Kafka outage would. */
export class InMemoryBulletinRelay extends BulletinRelay {
  readonly published: StoredBulletin[] = [];
  unavailable: Error | null = null;

  constructor(
    private readonly store: InMemoryBulletinStore,
    private readonly now: () => Date,
  ) {
    super();
  }

  async publishPending(): Promise<number> {
    await Promise.resolve();
    if (this.unavailable) throw this.unavailable;
    const pending = [...this.store.bulletins.values()].filter((b) => b.publishedAt === null);
    for (const b of pending) b.publishedAt = this.now();
    this.published.push(...structuredClone(pending));
    return pending.length;
  }
}

/** The closed cases' categories in memory, per close time. */
export class InMemoryClosedCaseSource extends ClosedCaseSource {
  readonly closed: { at: Date; rootCause: string; correctiveAction: string }[] = [];

  async categories(from: Date, to: Date): Promise<ClosedCaseCategories> {
    await Promise.resolve();
    const inRange = this.closed.filter((c) => c.at >= from && c.at < to);
    const tally = (pick: (c: (typeof inRange)[number]) => string) =>
      inRange.reduce<Record<string, number>>((acc, c) => ({ ...acc, [pick(c)]: (acc[pick(c)] ?? 0) + 1 }), {});
    return { closedCases: inRange.length, rootCauses: tally((c) => c.rootCause), correctiveActions: tally((c) => c.correctiveAction) };
  }
}

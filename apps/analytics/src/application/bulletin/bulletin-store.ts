import type { Bulletin, ClosedCaseCategories } from '../../domain/bulletin/bulletin';

/** A composed bulletin: its id is the eventId of its `analytics.bulletins.v1` event. */
export interface StoredBulletin {
  bulletinId: string;
  composedAt: Date;
  publishedAt: Date | null;
  bulletin: Bulletin;
}

/** The composed bulletins, one per week (the week is the key), and the outbox of `analytics.bulletins.v1`. */
export abstract class BulletinStore {
  abstract has(week: string): Promise<boolean>;

  /** Stores the week's bulletin unless that week has one already; true when stored. */
  abstract saveOnce(bulletin: StoredBulletin): Promise<boolean>;

  /** The bulletin of a week (YYYY-Www). */
  abstract get(week: string): Promise<StoredBulletin | null>;

  /** The most recent week's bulletin. */
  abstract latest(): Promise<StoredBulletin | null>;
}

/** Port: publishes the stored bulletins Kafka has not acknowledged yet; returns how many went out. */
export abstract class BulletinRelay {
  abstract publishPending(): Promise<number>;
}

/** Port: the root-cause and corrective-action categories of the cases closed in [from, to). */
export abstract class ClosedCaseSource {
  abstract categories(from: Date, to: Date): Promise<ClosedCaseCategories>;
}

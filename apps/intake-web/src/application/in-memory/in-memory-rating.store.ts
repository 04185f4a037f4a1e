import { RatingStore } from '../rate-complaint/rating.store';

/**
 * One rating per reference in memory: ratings of one reference are taken one at a time (as the row
 * lock serialises them), the reference is kept only once its answer was published.
 */
export class InMemoryRatingStore extends RatingStore {
  readonly rated = new Map<string, Date>();
  private readonly queues = new Map<string, Promise<unknown>>();

  recordOnce(reference: string, at: Date, publish: () => Promise<void>): Promise<'recorded' | 'already-rated'> {
    const turn = (this.queues.get(reference) ?? Promise.resolve()).then(async () => {
      if (this.rated.has(reference)) return 'already-rated' as const;
      await publish();
      this.rated.set(reference, at);
      return 'recorded' as const;
    });
    this.queues.set(
      reference,
      turn.catch(() => undefined),
    );
    return turn;
  }
}

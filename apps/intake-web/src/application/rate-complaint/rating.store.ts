/** Port: the one satisfaction answer each web complaint may get. */
export abstract class RatingStore {
  /**
   * Keeps `reference` as rated and runs `publish` in one unit: a second rating (even a concurrent one)
   * is `already-rated` and publishes nothing; a failed publish keeps nothing, so the customer may retry.
   */
  abstract recordOnce(reference: string, at: Date, publish: () => Promise<void>): Promise<'recorded' | 'already-rated'>;
}

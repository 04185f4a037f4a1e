import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RatingStore } from '../../application/rate-complaint/rating.store';

/**
 * One rating per reference by its primary key: the row is inserted and the answer published in one
 * transaction, so a concurrent second rating waits for the first, then finds it (and a failed publish
 * leaves no row).
 */
@Injectable()
export class PgRatingStore extends RatingStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  recordOnce(reference: string, at: Date, publish: () => Promise<void>): Promise<'recorded' | 'already-rated'> {
    return this.db.transaction(async (tx) => {
      const inserted: unknown[] = await tx.query(
        'INSERT INTO intake_web.ratings (reference, rated_at) VALUES ($1, $2) ON CONFLICT (reference) DO NOTHING RETURNING reference',
        [reference, at],
      );
      if (inserted.length === 0) return 'already-rated';
      await publish();
      return 'recorded';
    });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CustomerResponseV1 } from '@complaints/contracts';
import { guarded, IdempotentTable, storeUnavailable } from '@complaints/intake';
import { rows } from '@complaints/persistence';
import { RatingRecord, RatingStore } from '../../application/rate-complaint/rating.store';
import { RatingEntity } from './rating.entity';

@Injectable()
export class TypeOrmRatingStore extends RatingStore {
  private readonly table: IdempotentTable<RatingEntity, RatingRecord, 'reserved' | 'key-taken' | 'reference-taken'>;

  constructor(@InjectRepository(RatingEntity) private readonly ratings: Repository<RatingEntity>) {
    super();
    this.table = new IdempotentTable(ratings, {
      contract: CustomerResponseV1,
      columns: (record) => ({ customerId: record.customerId, idempotencyKey: record.idempotencyKey, complaintId: record.complaintId }),
      fields: (row) => ({ customerId: row.customerId, idempotencyKey: row.idempotencyKey, complaintId: row.complaintId }),
      // The customer's key was used (ratings' primary key), or their complaint was rated already (rated_complaints').
      outcomeOf: (constraint) => (constraint === 'rated_complaints_pkey' ? 'reference-taken' : 'key-taken'),
      failure: storeUnavailable,
    });
  }

  findByKey(customerId: string, idempotencyKey: string): Promise<RatingRecord | null> {
    return this.table.findOne({ customerId, idempotencyKey });
  }

  async findAnswerTo(customerId: string, complaintId: string): Promise<RatingRecord | null> {
    const [answer] = rows<{ idempotency_key: string }>(
      await guarded(
        () =>
          this.ratings.query('SELECT idempotency_key FROM intake_mobile.rated_complaints WHERE customer_id = $1 AND complaint_id = $2', [
            customerId,
            complaintId,
          ]),
        storeUnavailable,
      ),
    );
    return answer ? this.findByKey(customerId, answer.idempotency_key) : null;
  }

  reserve(record: RatingRecord): Promise<'reserved' | 'key-taken' | 'reference-taken'> {
    // The rating and its claim on the complaint in one transaction: of two keys racing, one wins.
    return this.table.reserve(record, (manager) =>
      manager
        .query('INSERT INTO intake_mobile.rated_complaints (customer_id, complaint_id, idempotency_key) VALUES ($1, $2, $3)', [
          record.customerId,
          record.complaintId,
          record.idempotencyKey,
        ])
        .then(() => undefined),
    );
  }

  markAccepted(customerId: string, idempotencyKey: string): Promise<void> {
    return this.table.markAccepted({ customerId, idempotencyKey });
  }
}

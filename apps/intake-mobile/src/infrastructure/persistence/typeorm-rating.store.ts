import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CustomerResponseV1 } from '@complaints/contracts';
import { IdempotentTable, storeUnavailable } from '@complaints/intake';
import { RatingRecord, RatingStore } from '../../application/rate-complaint/rating.store';
import { RatingEntity } from './rating.entity';

@Injectable()
export class TypeOrmRatingStore extends RatingStore {
  private readonly table: IdempotentTable<RatingEntity, RatingRecord, 'reserved' | 'key-taken'>;

  constructor(@InjectRepository(RatingEntity) ratings: Repository<RatingEntity>) {
    super();
    this.table = new IdempotentTable(ratings, {
      contract: CustomerResponseV1,
      columns: (record) => ({ customerId: record.customerId, idempotencyKey: record.idempotencyKey, complaintId: record.complaintId }),
      fields: (row) => ({ customerId: row.customerId, idempotencyKey: row.idempotencyKey, complaintId: row.complaintId }),
      // The only unique constraint is the primary key: the customer and their key.
      outcomeOf: () => 'key-taken',
      failure: storeUnavailable,
    });
  }

  findByKey(customerId: string, idempotencyKey: string): Promise<RatingRecord | null> {
    return this.table.findOne({ customerId, idempotencyKey });
  }

  reserve(record: RatingRecord): Promise<'reserved' | 'key-taken'> {
    return this.table.reserve(record);
  }

  markAccepted(customerId: string, idempotencyKey: string): Promise<void> {
    return this.table.markAccepted({ customerId, idempotencyKey });
  }
}

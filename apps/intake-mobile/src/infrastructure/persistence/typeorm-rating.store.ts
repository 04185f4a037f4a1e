import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CustomerResponseV1, parseContract } from '@complaints/contracts';
import { violatedUniqueConstraint } from '@complaints/persistence';
import { RatingRecord, RatingStore } from '../../application/rate-complaint/rating.store';
import { StoreUnavailableError } from '../../application/submit-complaint/submission.store';
import { RatingEntity } from './rating.entity';


@Injectable()
export class TypeOrmRatingStore extends RatingStore {
  constructor(@InjectRepository(RatingEntity) private readonly ratings: Repository<RatingEntity>) {
    super();
  }

  async findByKey(customerId: string, idempotencyKey: string): Promise<RatingRecord | null> {
    const row = await guard(() => this.ratings.findOneBy({ customerId, idempotencyKey }));
    return row ? toRecord(row) : null;
  }

  async reserve(record: RatingRecord): Promise<'reserved' | 'key-taken'> {
    try {
      await this.ratings.insert({
        customerId: record.customerId,
        idempotencyKey: record.idempotencyKey,
        complaintId: record.complaintId,
        reference: record.reference,
        requestHash: record.requestHash,
        status: record.status,
        event: JSON.parse(JSON.stringify(record.event)) as object,
        receivedAt: record.receivedAt,
        acceptedAt: null,
      });
      return 'reserved';
    } catch (error) {
      if (violatedUniqueConstraint(error) !== null) return 'key-taken';
      throw unavailable(error);
    }
  }

  async markAccepted(customerId: string, idempotencyKey: string): Promise<void> {
    await guard(() => this.ratings.update({ customerId, idempotencyKey, status: 'pending' }, { status: 'accepted', acceptedAt: new Date() }));
  }
}

function toRecord(row: RatingEntity): RatingRecord {
  return {
    customerId: row.customerId,
    idempotencyKey: row.idempotencyKey,
    complaintId: row.complaintId,
    reference: row.reference,
    requestHash: row.requestHash,
    status: row.status,
    event: parseContract(CustomerResponseV1, row.event),
    receivedAt: row.receivedAt,
  };
}

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw unavailable(error);
  }
}

function unavailable(error: unknown): Error {
  return new StoreUnavailableError(error instanceof Error ? error.message : String(error));
}

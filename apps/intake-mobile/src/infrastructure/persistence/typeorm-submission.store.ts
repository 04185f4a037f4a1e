import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Evidence } from '@complaints/contracts';
import { ReserveOutcome, storeUnavailable, SubmissionTable } from '@complaints/intake';
import { SubmissionRecord, SubmissionStore } from '../../application/submit-complaint/submission.store';
import { SubmissionEntity } from './submission.entity';

/** What each of the submissions' unique constraints means when a new submission breaks it. */
const TAKEN = new Map<string, 'reference-taken' | 'key-taken'>([
  ['submissions_reference_uq', 'reference-taken'],
  ['submissions_customer_key_uq', 'key-taken'],
  // The complaint id is derived from the customer and their key.
  ['submissions_pkey', 'key-taken'],
]);

@Injectable()
export class TypeOrmSubmissionStore extends SubmissionStore {
  private readonly table: SubmissionTable<SubmissionEntity, SubmissionRecord>;

  constructor(@InjectRepository(SubmissionEntity) submissions: Repository<SubmissionEntity>) {
    super();
    this.table = new SubmissionTable(submissions, {
      columns: (record) => ({
        complaintId: record.complaintId,
        customerId: record.customerId,
        idempotencyKey: record.idempotencyKey,
        caseStatus: null,
        caseUpdatedAt: null,
      }),
      fields: (row) => ({ complaintId: row.complaintId, customerId: row.customerId, idempotencyKey: row.idempotencyKey }),
      // Another unique constraint (an evidence file's) is a failure of the store.
      outcomeOf: (constraint) => TAKEN.get(constraint) ?? null,
      failure: storeUnavailable,
    });
  }

  findByKey(customerId: string, idempotencyKey: string): Promise<SubmissionRecord | null> {
    return this.table.findOne({ customerId, idempotencyKey });
  }

  reserve(record: SubmissionRecord, evidence: readonly Evidence[]): Promise<ReserveOutcome> {
    return this.table.reserveWithEvidence(record, evidence);
  }

  markAccepted(complaintId: string): Promise<void> {
    return this.table.markAcceptedById(complaintId);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Evidence } from '@complaints/contracts';
import { ReserveOutcome, SubmissionTable, unavailableUnlessRefused } from '@complaints/intake';
import { SubmissionRecord, SubmissionStore } from '../../application/submit-complaint/submission.store';
import { SubmissionEntity } from './submission.entity';

@Injectable()
export class TypeOrmSubmissionStore extends SubmissionStore {
  private readonly table: SubmissionTable<SubmissionEntity, SubmissionRecord>;

  constructor(@InjectRepository(SubmissionEntity) submissions: Repository<SubmissionEntity>) {
    super();
    this.table = new SubmissionTable(submissions, {
      columns: (record) => ({ complaintId: record.complaintId, idempotencyKey: record.idempotencyKey }),
      fields: (row) => ({ complaintId: row.complaintId, idempotencyKey: row.idempotencyKey }),
      // Any other unique constraint (the key's index, the primary key derived from the key) is the key's.
      outcomeOf: (constraint) => (constraint === 'submissions_reference_uq' ? 'reference-taken' : 'key-taken'),
      // A statement PostgreSQL refused is a fault of this request (500), not the store being down (503).
      failure: unavailableUnlessRefused,
    });
  }

  findByKey(idempotencyKey: string): Promise<SubmissionRecord | null> {
    return this.table.findOne({ idempotencyKey });
  }

  findByReference(reference: string): Promise<SubmissionRecord | null> {
    return this.table.findOne({ reference });
  }

  reserve(record: SubmissionRecord, evidence: readonly Evidence[]): Promise<ReserveOutcome> {
    return this.table.reserveWithEvidence(record, evidence);
  }

  markAccepted(complaintId: string): Promise<void> {
    return this.table.markAcceptedById(complaintId);
  }
}

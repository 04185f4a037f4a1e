import { PrimaryColumn, Repository } from 'typeorm';
import { ComplaintReceivedV1, Evidence } from '@complaints/contracts';
import type { ComplaintSubmissionRecord } from '../complaint-submission';
import type { ReserveOutcome } from '../idempotent-acceptance';
import { insertEvidence } from './evidence-rows';
import { IdempotentRecordColumns } from './idempotent-record.columns';
import { IdempotentTable, IdempotentTableOptions } from './idempotent-table';

/** The columns of every intake's `submissions` table: the complaint id and those of an idempotent record. */
export abstract class SubmissionColumns extends IdempotentRecordColumns {
  @PrimaryColumn({ name: 'complaint_id', type: 'uuid' }) complaintId: string;
}

/**
 * An intake's submissions: each stored with its evidence files in one transaction, published as
 * `complaints.received.v1`, marked accepted by complaint id.
 */
export class SubmissionTable<E extends SubmissionColumns, R extends ComplaintSubmissionRecord> extends IdempotentTable<E, R> {
  constructor(rows: Repository<E>, options: Omit<IdempotentTableOptions<E, R, ReserveOutcome>, 'contract'>) {
    super(rows, { ...options, contract: ComplaintReceivedV1 });
  }

  reserveWithEvidence(record: R, evidence: readonly Evidence[]): Promise<ReserveOutcome> {
    return this.reserve(record, (manager) => insertEvidence(manager, record.complaintId, evidence));
  }
}

import { Column, Entity } from 'typeorm';
import { SubmissionColumns } from '@complaints/intake';

/** Every complaint the mobile intake issued a reference for, with the customer's view of its case. */
@Entity({ name: 'submissions' })
export class SubmissionEntity extends SubmissionColumns {
  @Column({ name: 'customer_id', type: 'text' }) customerId: string;
  @Column({ name: 'idempotency_key', type: 'text' }) idempotencyKey: string;
  /** The case status from the latest case event, null until the first one. */
  @Column({ name: 'case_status', type: 'text', nullable: true }) caseStatus: string | null;
  @Column({ name: 'case_updated_at', type: 'timestamptz', nullable: true }) caseUpdatedAt: Date | null;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Every complaint the mobile intake issued a reference for, with the customer's view of its case. */
@Entity({ name: 'submissions' })
export class SubmissionEntity {
  @PrimaryColumn({ name: 'complaint_id', type: 'uuid' }) complaintId: string;
  @Column({ name: 'customer_id', type: 'text' }) customerId: string;
  @Column({ name: 'idempotency_key', type: 'text' }) idempotencyKey: string;
  @Column({ type: 'text' }) reference: string;
  @Column({ name: 'request_hash', type: 'text' }) requestHash: string;
  @Column({ type: 'text' }) status: 'pending' | 'accepted';
  @Column({ type: 'jsonb' }) event: object;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true }) acceptedAt: Date | null;
  /** The case status from the latest case event, null until the first one. */
  @Column({ name: 'case_status', type: 'text', nullable: true }) caseStatus: string | null;
  @Column({ name: 'case_updated_at', type: 'timestamptz', nullable: true }) caseUpdatedAt: Date | null;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Every complaint the web intake issued a reference for. */
@Entity({ name: 'submissions' })
export class SubmissionEntity {
  @PrimaryColumn({ name: 'complaint_id', type: 'uuid' }) complaintId: string;
  @Column({ type: 'text' }) reference: string;
  @Column({ name: 'idempotency_key', type: 'text', nullable: true }) idempotencyKey: string | null;
  @Column({ name: 'request_hash', type: 'text' }) requestHash: string;
  @Column({ type: 'text' }) status: 'pending' | 'accepted';
  @Column({ type: 'jsonb' }) event: object;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true }) acceptedAt: Date | null;
}

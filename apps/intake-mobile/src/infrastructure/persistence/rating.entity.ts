import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A satisfaction rating the customer sent from the app, per customer and Idempotency-Key. */
@Entity({ name: 'ratings' })
export class RatingEntity {
  @PrimaryColumn({ name: 'customer_id', type: 'text' }) customerId: string;
  @PrimaryColumn({ name: 'idempotency_key', type: 'text' }) idempotencyKey: string;
  @Column({ name: 'complaint_id', type: 'uuid' }) complaintId: string;
  @Column({ type: 'text' }) reference: string;
  @Column({ name: 'request_hash', type: 'text' }) requestHash: string;
  @Column({ type: 'text' }) status: 'pending' | 'accepted';
  @Column({ type: 'jsonb' }) event: object;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true }) acceptedAt: Date | null;
}

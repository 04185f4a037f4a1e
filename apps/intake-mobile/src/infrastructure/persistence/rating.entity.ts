import { Column, Entity, PrimaryColumn } from 'typeorm';
import { IdempotentRecordColumns } from '@complaints/intake';

/** A satisfaction rating the customer sent from the app, per customer and Idempotency-Key. */
@Entity({ name: 'ratings' })
export class RatingEntity extends IdempotentRecordColumns {
  @PrimaryColumn({ name: 'customer_id', type: 'text' }) customerId: string;
  @PrimaryColumn({ name: 'idempotency_key', type: 'text' }) idempotencyKey: string;
  @Column({ name: 'complaint_id', type: 'uuid' }) complaintId: string;
}

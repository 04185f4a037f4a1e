import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A case event applied to the customer's view (one row per eventId: consuming is idempotent). */
@Entity({ name: 'case_updates' })
export class CaseUpdateEntity {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' }) eventId: string;
  @Column({ name: 'complaint_id', type: 'uuid' }) complaintId: string;
  @Column({ name: 'event_type', type: 'text' }) eventType: string;
  @Column({ type: 'text' }) status: string;
  @Column({ name: 'customer_visible', type: 'boolean' }) customerVisible: boolean;
  @Column({ type: 'text', nullable: true }) message: string | null;
  @Column({ type: 'timestamptz' }) at: Date;
}

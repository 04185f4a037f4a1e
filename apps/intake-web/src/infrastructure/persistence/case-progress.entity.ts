import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The status of a web complaint's case, as the case service last reported it. */
@Entity({ name: 'case_progress' })
export class CaseProgressEntity {
  @PrimaryColumn({ type: 'text' }) reference: string;
  @Column({ type: 'text' }) status: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** One update the customer was told about (customer-visible case events only). */
@Entity({ name: 'case_updates' })
export class CaseUpdateEntity {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' }) eventId: string;
  @Column({ type: 'text' }) reference: string;
  @Column({ type: 'text' }) kind: string;
  @Column({ type: 'text', nullable: true }) message: string | null;
  @Column({ type: 'timestamptz' }) at: Date;
}

import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One entry of a case's timeline; unique per (case, source event), so replays add nothing. */
@Entity({ name: 'timeline' })
export class TimelineEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'complaint_id', type: 'uuid' }) complaintId: string;
  @Column({ type: 'text' }) type: string;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ type: 'text' }) actor: string;
  @Column({ name: 'source_event_id', type: 'text' }) sourceEventId: string;
  @Column({ type: 'jsonb' }) details: object;
}

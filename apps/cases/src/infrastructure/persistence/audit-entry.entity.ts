import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One staff or system action on a case: who, with which roles, when, what, and the case before and after. */
@Entity({ name: 'audit_log' })
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'complaint_id', type: 'uuid' }) complaintId: string;
  @Column({ type: 'text' }) reference: string;
  @Column({ type: 'text' }) action: string;
  @Column({ name: 'actor_type', type: 'text' }) actorType: string;
  @Column({ name: 'actor_id', type: 'text' }) actorId: string;
  @Column({ name: 'actor_roles', type: 'text', array: true }) actorRoles: string[];
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ type: 'jsonb', nullable: true }) before: object | null;
  @Column({ type: 'jsonb' }) after: object;
  @Column({ name: 'event_ids', type: 'uuid', array: true }) eventIds: string[];
}

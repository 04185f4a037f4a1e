import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A case: filterable facts in columns, the complaint's details in `details` (contact data stays sealed). */
@Entity({ name: 'cases' })
export class CaseEntity {
  @PrimaryColumn({ name: 'complaint_id', type: 'uuid' }) complaintId: string;
  @Column({ type: 'text' }) reference: string;
  @Column({ type: 'text' }) channel: string;
  @Column({ type: 'text' }) status: string;
  @Column({ type: 'text' }) department: string;
  @Column({ type: 'text', nullable: true }) assignee: string | null;
  @Column({ type: 'text' }) priority: string;
  @Column({ type: 'boolean' }) escalation: boolean;
  @Column({ name: 'needs_triage', type: 'boolean' }) needsTriage: boolean;
  @Column({ type: 'text' }) product: string;
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'service_point', type: 'text' }) servicePoint: string;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
  @Column({ name: 'routed_at', type: 'timestamptz' }) routedAt: Date;
  @Column({ name: 'feedback_due_at', type: 'timestamptz' }) feedbackDueAt: Date;
  @Column({ name: 'decision_due_at', type: 'timestamptz' }) decisionDueAt: Date;
  @Column({ name: 'decision_deadline_days', type: 'int' }) decisionDeadlineDays: number;
  @Column({ type: 'jsonb' }) details: object;
  /** Clock state beyond the due columns: pauses, extensions, first feedback, decision, alerts sent. */
  @Column({ type: 'jsonb' }) clock: object;
  @Column({ type: 'jsonb' }) lifecycle: object;
  /** When the SLA watcher next needs to look at the case (null: nothing to watch). */
  @Column({ name: 'next_alert_at', type: 'timestamptz', nullable: true }) nextAlertAt: Date | null;
  @Column({ type: 'int' }) version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One routing decision per complaint, with the routed event exactly as published. */
@Entity({ name: 'decisions' })
export class RoutingDecisionEntity {
  @PrimaryColumn({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @Column({ type: 'text' })
  reference: string;

  @Column({ type: 'text' })
  department: string;

  @Column({ name: 'rule_id', type: 'text' })
  ruleId: string;

  @Column({ name: 'needs_triage', type: 'boolean' })
  needsTriage: boolean;

  @Column({ name: 'routed_event', type: 'jsonb' })
  routedEvent: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Every call the hotline intake issued a reference for. */
@Entity({ name: 'calls' })
export class CallEntity {
  @PrimaryColumn({ name: 'complaint_id', type: 'uuid' }) complaintId: string;
  @Column({ name: 'callcenter_id', type: 'text' }) callcenterId: string;
  @Column({ name: 'call_id', type: 'text' }) callId: string;
  @Column({ type: 'text' }) reference: string;
  @Column({ type: 'text' }) status: 'pending' | 'accepted';
  @Column({ type: 'jsonb' }) event: object;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true }) acceptedAt: Date | null;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

export type CallbackStatus = 'pending' | 'delivered' | 'dead';

/** A status callback owed to a call centre; `dead` is the dead-letter record of one that kept failing. */
@Entity({ name: 'callbacks' })
export class CallbackEntity {
  /** The case event that caused it: one callback per event, however often the event is delivered. */
  @PrimaryColumn({ name: 'event_id', type: 'uuid' }) eventId: string;
  @Column({ name: 'callcenter_id', type: 'text' }) callcenterId: string;
  @Column({ type: 'jsonb' }) payload: object;
  @Column({ type: 'text' }) status: CallbackStatus;
  @Column({ type: 'int' }) attempts: number;
  @Column({ name: 'next_attempt_at', type: 'timestamptz' }) nextAttemptAt: Date;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
}

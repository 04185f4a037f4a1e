import { Column } from 'typeorm';

/**
 * The columns every table of idempotently accepted records has (submissions, ratings); an entity
 * extends this and adds its own keys. Not an entity itself: each intake's table lives in its schema.
 */
export abstract class IdempotentRecordColumns {
  @Column({ type: 'text' }) reference: string;
  @Column({ name: 'request_hash', type: 'text' }) requestHash: string;
  @Column({ type: 'text' }) status: 'pending' | 'accepted';
  @Column({ type: 'jsonb' }) event: object;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true }) acceptedAt: Date | null;
}

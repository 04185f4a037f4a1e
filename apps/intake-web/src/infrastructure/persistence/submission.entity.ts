import { Column, Entity } from 'typeorm';
import { SubmissionColumns } from '@complaints/intake';

/** Every complaint the web intake issued a reference for. */
@Entity({ name: 'submissions' })
export class SubmissionEntity extends SubmissionColumns {
  @Column({ name: 'idempotency_key', type: 'text', nullable: true }) idempotencyKey: string | null;
}

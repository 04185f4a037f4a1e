import { randomUUID } from 'node:crypto';
import { CustomerResponseV1 } from '@complaints/contracts';
import { CustomerResponsePublisher } from '@complaints/intake';
import { LookUpComplaintQuery } from '../follow-complaint/look-up-complaint.query';

export interface RateComplaintCommand {
  reference: string;
  phoneLast4: string;
  score: number;
  comment?: string;
  correlationId: string;
}

/** `not-found`: the reference and digits name no complaint of this customer; `not-resolved`: nothing to rate yet. */
export type RateOutcome = 'recorded' | 'not-found' | 'not-resolved';

/** A customer rates the handling once there is an answer: the survey goes out on resolution. */
const RATEABLE = new Set(['RESPONDED', 'RESOLVED', 'CLOSED']);

/**
 * Records the customer's satisfaction with the handling of their web complaint (the survey sent on
 * resolution): checked like the status look-up, then published for the case service to record.
 */
export class RateComplaintUseCase {
  constructor(
    private readonly lookUp: LookUpComplaintQuery,
    private readonly publisher: CustomerResponsePublisher,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(command: RateComplaintCommand): Promise<RateOutcome> {
    const complaint = await this.lookUp.execute(command.reference, command.phoneLast4);
    if (!complaint) return 'not-found';
    if (!RATEABLE.has(complaint.status)) return 'not-resolved';
    const at = this.now().toISOString();
    await this.publisher.publish(
      Object.assign(new CustomerResponseV1(), {
        eventId: randomUUID(),
        eventType: CustomerResponseV1.type,
        eventVersion: 1 as const,
        occurredAt: at,
        correlationId: command.correlationId,
        causationId: null,
        source: 'intake-web',
        kind: 'satisfaction' as const,
        channel: 'web' as const,
        // A merged complaint is rated as the case it is handled under.
        reference: complaint.mergedInto ?? complaint.reference,
        ...(complaint.mergedInto ? {} : { complaintId: complaint.complaintId }),
        identity: {},
        satisfaction: { score: command.score, ...(command.comment ? { comment: command.comment } : {}) },
        receivedAt: at,
      }),
    );
    return 'recorded';
  }
}

import type { CustomerResponseV1 } from '@complaints/contracts';
import { answeringCustomer } from '../../domain/answering-customer';
import type { CaseActor } from '../../domain/case-actor';
import { recordSatisfaction } from '../../domain/case-actions';
import { nextWatchAt } from '../../domain/case-clock-actions';
import { CaseDomainError } from '../../domain/case-errors';
import type { SlaPolicy } from '../../domain/sla-policy';
import { toCaseEvent } from '../case-event.factory';
import { CaseEventsRelay } from '../case-events.relay';
import { AlreadyAnsweredError, CaseRepository } from '../case.repository';
import { Clock } from '../clock';

/**
 * `already-recorded`: this very response was filed before (a redelivery); `already-answered`: the
 * same customer answered the case's survey before with another response, so this one changes nothing.
 */
export type ResponseOutcome = 'recorded' | 'already-recorded' | 'already-answered' | 'no-case' | 'refused';

export interface RecordedResponse {
  outcome: ResponseOutcome;
  reference?: string;
  /** For `already-answered`: the response filed first. */
  earlierEventId?: string;
}

/**
 * Files a customer's survey answer (from the web survey page or a reply such as 满意 on any channel)
 * against their case: the case named by reference, else their latest case awaiting an answer on that
 * channel identity. One answer per case and customer (see answeringCustomer), kept by a unique key in
 * the same transaction as the change: a later answer of the same customer, even one consumed at the
 * same moment, reopens, escalates and publishes nothing. A dissatisfied first answer reopens and
 * escalates the case (domain rules). An answer the case cannot take (e.g. it is not resolved) is
 * refused, not retried, and does not count as the customer's answer.
 */
export class RecordCustomerResponseUseCase {
  constructor(
    private readonly cases: CaseRepository,
    private readonly clock: Clock,
    private readonly policy: SlaPolicy,
    private readonly relay: CaseEventsRelay,
  ) {}

  async execute(response: CustomerResponseV1): Promise<RecordedResponse> {
    const reference = response.reference ?? (await this.cases.findAwaitingSurvey(response.channel, response.identity));
    if (!reference) return { outcome: 'no-case' };
    const actor: CaseActor = { type: 'customer', id: `customer-response:${response.eventId}`, roles: [] };
    const now = this.clock.now();
    const { score, comment } = response.satisfaction;
    try {
      const stored = await this.cases.change(
        reference,
        (current) => {
          const change = recordSatisfaction(current, actor, now, score, comment);
          return {
            case: change.case,
            events: change.events.map((e) => toCaseEvent(change.case, e, actor, now, response.eventId)),
            action: 'record-satisfaction',
            actor,
            at: now,
            nextAlertAt: nextWatchAt(change.case, this.policy),
          };
        },
        (current) => ({
          customerKey: answeringCustomer(current, response.identity),
          responseEventId: response.eventId,
          channel: response.channel,
          score,
          at: now,
        }),
      );
      if (!stored) return { outcome: 'no-case', reference };
    } catch (error) {
      if (error instanceof AlreadyAnsweredError) {
        const redelivered = error.earlier.responseEventId === response.eventId;
        return { outcome: redelivered ? 'already-recorded' : 'already-answered', reference, earlierEventId: error.earlier.responseEventId };
      }
      if (error instanceof CaseDomainError) return { outcome: 'refused', reference };
      throw error;
    }
    this.relay.kick();
    return { outcome: 'recorded', reference };
  }
}

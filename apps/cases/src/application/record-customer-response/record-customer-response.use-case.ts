import type { CustomerResponseV1 } from '@complaints/contracts';
import type { CaseActor } from '../../domain/case-actor';
import { recordSatisfaction } from '../../domain/case-actions';
import { nextWatchAt } from '../../domain/case-clock-actions';
import { CaseDomainError } from '../../domain/case-errors';
import type { SlaPolicy } from '../../domain/sla-policy';
import { toCaseEvent } from '../case-event.factory';
import { CaseEventsRelay } from '../case-events.relay';
import { CaseRepository } from '../case.repository';
import { Clock } from '../clock';

export type ResponseOutcome = 'recorded' | 'already-recorded' | 'no-case' | 'refused';

/**
 * Files a customer's survey answer (from the web survey page or a reply such as 满意 on any channel)
 * against their case: the case named by reference, else their latest case awaiting an answer on that
 * channel identity. Recorded once per response event; a dissatisfied answer reopens and escalates the
 * case (domain rules). An answer the case cannot take (e.g. it is not resolved) is refused, not retried.
 */
export class RecordCustomerResponseUseCase {
  constructor(
    private readonly cases: CaseRepository,
    private readonly clock: Clock,
    private readonly policy: SlaPolicy,
    private readonly relay: CaseEventsRelay,
  ) {}

  async execute(response: CustomerResponseV1): Promise<ResponseOutcome> {
    const reference = response.reference ?? (await this.cases.findAwaitingSurvey(response.channel, response.identity));
    if (!reference) return 'no-case';
    const actor: CaseActor = { type: 'customer', id: `customer-response:${response.eventId}`, roles: [] };
    const now = this.clock.now();
    let outcome: ResponseOutcome = 'recorded';
    try {
      const stored = await this.cases.change(reference, (current) => {
        if (current.lifecycle.satisfaction.some((s) => s.recordedBy === actor.id)) {
          outcome = 'already-recorded';
          return { case: current, events: [], action: 'record-satisfaction', actor, at: now, nextAlertAt: nextWatchAt(current, this.policy) };
        }
        const change = recordSatisfaction(current, actor, now, response.satisfaction.score, response.satisfaction.comment);
        return {
          case: change.case,
          events: change.events.map((e) => toCaseEvent(change.case, e, actor, now, response.eventId)),
          action: 'record-satisfaction',
          actor,
          at: now,
          nextAlertAt: nextWatchAt(change.case, this.policy),
        };
      });
      if (!stored) return 'no-case';
    } catch (error) {
      if (error instanceof CaseDomainError) return 'refused';
      throw error;
    }
    this.relay.kick();
    return outcome;
  }
}

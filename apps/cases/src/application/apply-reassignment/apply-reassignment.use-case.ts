import type { HandlerReassignmentV1 } from '@complaints/contracts';
import type { CaseActor } from '../../domain/case-actor';
import { moveOffHandler } from '../../domain/case-actions';
import { nextWatchAt } from '../../domain/case-clock-actions';
import { CaseDomainError } from '../../domain/case-errors';
import { isOpen } from '../../domain/case-status';
import type { SlaPolicy } from '../../domain/sla-policy';
import { toCaseEvent } from '../case-event.factory';
import { CaseEventsRelay } from '../case-events.relay';
import { CaseRepository } from '../case.repository';
import { Clock } from '../clock';

export type ReassignmentOutcome = 'moved' | 'stale' | 'no-case' | 'refused';

export const ROUTER_ACTOR: CaseActor = { type: 'system', id: 'router', roles: ['system'] };

/**
 * Applies the router's move of a case off a handler who was deactivated or no longer fits. Only while
 * the case is open and still with that handler: a member of staff who moved it meanwhile wins, and a
 * redelivered move finds the case already moved ('stale'), so it is applied once.
 */
export class ApplyReassignmentUseCase {
  constructor(
    private readonly cases: CaseRepository,
    private readonly clock: Clock,
    private readonly policy: SlaPolicy,
    private readonly relay: CaseEventsRelay,
  ) {}

  async execute(move: HandlerReassignmentV1): Promise<ReassignmentOutcome> {
    const now = this.clock.now();
    let outcome: ReassignmentOutcome = 'moved';
    try {
      const stored = await this.cases.change(move.reference, (current) => {
        if (current.assignee !== move.from || !isOpen(current.status)) {
          outcome = 'stale';
          return {
            case: current,
            events: [],
            action: 'reassign',
            actor: ROUTER_ACTOR,
            at: now,
            nextAlertAt: nextWatchAt(current, this.policy),
          };
        }
        const change = moveOffHandler(current, ROUTER_ACTOR, move.to, move.reason);
        return {
          case: change.case,
          events: change.events.map((e) => toCaseEvent(change.case, e, ROUTER_ACTOR, now, move.eventId)),
          action: 'reassign',
          actor: ROUTER_ACTOR,
          at: now,
          nextAlertAt: nextWatchAt(change.case, this.policy),
        };
      });
      if (!stored) return 'no-case';
    } catch (error) {
      if (error instanceof CaseDomainError) return 'refused';
      throw error;
    }
    if (outcome === 'moved') this.relay.kick();
    return outcome;
  }
}

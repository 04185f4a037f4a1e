import type { Department } from '@complaints/contracts';
import type { Case } from '../../domain/case';
import type { CaseActor } from '../../domain/case-actor';
import { nextWatchAt } from '../../domain/case-clock-actions';
import type { SlaPolicy } from '../../domain/sla-policy';
import { toCaseEvent } from '../case-event.factory';
import { CaseEventsRelay } from '../case-events.relay';
import { CaseRepository, PreparedChange } from '../case.repository';
import { Clock } from '../clock';
import { applyCommand, CaseCommand } from './case-command';

/** The case does not exist or the caller may not see it (reported alike, so references cannot be probed). */
export class CaseNotFoundError extends Error {
  readonly code = 'CASE_NOT_FOUND';
  constructor(readonly reference: string) {
    super(`No case ${reference} among the cases you may see.`);
  }
}

export interface ActingStaff {
  id: string;
  roles: readonly string[];
  canSee(department: Department): boolean;
}

/** The case actor a member of staff acts as. */
export function staffActor(staff: { id: string; roles: readonly string[] }): CaseActor {
  return { type: 'staff', id: staff.id, roles: [...staff.roles] };
}

/**
 * Runs one staff action: locks the case, applies the domain rules, and stores the new state with its
 * timeline entries, audit entry and `complaints.case-events.v1` events (outbox) in one transaction.
 */
export class ActOnCaseUseCase {
  constructor(
    private readonly cases: CaseRepository,
    private readonly clock: Clock,
    private readonly policy: SlaPolicy,
    private readonly relay: CaseEventsRelay,
  ) {}

  async execute(staff: ActingStaff, reference: string, command: CaseCommand): Promise<PreparedChange> {
    const now = this.clock.now();
    const actor = staffActor(staff);
    const stored = await this.cases.change(reference, (current: Case) => {
      if (!staff.canSee(current.department)) throw new CaseNotFoundError(reference);
      const change = applyCommand(current, actor, now, command);
      return {
        case: change.case,
        events: change.events.map((e) => toCaseEvent(change.case, e, actor, now, null)),
        action: command.action,
        actor,
        at: now,
        nextAlertAt: nextWatchAt(change.case, this.policy),
      };
    });
    if (!stored) throw new CaseNotFoundError(reference);
    this.relay.kick();
    return stored;
  }
}

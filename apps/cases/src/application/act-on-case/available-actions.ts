import type { Case } from '../../domain/case';
import type { CaseActor } from '../../domain/case-actor';
import { CaseDomainError } from '../../domain/case-errors';
import { applyCommand, CaseActionName, CaseCommand } from './case-command';

/**
 * Sample commands per action, as a handler could send them. An action is offered when the domain
 * accepts at least one of its samples: the offer follows the same rules as the action itself.
 */
const SAMPLES: Record<CaseActionName, CaseCommand[]> = {
  claim: [{ action: 'claim' }],
  assign: [{ action: 'assign', assignee: 'someone' }],
  start: [{ action: 'start' }],
  'send-feedback': [{ action: 'send-feedback', message: 'x' }],
  'add-note': [{ action: 'add-note', note: 'x' }],
  'propose-resolution': [{ action: 'propose-resolution', proposal: 'x' }],
  resolve: [{ action: 'resolve' }],
  close: [{ action: 'close', rootCause: 'x', correctiveAction: 'x' }],
  reopen: [{ action: 'reopen', reason: 'x' }],
  escalate: [{ action: 'escalate', reason: 'x' }],
  'refer-to-mediation': [{ action: 'refer-to-mediation', organisation: 'x' }],
  'record-mediation-outcome': [
    { action: 'record-mediation-outcome', outcome: 'settled', summary: 'x' },
    { action: 'record-mediation-outcome', outcome: 'not_settled', summary: 'x' },
  ],
  'record-satisfaction': [{ action: 'record-satisfaction', score: 5 }],
  withdraw: [{ action: 'withdraw', reason: 'x' }],
  archive: [{ action: 'archive' }],
  'request-extension': [
    { action: 'request-extension', toDays: 30, reason: 'x' },
    { action: 'request-extension', toDays: 60, reason: 'x' },
  ],
  'decide-extension': [{ action: 'decide-extension', approve: true }],
  'pause-clock': [{ action: 'pause-clock', reason: 'x' }],
  'resume-clock': [{ action: 'resume-clock' }],
};

/** The actions `actor` may take on the case at `now` (what the staff console offers). */
export function availableActions(c: Case, actor: CaseActor, now: Date): CaseActionName[] {
  return (Object.keys(SAMPLES) as CaseActionName[]).filter((action) => SAMPLES[action].some((command) => accepts(c, actor, now, command)));
}

function accepts(c: Case, actor: CaseActor, now: Date, command: CaseCommand): boolean {
  try {
    applyCommand(c, actor, now, command);
    return true;
  } catch (error) {
    if (error instanceof CaseDomainError) return false;
    throw error;
  }
}

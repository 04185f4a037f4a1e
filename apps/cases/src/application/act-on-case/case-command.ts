import type { Case } from '../../domain/case';
import * as actions from '../../domain/case-actions';
import type { CaseChange } from '../../domain/case-actions';
import type { CaseActor } from '../../domain/case-actor';
import * as clock from '../../domain/case-clock-actions';

/** The staff actions on a case, as the API receives them. */
export type CaseCommand =
  | { action: 'claim' }
  | { action: 'assign'; assignee: string }
  | { action: 'start' }
  | { action: 'send-feedback'; message: string }
  | { action: 'add-note'; note: string }
  | { action: 'propose-resolution'; proposal: string }
  | { action: 'resolve'; summary?: string }
  | { action: 'close'; rootCause: string; correctiveAction: string }
  | { action: 'reopen'; reason: string }
  | { action: 'escalate'; reason: string }
  | { action: 'refer-to-mediation'; organisation: string; mediator?: string; reason?: string }
  | { action: 'record-mediation-outcome'; outcome: 'settled' | 'not_settled'; summary: string }
  | { action: 'record-satisfaction'; score: number; comment?: string }
  | { action: 'withdraw'; reason: string }
  | { action: 'archive' }
  | { action: 'request-extension'; toDays: number; reason: string }
  | { action: 'decide-extension'; approve: boolean; comment?: string }
  | { action: 'pause-clock'; reason: string }
  | { action: 'resume-clock' };

export type CaseActionName = CaseCommand['action'];

/** Applies a command to a case with the domain's rules. */
export function applyCommand(c: Case, actor: CaseActor, now: Date, command: CaseCommand): CaseChange {
  switch (command.action) {
    case 'claim':
      return actions.claim(c, actor);
    case 'assign':
      return actions.assign(c, actor, command.assignee);
    case 'start':
      return actions.start(c, actor);
    case 'send-feedback':
      return actions.sendFeedback(c, actor, now, command.message);
    case 'add-note':
      return actions.addNote(c, actor, command.note);
    case 'propose-resolution':
      return actions.proposeResolution(c, actor, now, command.proposal);
    case 'resolve':
      return actions.resolve(c, actor, command.summary);
    case 'close':
      return actions.close(c, actor, now, command);
    case 'reopen':
      return actions.reopen(c, actor, command.reason);
    case 'escalate':
      return actions.escalate(c, actor, now, command.reason);
    case 'refer-to-mediation':
      return actions.referToMediation(c, actor, now, command);
    case 'record-mediation-outcome':
      return actions.concludeMediation(c, actor, now, command.outcome, command.summary);
    case 'record-satisfaction':
      return actions.recordSatisfaction(c, actor, now, command.score, command.comment);
    case 'withdraw':
      return actions.withdraw(c, actor, now, command.reason);
    case 'archive':
      return actions.archive(c, actor);
    case 'request-extension':
      return clock.requestExtension(c, actor, now, command.toDays, command.reason);
    case 'decide-extension':
      return clock.decideExtension(c, actor, now, command.approve, command.comment);
    case 'pause-clock':
      return clock.pauseClock(c, actor, now, command.reason);
    case 'resume-clock':
      return clock.resumeClock(c, actor, now);
  }
}

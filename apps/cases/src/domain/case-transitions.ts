import type { CaseStatus } from './case-status';
import { InvalidTransitionError } from './case-errors';

/** Actions that may change a case's status. */
export type CaseAction =
  | 'claim'
  | 'assign'
  | 'release'
  | 'start'
  | 'send-feedback'
  | 'propose-resolution'
  | 'resolve'
  | 'close'
  | 'reopen'
  | 'escalate'
  | 'refer-to-mediation'
  | 'conclude-mediation-settled'
  | 'conclude-mediation-unsettled'
  | 'record-satisfaction'
  | 'withdraw'
  | 'archive';

type Table = Record<CaseAction, Partial<Record<CaseStatus, CaseStatus>>>;

const WORKING: CaseStatus[] = ['ASSIGNED', 'IN_PROGRESS', 'RESPONDED', 'REOPENED', 'ESCALATED', 'MEDIATION'];
const same = (statuses: CaseStatus[]) => Object.fromEntries(statuses.map((s) => [s, s])) as Partial<Record<CaseStatus, CaseStatus>>;

/**
 * The state machine: for each action, the states it is allowed in and the state it leads to.
 * Anything not in the table is refused. ARCHIVED appears nowhere on the left: archived cases are immutable.
 */
export const TRANSITIONS: Table = {
  claim: { RECEIVED: 'ASSIGNED', REOPENED: 'ASSIGNED', ...same(['ASSIGNED', 'IN_PROGRESS', 'ESCALATED']) },
  assign: { RECEIVED: 'ASSIGNED', REOPENED: 'ASSIGNED', ...same(['ASSIGNED', 'IN_PROGRESS', 'RESPONDED', 'ESCALATED', 'MEDIATION']) },
  // Back to the department's queue (the router found no active handler who fits); the work done stays done.
  release: { ASSIGNED: 'RECEIVED', ...same(['IN_PROGRESS', 'RESPONDED', 'REOPENED', 'ESCALATED', 'MEDIATION']) },
  start: { ASSIGNED: 'IN_PROGRESS', REOPENED: 'IN_PROGRESS', ESCALATED: 'IN_PROGRESS' },
  // The first feedback starts the work; later feedback leaves the status as it is.
  'send-feedback': { ASSIGNED: 'IN_PROGRESS', REOPENED: 'IN_PROGRESS', ...same(['IN_PROGRESS', 'RESPONDED', 'ESCALATED', 'MEDIATION']) },
  'propose-resolution': {
    ASSIGNED: 'RESPONDED',
    IN_PROGRESS: 'RESPONDED',
    REOPENED: 'RESPONDED',
    ESCALATED: 'RESPONDED',
    RESPONDED: 'RESPONDED',
  },
  resolve: { RESPONDED: 'RESOLVED' },
  close: { RESOLVED: 'CLOSED' },
  reopen: { RESPONDED: 'REOPENED', RESOLVED: 'REOPENED', CLOSED: 'REOPENED' },
  escalate: {
    RECEIVED: 'ESCALATED',
    ASSIGNED: 'ESCALATED',
    IN_PROGRESS: 'ESCALATED',
    RESPONDED: 'ESCALATED',
    REOPENED: 'ESCALATED',
    MEDIATION: 'ESCALATED',
    ESCALATED: 'ESCALATED',
  },
  'refer-to-mediation': { IN_PROGRESS: 'MEDIATION', RESPONDED: 'MEDIATION', REOPENED: 'MEDIATION', ESCALATED: 'MEDIATION' },
  'conclude-mediation-settled': { MEDIATION: 'RESOLVED' },
  'conclude-mediation-unsettled': { MEDIATION: 'IN_PROGRESS' },
  // Satisfaction is asked once an answer was given; a 1-2 reopens (then escalates) the case.
  'record-satisfaction': { RESPONDED: 'RESOLVED', RESOLVED: 'RESOLVED', CLOSED: 'CLOSED' },
  withdraw: { RECEIVED: 'WITHDRAWN', ...Object.fromEntries(WORKING.map((s) => [s, 'WITHDRAWN'])) },
  archive: { CLOSED: 'ARCHIVED', WITHDRAWN: 'ARCHIVED' },
};

/** The state an action leads to from `status`; throws InvalidTransitionError when the table forbids it. */
export function nextStatus(status: CaseStatus, action: CaseAction): CaseStatus {
  const next = TRANSITIONS[action][status];
  if (!next) throw new InvalidTransitionError(action, status);
  return next;
}

/** Actions that change no status (notes, clocks, extensions) are still refused on closed, withdrawn or archived cases. */
export function assertMutable(status: CaseStatus, action: string, allowed: readonly CaseStatus[]): void {
  if (!allowed.includes(status)) throw new InvalidTransitionError(action, status);
}

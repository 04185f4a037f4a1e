import { InvalidTransitionError } from './case-errors';
import { CASE_STATUSES, CaseStatus } from './case-status';
import { CaseAction, nextStatus, TRANSITIONS } from './case-transitions';

const ACTIONS = Object.keys(TRANSITIONS) as CaseAction[];

describe('case state machine', () => {
  it.each<[CaseAction, CaseStatus, CaseStatus]>([
    ['claim', 'RECEIVED', 'ASSIGNED'],
    ['assign', 'RECEIVED', 'ASSIGNED'],
    ['assign', 'RESPONDED', 'RESPONDED'],
    ['release', 'ASSIGNED', 'RECEIVED'],
    ['release', 'IN_PROGRESS', 'IN_PROGRESS'],
    ['start', 'ASSIGNED', 'IN_PROGRESS'],
    ['send-feedback', 'ASSIGNED', 'IN_PROGRESS'],
    ['send-feedback', 'IN_PROGRESS', 'IN_PROGRESS'],
    ['propose-resolution', 'IN_PROGRESS', 'RESPONDED'],
    ['resolve', 'RESPONDED', 'RESOLVED'],
    ['record-satisfaction', 'RESPONDED', 'RESOLVED'],
    ['close', 'RESOLVED', 'CLOSED'],
    ['archive', 'CLOSED', 'ARCHIVED'],
    ['reopen', 'CLOSED', 'REOPENED'],
    ['reopen', 'RESOLVED', 'REOPENED'],
    ['claim', 'REOPENED', 'ASSIGNED'],
    ['escalate', 'IN_PROGRESS', 'ESCALATED'],
    ['escalate', 'MEDIATION', 'ESCALATED'],
    ['start', 'ESCALATED', 'IN_PROGRESS'],
    ['refer-to-mediation', 'ESCALATED', 'MEDIATION'],
    ['conclude-mediation-settled', 'MEDIATION', 'RESOLVED'],
    ['conclude-mediation-unsettled', 'MEDIATION', 'IN_PROGRESS'],
    ['withdraw', 'RECEIVED', 'WITHDRAWN'],
    ['withdraw', 'MEDIATION', 'WITHDRAWN'],
    ['archive', 'WITHDRAWN', 'ARCHIVED'],
  ])('%s from %s leads to %s', (action, from, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  it.each<[CaseAction, CaseStatus]>([
    ['close', 'RECEIVED'],
    ['close', 'RESPONDED'],
    ['resolve', 'IN_PROGRESS'],
    ['archive', 'RESOLVED'],
    ['archive', 'IN_PROGRESS'],
    ['reopen', 'RECEIVED'],
    ['reopen', 'WITHDRAWN'],
    ['withdraw', 'CLOSED'],
    ['withdraw', 'RESOLVED'],
    ['send-feedback', 'RECEIVED'],
    ['propose-resolution', 'RECEIVED'],
    ['refer-to-mediation', 'RECEIVED'],
    ['conclude-mediation-settled', 'IN_PROGRESS'],
    ['escalate', 'CLOSED'],
    ['claim', 'WITHDRAWN'],
    ['record-satisfaction', 'IN_PROGRESS'],
    ['release', 'RECEIVED'],
    ['release', 'RESOLVED'],
    ['assign', 'CLOSED'],
  ])('refuses %s from %s', (action, from) => {
    expect(() => nextStatus(from, action)).toThrow(InvalidTransitionError);
  });

  it('lets nothing change an archived case', () => {
    for (const action of ACTIONS) {
      expect(() => nextStatus('ARCHIVED', action)).toThrow(/archived/);
    }
  });

  it('only ever leads to known statuses', () => {
    for (const action of ACTIONS) {
      for (const to of Object.values(TRANSITIONS[action])) expect(CASE_STATUSES).toContain(to);
    }
  });

  it('names the action and the status in a refusal', () => {
    expect(() => nextStatus('RECEIVED', 'close')).toThrow('cannot close a case that is RECEIVED');
  });
});

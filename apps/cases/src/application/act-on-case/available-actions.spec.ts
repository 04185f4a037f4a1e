import { agent, auditor, caseFixture, inStatus, supervisor } from '../../domain/testing/case.fixture';
import { availableActions } from './available-actions';

const now = new Date('2026-11-02T10:00:00.000Z');

describe('availableActions', () => {
  it('offers an agent the first steps on a new case, not a supervisor-only assignment', () => {
    const actions = availableActions(caseFixture(), agent, now);
    expect(actions).toEqual(expect.arrayContaining(['claim', 'add-note', 'escalate', 'withdraw', 'request-extension', 'pause-clock']));
    expect(actions).not.toContain('assign');
    expect(actions).not.toContain('resolve');
    expect(actions).not.toContain('resume-clock');
  });

  it('follows the status: a responded case can be resolved, not started', () => {
    const actions = availableActions(inStatus('RESPONDED'), agent, now);
    expect(actions).toContain('resolve');
    expect(actions).toContain('reopen');
    expect(actions).not.toContain('start');
    expect(actions).not.toContain('claim');
  });

  it('offers supervisors assignment and an auditor nothing', () => {
    expect(availableActions(caseFixture(), supervisor, now)).toContain('assign');
    expect(availableActions(inStatus('IN_PROGRESS'), auditor, now)).toEqual([]);
  });

  it('offers nothing on an archived case', () => {
    expect(availableActions(inStatus('ARCHIVED'), supervisor, now)).toEqual([]);
  });
});

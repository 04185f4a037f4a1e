import { CASE_EVENT_KINDS } from './case-event.v1';
import { surveyStepOf } from './survey-lifecycle';

describe('surveyStepOf', () => {
  it('sends the survey on resolution and ends it on an answer, a reopening, a withdrawal or archiving', () => {
    const steps = Object.fromEntries(
      CASE_EVENT_KINDS.map((kind) => [kind, surveyStepOf(`case.${kind}`)]).filter(([, step]) => step !== null),
    );
    expect(steps).toEqual({ resolved: 'sent', satisfaction_recorded: 'ended', reopened: 'ended', withdrawn: 'ended', archived: 'ended' });
  });
});

/**
 * The satisfaction survey of a case, as the case events tell it: the customer is asked on resolution
 * (`case.resolved`; the notifier's message asks for 1-5 or 满意/不满意), and the question is no longer
 * open once the answer was recorded (from any channel), or the case was reopened, withdrawn or archived.
 * The intakes that take replies on the customer's own channel (intake-social, the notifier's SMS) follow it.
 */
export type SurveyStep = 'sent' | 'ended';

const ENDS_SURVEY: ReadonlySet<string> = new Set(['case.satisfaction_recorded', 'case.reopened', 'case.withdrawn', 'case.archived']);

/** What a case event means for the case's survey, or null when nothing. */
export function surveyStepOf(eventType: string): SurveyStep | null {
  if (eventType === 'case.resolved') return 'sent';
  return ENDS_SURVEY.has(eventType) ? 'ended' : null;
}

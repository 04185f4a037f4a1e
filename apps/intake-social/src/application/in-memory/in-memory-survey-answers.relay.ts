import { SurveyAnswersRelay } from '../track-surveys/survey.store';

/** Counts the kicks: each one would start a pass of the outbox relay. */
export class InMemorySurveyAnswersRelay extends SurveyAnswersRelay {
  kicks = 0;

  kick(): void {
    this.kicks++;
  }
}

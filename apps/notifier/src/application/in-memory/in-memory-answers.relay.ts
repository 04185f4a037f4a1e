import type { CustomerResponseV1 } from '@complaints/contracts';
import { AnswersRelay } from '../sms-surveys/sms-survey.store';
import type { InMemorySmsSurveyStore } from './in-memory-sms-survey.store';

/** The outbox relay in memory: a kick publishes the responses the store's outbox holds. */
export class InMemoryAnswersRelay extends AnswersRelay {
  readonly published: CustomerResponseV1[] = [];

  constructor(private readonly store: InMemorySmsSurveyStore) {
    super();
  }

  kick(): void {
    this.published.push(...this.store.tables.outbox.splice(0));
  }
}

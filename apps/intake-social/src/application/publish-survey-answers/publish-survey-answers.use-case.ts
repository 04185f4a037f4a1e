import { CustomerResponsesPublisher, SurveyStore } from '../track-surveys/survey.store';

export interface PublishAnswersSettings {
  batchSize: number;
  /** How long a claimed answer is left to this run before another may retry it. */
  leaseMs: number;
}

/**
 * The relay of survey answers: publishes each answer recorded from a customer's message as
 * `complaints.customer-responses.v1`. An answer stays claimable until Kafka acknowledged it; its
 * event id comes from the message id, so a re-publish is the same response (cases records it once).
 */
export class PublishSurveyAnswersUseCase {
  constructor(
    private readonly store: SurveyStore,
    private readonly publisher: CustomerResponsesPublisher,
    private readonly settings: PublishAnswersSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(): Promise<number> {
    const pending = await this.store.claimPendingResponses(this.now(), this.settings.batchSize, this.settings.leaseMs);
    if (pending.length === 0) return 0;
    await this.publisher.publishAll(pending.map((p) => p.response));
    await this.store.markResponsesPublished(pending, this.now());
    return pending.length;
  }
}

import { DeliveryOutbox } from '@complaints/delivery';
import type { Notification } from '../../domain/notification';
import { CustomerResponsesPublisher, SmsSurveyStore } from '../sms-surveys/sms-survey.store';

export interface RelaySettings {
  batchSize: number;
  /** How long a claimed answer is left to this run before another may retry it. */
  leaseMs: number;
}

/**
 * Publishes the survey answers taken by SMS on `complaints.customer-responses.v1` and then queues
 * each customer's thank-you SMS (once: its delivery id is the response's event id). An answer stays
 * claimable until Kafka acknowledged it; a re-publish is the same event (cases files it once).
 */
export class RelaySmsAnswersUseCase {
  constructor(
    private readonly store: SmsSurveyStore,
    private readonly publisher: CustomerResponsesPublisher,
    private readonly outbox: DeliveryOutbox<Notification>,
    private readonly settings: RelaySettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(): Promise<number> {
    const pending = await this.store.claimPendingAnswers(this.now(), this.settings.batchSize, this.settings.leaseMs);
    if (pending.length === 0) return 0;
    await this.publisher.publishAll(pending.map((answer) => answer.response));
    for (const { thanks } of pending) await this.outbox.enqueue({ id: `${thanks.eventId}:sms`, target: 'sms', payload: thanks }, this.now());
    await this.store.markAnswersPublished(pending, this.now());
    return pending.length;
  }
}

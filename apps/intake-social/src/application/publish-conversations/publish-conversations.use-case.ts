import { ComplaintReceivedV1 } from '@complaints/contracts';
import { conversationComplaint } from '../../domain/social-complaint';
import { ConversationStore, ReceivedComplaintsPublisher } from '../receive-message/conversation.store';

export interface PublishSettings {
  quietWindowSeconds: number;
  batchSize: number;
  /** How long a claimed conversation is left to this run before another may retry it. */
  leaseMs: number;
}

/**
 * The relay: publishes each conversation that has gone quiet as one `complaints.received.v1`, under
 * the reference the customer was given. A conversation stays claimable until Kafka acknowledged it,
 * so nothing recorded is lost; the event id is fixed when the conversation opens, so a re-publish
 * after a crash carries the same event and complaint ids (downstream dedupes).
 */
export class PublishConversationsUseCase {
  constructor(
    private readonly store: ConversationStore,
    private readonly publisher: ReceivedComplaintsPublisher,
    private readonly settings: PublishSettings,
    private readonly source: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(): Promise<number> {
    const now = this.now();
    const cutoff = new Date(now.getTime() - this.settings.quietWindowSeconds * 1000);
    const closed = await this.store.claimClosed(cutoff, now, this.settings.batchSize, this.settings.leaseMs);
    if (closed.length === 0) return 0;
    const events = closed.map((conversation) =>
      Object.assign(new ComplaintReceivedV1(), {
        eventId: conversation.eventId,
        eventType: ComplaintReceivedV1.type,
        eventVersion: 1 as const,
        occurredAt: now.toISOString(),
        correlationId: conversation.correlationId,
        causationId: null,
        source: this.source,
        complaint: conversationComplaint(conversation, now),
      }),
    );
    await this.publisher.publishAll(events);
    await this.store.markPublished(closed.map((conversation) => conversation.complaintId), this.now());
    return closed.length;
  }
}

import { ComplaintReceivedV1, ContractViolation } from '@complaints/contracts';
import { conversationComplaint } from '../../domain/social-complaint';
import { ClosedConversation, ConversationStore, ReceivedComplaintsPublisher } from '../receive-message/conversation.store';

export interface PublishSettings {
  quietWindowSeconds: number;
  batchSize: number;
  /** How long a claimed conversation is left to this run before another may retry it. */
  leaseMs: number;
}

/** What one relay pass did: conversations published, set aside for good (their ids), or left queued after a failure. */
export interface PublishReport {
  published: number;
  rejected: string[];
  /** The failure that ended the pass early (Kafka unavailable): the conversations not yet published stay queued. */
  failure?: unknown;
}

/**
 * The relay: publishes each conversation that has gone quiet as one `complaints.received.v1`, under
 * the reference the customer was given, conversation by conversation, so one bad conversation never
 * holds back the others. A conversation stays claimable until Kafka acknowledged it, so nothing
 * recorded is lost; the event id is fixed when the conversation opens, so a re-publish after a crash
 * carries the same event and complaint ids (downstream dedupes). A conversation whose event breaks
 * its contract (it never will get better) is set aside as rejected, with the reason; a Kafka failure
 * ends the pass (the broker fails for every conversation alike) and the rest is retried later.
 */
export class PublishConversationsUseCase {
  constructor(
    private readonly store: ConversationStore,
    private readonly publisher: ReceivedComplaintsPublisher,
    private readonly settings: PublishSettings,
    private readonly source: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(): Promise<PublishReport> {
    const now = this.now();
    const cutoff = new Date(now.getTime() - this.settings.quietWindowSeconds * 1000);
    const closed = await this.store.claimClosed(cutoff, now, this.settings.batchSize, this.settings.leaseMs);
    const report: PublishReport = { published: 0, rejected: [] };
    for (const conversation of closed) {
      try {
        await this.publisher.publishAll([this.eventOf(conversation, now)]);
      } catch (error) {
        if (!(error instanceof ContractViolation)) return { ...report, failure: error };
        await this.store.markRejected(conversation.complaintId, error.message, this.now());
        report.rejected.push(conversation.complaintId);
        continue;
      }
      await this.store.markPublished([conversation.complaintId], this.now());
      report.published++;
    }
    return report;
  }

  private eventOf(conversation: ClosedConversation, now: Date): ComplaintReceivedV1 {
    return Object.assign(new ComplaintReceivedV1(), {
      eventId: conversation.eventId,
      eventType: ComplaintReceivedV1.type,
      eventVersion: 1 as const,
      occurredAt: now.toISOString(),
      correlationId: conversation.correlationId,
      causationId: null,
      source: this.source,
      complaint: conversationComplaint(conversation, now),
    });
  }
}

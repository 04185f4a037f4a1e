import { randomUUID } from 'node:crypto';
import { complaintIdFor, newReference } from '@complaints/contracts';
import { maskSensitiveNumbers } from '@complaints/security';
import { customerReplies } from '../../domain/customer-replies';
import { SocialMessage } from '../../domain/social-message';
import { ConversationStore, RecordedMessage, ReferenceTakenError } from './conversation.store';

const MAX_REFERENCE_ATTEMPTS = 5;

/**
 * Takes in one customer message on a social channel. Messages from one customer within the quiet
 * window form one conversation, i.e. one complaint: the first one reserves the reference, which the
 * customer gets at once; later ones are appended. Once the message is recorded (PostgreSQL) it is
 * acknowledged; the complaint is published when the conversation goes quiet (see
 * PublishConversationsUseCase). Card and ID numbers are masked before anything is stored.
 */
export class ReceiveMessageUseCase {
  constructor(
    private readonly store: ConversationStore,
    private readonly quietWindowSeconds: number,
    private readonly maxConversationSeconds: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(message: SocialMessage, correlationId: string): Promise<RecordedMessage> {
    const receivedAt = this.now();
    const masked: SocialMessage = { ...message, text: maskSensitiveNumbers(message.text) };
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.store.record({
          message: masked,
          receivedAt,
          correlationId,
          quietWindowMs: this.quietWindowSeconds * 1000,
          maxConversationMs: this.maxConversationSeconds * 1000,
          candidate: {
            complaintId: complaintIdFor(message.channel, message.account, message.messageId),
            reference: newReference(message.channel, receivedAt),
            eventId: randomUUID(),
          },
          replyFor: (outcome, reference) =>
            outcome === 'opened' ? customerReplies.opened(reference, this.quietWindowSeconds) : customerReplies.appended(reference),
        });
      } catch (error) {
        if (!(error instanceof ReferenceTakenError) || attempt >= MAX_REFERENCE_ATTEMPTS) throw error;
      }
    }
  }
}

import { randomUUID } from 'node:crypto';
import { complaintIdFor, customerResponseIdFor, newReference, parseSurveyReply, satisfactionResponse } from '@complaints/contracts';
import { maskSensitiveNumbers } from '@complaints/security';
import { customerReplies } from '../../domain/customer-replies';
import { SocialMessage, senderScopedMessageId } from '../../domain/social-message';
import { SurveyAnswersRelay } from '../track-surveys/survey.store';
import { ConversationStore, RecordedMessage, ReferenceTakenError, SurveyAnswer } from './conversation.store';

const MAX_REFERENCE_ATTEMPTS = 5;

/**
 * Takes in one customer message on a social channel. Messages from one customer within the quiet
 * window form one conversation, i.e. one complaint: the first one reserves the reference, which the
 * customer gets at once; later ones are appended. Once the message is recorded (PostgreSQL) it is
 * acknowledged; the complaint is published when the conversation goes quiet (see
 * PublishConversationsUseCase). Card and ID numbers are masked before anything is stored.
 *
 * A text that reads as a survey answer (满意, 不满意, 1-5...) from a customer whose survey is awaited
 * answers that survey instead: recorded with a `complaints.customer-responses.v1` in the outbox (event
 * id from the message id), the relay is kicked, and the customer thanked; without an awaited survey it
 * is a message like any other.
 */
export class ReceiveMessageUseCase {
  constructor(
    private readonly store: ConversationStore,
    private readonly answersRelay: SurveyAnswersRelay,
    private readonly quietWindowSeconds: number,
    private readonly maxConversationSeconds: number,
    private readonly source: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(message: SocialMessage, correlationId: string): Promise<RecordedMessage> {
    const receivedAt = this.now();
    const masked: SocialMessage = { ...message, text: maskSensitiveNumbers(message.text) };
    for (let attempt = 1; ; attempt++) {
      try {
        const recorded = await this.store.record({
          message: masked,
          receivedAt,
          correlationId,
          quietWindowMs: this.quietWindowSeconds * 1000,
          maxConversationMs: this.maxConversationSeconds * 1000,
          candidate: {
            complaintId: complaintIdFor(message.channel, message.account, senderScopedMessageId(message)),
            reference: newReference(message.channel, receivedAt),
            eventId: randomUUID(),
          },
          replyFor: (outcome, reference) =>
            outcome === 'opened' ? customerReplies.opened(reference, this.quietWindowSeconds) : customerReplies.appended(reference),
          surveyAnswer: this.surveyAnswer(message, receivedAt, correlationId),
        });
        if (recorded.outcome === 'survey-answered') this.answersRelay.kick();
        return recorded;
      } catch (error) {
        if (!(error instanceof ReferenceTakenError) || attempt >= MAX_REFERENCE_ATTEMPTS) throw error;
      }
    }
  }

  private surveyAnswer(message: SocialMessage, receivedAt: Date, correlationId: string): SurveyAnswer | undefined {
    const score = message.attachment?.kind === 'image' ? null : parseSurveyReply(message.text);
    if (score === null) return undefined;
    return {
      responseFor: (survey) =>
        satisfactionResponse({
          eventId: customerResponseIdFor(message.channel, senderScopedMessageId(message)),
          source: this.source,
          channel: message.channel,
          reference: survey.reference,
          complaintId: survey.complaintId,
          identity: message.channel === 'wechat' ? { openId: message.userId } : { uid: message.userId },
          score,
          correlationId,
          receivedAt,
        }),
      replyFor: (survey) => customerReplies.surveyAnswered(survey.reference, score),
    };
  }
}

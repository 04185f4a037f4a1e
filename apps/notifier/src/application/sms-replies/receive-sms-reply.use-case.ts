import { Channel, customerResponseIdFor, parseSurveyReply, satisfactionResponse } from '@complaints/contracts';
import type { SmsSurvey } from '../../domain/sms-survey';
import { surveyThanks } from '../../domain/survey-thanks';
import { PhoneFingerprints } from '../sms-surveys/phone-fingerprints';
import { AnswersRelay, RecordedReply, SmsSurveyStore, SurveyAnswer } from '../sms-surveys/sms-survey.store';

export interface SmsReplyCommand {
  /** The SMS gateway that delivered it (authenticated by its signature). */
  gatewayId: string;
  /** The gateway's id of the message: a redelivery carries the same. */
  messageId: string;
  /** The sender's number, valid (checked at the edge). */
  from: string;
  text: string;
  receivedAt: Date;
  correlationId: string;
}

/** The sender number is not a phone number. */
export class InvalidSenderError extends Error {}

/**
 * Takes an SMS a customer sent us (a mobile-originated message the gateway delivers): a reply such
 * as 满意, 不满意 or 1-5 (parseSurveyReply) answers the most recent survey texted to that phone and
 * still open when the gateway received it; the answer goes out as `complaints.customer-responses.v1`
 * (event id from the gateway's message id) through the outbox, and the customer is thanked by SMS.
 * Anything else is recorded and answered, not published. A redelivered message gets its first outcome again.
 */
export class ReceiveSmsReplyUseCase {
  constructor(
    private readonly store: SmsSurveyStore,
    private readonly relay: AnswersRelay,
    private readonly fingerprints: PhoneFingerprints,
    private readonly source: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(command: SmsReplyCommand): Promise<RecordedReply> {
    const phoneFingerprint = this.fingerprints.ofNumber(command.from);
    if (!phoneFingerprint) throw new InvalidSenderError('the sender is not a valid phone number');
    const score = parseSurveyReply(command.text);
    const { gatewayId, messageId, receivedAt } = command;
    const recorded = await this.store.recordReply(
      { gatewayId, messageId, phoneFingerprint, receivedAt, score },
      (survey) => this.answer(command, survey, score!),
      this.now(),
    );
    if (recorded.outcome === 'survey-answered') this.relay.kick();
    return recorded;
  }

  private answer(command: SmsReplyCommand, survey: SmsSurvey, score: number): SurveyAnswer {
    const channel = survey.channel as Channel;
    const response = satisfactionResponse({
      eventId: customerResponseIdFor(channel, `sms:${command.gatewayId}:${command.messageId}`),
      source: this.source,
      channel,
      reference: survey.reference,
      complaintId: survey.complaintId,
      score,
      correlationId: command.correlationId,
      receivedAt: command.receivedAt,
    });
    const thanks = surveyThanks(survey.language, survey.reference, score);
    return {
      response,
      thanks: {
        route: 'sms',
        recipient: survey.recipient,
        language: survey.language,
        reference: survey.reference,
        complaintId: survey.complaintId,
        eventType: response.eventType,
        eventId: response.eventId,
        ...thanks,
      },
    };
  }
}

import type { CustomerResponseV1 } from '@complaints/contracts';
import type { Notification } from '../../domain/notification';
import type { SmsSurvey, SmsSurveyChange } from '../../domain/sms-survey';
import {
  InboundSms,
  RecordedReply,
  SmsReplyOutcome,
  SmsStoreUnavailableError,
  SmsSurveyChangeResult,
  SmsSurveyStore,
  SurveyAnswer,
} from '../sms-surveys/sms-survey.store';

interface KeptSurvey extends SmsSurvey {
  phoneFingerprint: string;
  status: 'outstanding' | 'answered' | 'ended';
  sentAt: Date;
  expiresAt: Date;
  changedAt: Date;
}

interface KeptReply {
  outcome: SmsReplyOutcome;
  reference: string | null;
  score: number | null;
  recordedAt: Date;
}

interface Tables {
  surveys: Map<string, KeptSurvey>;
  replies: Map<string, KeptReply>;
  /** Responses for Kafka, not yet relayed. */
  outbox: CustomerResponseV1[];
  /** Thank-you texts recorded for delivery. */
  deliveries: Notification[];
}

/** The SMS surveys and replies in memory; recording a reply is one transaction (all of it, or none). */
export class InMemorySmsSurveyStore extends SmsSurveyStore {
  tables: Tables = { surveys: new Map(), replies: new Map(), outbox: [], deliveries: [] };
  /** When set, every call fails as a database that does not answer would. */
  unavailable: Error | null = null;

  async apply(phoneFingerprint: string, change: SmsSurveyChange): Promise<SmsSurveyChangeResult> {
    await this.check();
    const key = `${phoneFingerprint}|${change.reference}`;
    const kept = this.tables.surveys.get(key);
    const { kind, at, ...survey } = change;
    if (kind === 'sent') {
      if (kept && (kept.changedAt >= at || kept.status === 'answered')) return 'stale';
      const { expiresAt, ...rest } = survey as typeof survey & { expiresAt: Date };
      this.tables.surveys.set(key, { ...rest, phoneFingerprint, status: 'outstanding', sentAt: at, expiresAt, changedAt: at });
      return 'applied';
    }
    if (!kept || kept.status !== 'outstanding' || kept.changedAt > at) return 'stale';
    Object.assign(kept, { status: 'ended', changedAt: at });
    return 'applied';
  }

  async recordReply(reply: InboundSms, answer: (survey: SmsSurvey) => SurveyAnswer, now: Date): Promise<RecordedReply> {
    try {
      await this.check();
      const draft = structuredClone(this.tables);
      const recorded = this.recordIn(draft, reply, answer, now);
      this.tables = draft;
      return recorded;
    } catch (error) {
      throw new SmsStoreUnavailableError(error instanceof Error ? error.message : String(error));
    }
  }

  async purgeExpired(now: Date): Promise<number> {
    await this.check();
    const expired = [...this.tables.surveys].filter(([, s]) => s.expiresAt <= now);
    for (const [key] of expired) this.tables.surveys.delete(key);
    return expired.length;
  }

  async purgeRepliesRecordedBefore(before: Date): Promise<number> {
    await this.check();
    const old = [...this.tables.replies].filter(([, r]) => r.recordedAt <= before);
    for (const [key] of old) this.tables.replies.delete(key);
    return old.length;
  }

  private recordIn(tables: Tables, reply: InboundSms, answer: (survey: SmsSurvey) => SurveyAnswer, now: Date): RecordedReply {
    const replyKey = `${reply.gatewayId}|${reply.messageId}`;
    const earlier = tables.replies.get(replyKey);
    if (earlier) return recordedReply(earlier.outcome, earlier.reference, earlier.score);
    const survey =
      reply.score === null
        ? undefined
        : [...tables.surveys.values()]
            .filter((s) => s.phoneFingerprint === reply.phoneFingerprint && s.status === 'outstanding' && s.expiresAt > reply.receivedAt)
            .sort((a, b) => b.sentAt.getTime() - a.sentAt.getTime())[0];
    if (reply.score === null || !survey) {
      const outcome: SmsReplyOutcome = reply.score === null ? 'not-an-answer' : 'no-survey';
      tables.replies.set(replyKey, { outcome, reference: null, score: reply.score, recordedAt: now });
      return { outcome };
    }
    Object.assign(survey, { status: 'answered', changedAt: reply.receivedAt });
    const { reference, complaintId, channel, language, recipient } = survey;
    const { response, thanks } = answer({ reference, complaintId, channel, language, recipient });
    tables.replies.set(replyKey, { outcome: 'survey-answered', reference, score: reply.score, recordedAt: now });
    tables.outbox.push(response);
    tables.deliveries.push(thanks);
    return recordedReply('survey-answered', reference, reply.score);
  }

  private async check(): Promise<void> {
    await Promise.resolve();
    if (this.unavailable) throw this.unavailable;
  }
}

function recordedReply(outcome: SmsReplyOutcome, reference: string | null, score: number | null): RecordedReply {
  return outcome === 'survey-answered' ? { outcome, reference: reference!, score: score! } : { outcome };
}

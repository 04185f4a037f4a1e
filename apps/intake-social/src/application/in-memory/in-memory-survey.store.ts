import type { OutstandingSurvey, SurveyChange } from '../../domain/outstanding-survey';
import { SurveyChangeResult, SurveyStore } from '../track-surveys/survey.store';

export interface StoredSurvey extends OutstandingSurvey {
  account: string;
  status: 'outstanding' | 'answered' | 'ended';
  sentAt: Date;
  expiresAt: Date;
  changedAt: Date;
  answeredMessageId: string | null;
}

/**
 * The surveys awaiting social customers' answers, in memory, one per channel, customer and case:
 * ordered by the time of their changes, an answered survey stays answered.
 */
export class InMemorySurveyStore extends SurveyStore {
  readonly surveys = new Map<string, StoredSurvey>();

  async apply(change: SurveyChange): Promise<SurveyChangeResult> {
    await Promise.resolve();
    const key = keyOf(change);
    const existing = this.surveys.get(key);
    if (change.kind === 'sent') {
      if (existing && (existing.changedAt >= change.at || existing.status === 'answered')) return 'stale';
      const { channel, userId, reference, complaintId, account, at, expiresAt } = change;
      const survey: StoredSurvey = {
        channel,
        userId,
        reference,
        complaintId,
        account,
        status: 'outstanding',
        sentAt: at,
        expiresAt,
        changedAt: at,
        answeredMessageId: null,
      };
      this.surveys.set(key, survey);
      return 'applied';
    }
    if (!existing || existing.status !== 'outstanding' || existing.changedAt > change.at) return 'stale';
    this.surveys.set(key, { ...existing, status: 'ended', changedAt: change.at });
    return 'applied';
  }

  async purgeExpired(now: Date): Promise<number> {
    await Promise.resolve();
    const expired = [...this.surveys].filter(([, survey]) => survey.expiresAt <= now);
    for (const [key] of expired) this.surveys.delete(key);
    return expired.length;
  }

  /** The latest survey of the customer still awaiting an answer at `at` (what a message may answer). */
  awaitedFrom(channel: string, userId: string, at: Date): StoredSurvey | null {
    const awaited = [...this.surveys.values()]
      .filter((s) => s.channel === channel && s.userId === userId && s.status === 'outstanding' && s.expiresAt > at)
      .sort((a, b) => b.sentAt.getTime() - a.sentAt.getTime());
    return awaited[0] ?? null;
  }

  /** Closes a survey with the message that answered it. */
  answered(survey: OutstandingSurvey, messageId: string, at: Date): void {
    const key = keyOf(survey);
    this.surveys.set(key, { ...this.surveys.get(key)!, status: 'answered', changedAt: at, answeredMessageId: messageId });
  }
}

function keyOf(survey: OutstandingSurvey): string {
  return `${survey.channel}|${survey.userId}|${survey.reference}`;
}

import { ConversationStore, PendingReply } from '../receive-message/conversation.store';

/** Port: sends a reply through the channel's API (Weibo comments, the Wechaty bot). */
export abstract class ReplySender {
  abstract canSend(reply: PendingReply): boolean;
  abstract send(reply: PendingReply): Promise<void>;
}

export interface ReplySettings {
  maxAttempts: number;
  baseDelayMs: number;
  batchSize: number;
  leaseMs: number;
}

/**
 * Sends the queued replies (those that cannot be given in an HTTP response): retried with
 * exponential back-off, then given up ("dead") after `maxAttempts`, with the last error kept.
 */
export class SendRepliesUseCase {
  constructor(
    private readonly store: ConversationStore,
    private readonly senders: readonly ReplySender[],
    private readonly settings: ReplySettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(): Promise<{ sent: number; retrying: number; dead: number }> {
    const report = { sent: 0, retrying: 0, dead: 0 };
    const due = await this.store.claimPendingReplies(this.now(), this.settings.batchSize, this.settings.leaseMs);
    for (const reply of due) {
      const sender = this.senders.find((candidate) => candidate.canSend(reply));
      try {
        if (!sender) throw new Error(`no sender for ${reply.target.kind} replies is configured`);
        await sender.send(reply);
        await this.store.markReplied(reply, this.now());
        report.sent++;
      } catch (error) {
        const attempts = reply.attempts + 1;
        const dead = attempts >= this.settings.maxAttempts;
        const delay = this.settings.baseDelayMs * 2 ** (attempts - 1);
        await this.store.scheduleReplyRetry(
          reply,
          new Date(this.now().getTime() + delay),
          error instanceof Error ? error.message : String(error),
          dead,
        );
        report[dead ? 'dead' : 'retrying']++;
      }
    }
    return report;
  }
}

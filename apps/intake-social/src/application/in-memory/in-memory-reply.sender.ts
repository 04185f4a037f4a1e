import { PendingReply } from '../receive-message/conversation.store';
import { ReplySender } from '../send-replies/send-replies.use-case';
import type { ReplyTarget } from '../../domain/social-message';

/** A channel's reply API in memory: sends the replies of its target kinds, keeps what went out; `failing` makes it refuse. */
export class InMemoryReplySender extends ReplySender {
  readonly sent: PendingReply[] = [];
  failing: Error | null = null;

  constructor(private readonly kinds: ReadonlyArray<ReplyTarget['kind']>) {
    super();
  }

  canSend(reply: PendingReply): boolean {
    return this.kinds.includes(reply.target.kind);
  }

  async send(reply: PendingReply): Promise<void> {
    await Promise.resolve();
    if (this.failing) throw this.failing;
    this.sent.push(reply);
  }
}

import { SocialMessage } from '../../domain/social-message';
import { ReceiveMessageUseCase } from '../receive-message/receive-message.use-case';
import { PollCursorStore, WeiboApi, WeiboStream } from './weibo.api';

export const WEIBO_STREAMS: readonly WeiboStream[] = ['mentions', 'comments'];

/**
 * Polls the Weibo API for @mentions and comments to the bank's account. Each post is taken in as a
 * customer message (idempotent by post id) before the stream's cursor moves past it, so a crash in
 * between re-reads the post and dedupes it rather than missing it. The reply (with the reference)
 * is queued with the message and sent by SendRepliesUseCase.
 */
export class PollWeiboUseCase {
  constructor(
    private readonly api: WeiboApi,
    private readonly cursors: PollCursorStore,
    private readonly receive: ReceiveMessageUseCase,
    private readonly account: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(correlationId: string): Promise<Record<WeiboStream, number>> {
    const taken = { mentions: 0, comments: 0 };
    for (const stream of WEIBO_STREAMS) {
      const since = await this.cursors.get(stream);
      const posts = await this.api.fetch(stream, since);
      const ordered = [...posts].sort((a, b) => compareIds(a.id, b.id)).filter((post) => since === null || compareIds(post.id, since) > 0);
      for (const post of ordered) {
        const outcome = await this.receive.execute(this.toMessage(stream, post), correlationId);
        if (outcome.outcome !== 'duplicate') taken[stream]++;
        await this.cursors.advance(stream, post.id, this.now());
      }
    }
    return taken;
  }

  private toMessage(
    stream: WeiboStream,
    post: { id: string; text: string; createdAt: Date; userId: string; statusId?: string },
  ): SocialMessage {
    return {
      channel: 'weibo',
      account: this.account,
      userId: post.userId,
      messageId: `${stream === 'mentions' ? 'status' : 'comment'}:${post.id}`,
      text: post.text,
      sentAt: post.createdAt,
      via: stream === 'mentions' ? 'mention' : 'comment',
      replyTarget:
        stream === 'mentions'
          ? { kind: 'weibo-status', statusId: post.id }
          : { kind: 'weibo-comment', commentId: post.id, statusId: post.statusId ?? '' },
    };
  }
}

/** Numeric order of decimal id strings of any length. */
export function compareIds(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}

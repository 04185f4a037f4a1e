import { compareIds } from '../poll-weibo/poll-weibo.use-case';
import { WeiboApi, WeiboPost, WeiboStream } from '../poll-weibo/weibo.api';

/**
 * The bank's Weibo account in memory: the posts of each stream (answered newest first, as Weibo's API
 * pages them), and the comments and replies the bank made; `failing` makes every call fail.
 */
export class InMemoryWeiboApi extends WeiboApi {
  readonly posts: Record<WeiboStream, WeiboPost[]> = { mentions: [], comments: [] };
  readonly sent: Array<{ kind: 'status-comment' | 'comment-reply'; statusId: string; commentId?: string; text: string }> = [];
  failing: Error | null = null;

  async fetch(stream: WeiboStream, sinceId: string | null): Promise<WeiboPost[]> {
    await this.check();
    return this.posts[stream]
      .filter((post) => sinceId === null || compareIds(post.id, sinceId) > 0)
      .sort((a, b) => compareIds(b.id, a.id))
      .map((post) => ({ ...post }));
  }

  async commentOnStatus(statusId: string, text: string): Promise<void> {
    await this.check();
    this.sent.push({ kind: 'status-comment', statusId, text });
  }

  async replyToComment(commentId: string, statusId: string, text: string): Promise<void> {
    await this.check();
    this.sent.push({ kind: 'comment-reply', statusId, commentId, text });
  }

  private async check(): Promise<void> {
    await Promise.resolve();
    if (this.failing) throw this.failing;
  }
}

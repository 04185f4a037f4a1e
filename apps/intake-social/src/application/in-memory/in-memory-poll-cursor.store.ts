import { compareIds } from '../poll-weibo/poll-weibo.use-case';
import { PollCursorStore, WeiboStream } from '../poll-weibo/weibo.api';

/** Each Weibo stream's cursor in memory; it only ever moves forward. */
export class InMemoryPollCursorStore extends PollCursorStore {
  readonly cursors = new Map<WeiboStream, string>();

  async get(stream: WeiboStream): Promise<string | null> {
    await Promise.resolve();
    return this.cursors.get(stream) ?? null;
  }

  async advance(stream: WeiboStream, sinceId: string): Promise<void> {
    await Promise.resolve();
    const current = this.cursors.get(stream);
    if (current === undefined || compareIds(sinceId, current) > 0) this.cursors.set(stream, sinceId);
  }
}

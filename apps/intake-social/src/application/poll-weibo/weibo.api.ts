/** A public post or comment addressed to the bank's Weibo account. */
export interface WeiboPost {
  /** Weibo ids are 64-bit: kept as decimal strings (`idstr`). */
  id: string;
  text: string;
  createdAt: Date;
  userId: string;
  /** For a comment: the status it was made on. */
  statusId?: string;
}

export type WeiboStream = 'mentions' | 'comments';

/** Port: the Weibo open API calls the poller and the replies use. */
export abstract class WeiboApi {
  /** Posts of the stream newer than `sinceId` (all of them, oldest first). */
  abstract fetch(stream: WeiboStream, sinceId: string | null): Promise<WeiboPost[]>;
  /** Comments on a status that mentioned the bank. */
  abstract commentOnStatus(statusId: string, text: string): Promise<void>;
  /** Replies to a comment made on one of the bank's statuses. */
  abstract replyToComment(commentId: string, statusId: string, text: string): Promise<void>;
}

/** Port: where each stream's `since_id` is kept between runs (PostgreSQL), so restarts neither miss nor repeat. */
export abstract class PollCursorStore {
  abstract get(stream: WeiboStream): Promise<string | null>;
  /** Moves the cursor forward (never back). */
  abstract advance(stream: WeiboStream, sinceId: string, now: Date): Promise<void>;
}

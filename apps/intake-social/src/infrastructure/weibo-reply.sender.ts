import { PendingReply } from '../application/receive-message/conversation.store';
import { ReplySender } from '../application/send-replies/send-replies.use-case';
import { WeiboApi } from '../application/poll-weibo/weibo.api';

/** Replies to @mentions (a comment on the status) and to comments (a reply to the comment) through the Weibo API. */
export class WeiboReplySender extends ReplySender {
  constructor(private readonly api: WeiboApi) {
    super();
  }

  canSend(reply: PendingReply): boolean {
    return reply.target.kind === 'weibo-status' || reply.target.kind === 'weibo-comment';
  }

  async send(reply: PendingReply): Promise<void> {
    const target = reply.target;
    if (target.kind === 'weibo-status') await this.api.commentOnStatus(target.statusId, reply.text);
    else if (target.kind === 'weibo-comment') await this.api.replyToComment(target.commentId, target.statusId, reply.text);
  }
}

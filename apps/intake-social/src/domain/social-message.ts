/** The channels this service takes complaints from. */
export type SocialChannel = 'wechat' | 'weibo';

/** Evidence the customer sent that is not text: kept by reference (the platform's media id / URL). */
export interface AttachmentReference {
  kind: 'image' | 'voice';
  mediaId?: string;
  url?: string;
}

/** Where a reply to the message must go when it cannot be answered in the HTTP response. */
export type ReplyTarget =
  | { kind: 'weibo-status'; statusId: string }
  | { kind: 'weibo-comment'; statusId: string; commentId: string }
  | { kind: 'wechaty'; talkerId: string; roomId?: string };

/** One message from a customer on a social channel, whatever the transport. */
export interface SocialMessage {
  channel: SocialChannel;
  /** Our account on the channel (WeChat app id, Weibo uid, bot id). */
  account: string;
  /** The customer's identity on the channel (openId, Weibo uid, WeChat contact id): their contact there. */
  userId: string;
  /** The channel's id of the message: the dedupe key. */
  messageId: string;
  /** What the customer said (already masked by the use case before it is stored). */
  text: string;
  attachment?: AttachmentReference;
  sentAt: Date;
  /** How the message arrived, kept as provenance (`official-account`, `fan-service`, `mention`, `comment`, `bot`). */
  via: string;
  replyTarget?: ReplyTarget;
}

/**
 * What identifies a message on its channel: its sender and the channel's message id together (a WeChat
 * MsgId is not unique across customers). The ids derived from a message (complaint, survey response)
 * are derived from this, so another customer's message id never names this customer's complaint.
 */
export function senderScopedMessageId(message: Pick<SocialMessage, 'userId' | 'messageId'>): string {
  return `${message.userId}|${message.messageId}`;
}

/** A message as stored in a conversation. */
export interface Fragment {
  messageId: string;
  text: string;
  attachment?: AttachmentReference;
  sentAt: Date;
  via: string;
}

import { truncateText } from '@complaints/contracts';
import { SocialMessage } from './social-message';

/** What the bot learned about one chat message (from the Wechaty message object). */
export interface BotChatMessage {
  botId: string;
  messageId: string;
  talkerId: string;
  roomId?: string;
  /** For room messages: whether the bot was @-mentioned. */
  mentionsBot: boolean;
  /** The text without the @mentions. */
  text: string;
  sentAt: Date;
}

/**
 * Which chat messages are complaints: every direct message to the bot, and room messages that
 * @-mention it (other room chatter is not addressed to the bank). The talker's contact id is the
 * customer's identity on the channel; the reply goes back to the same chat.
 */
export function botComplaintMessage(chat: BotChatMessage): SocialMessage | undefined {
  if (chat.talkerId === chat.botId) return undefined;
  if (chat.roomId && !chat.mentionsBot) return undefined;
  const text = chat.text.trim();
  if (!text) return undefined;
  return {
    channel: 'wechat',
    account: truncateText(`wechaty:${chat.botId}`, 64),
    userId: chat.talkerId,
    messageId: chat.messageId,
    text,
    sentAt: chat.sentAt,
    via: chat.roomId ? 'bot-room' : 'bot-direct',
    replyTarget: { kind: 'wechaty', talkerId: chat.talkerId, ...(chat.roomId ? { roomId: chat.roomId } : {}) },
  };
}

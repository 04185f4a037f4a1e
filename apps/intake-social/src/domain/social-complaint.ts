import { detectLanguage } from '@complaints/classification';
import { ComplaintV1 } from '@complaints/contracts';
import { Fragment, SocialChannel } from './social-message';

/** A conversation: the messages one customer sent within the quiet window, under one reference. */
export interface Conversation {
  complaintId: string;
  reference: string;
  channel: SocialChannel;
  account: string;
  userId: string;
  openedAt: Date;
  fragments: Fragment[];
}

const MAX_TEXT_LENGTH = 20_000;
const MAX_EXTRA_LENGTH = 1_000;

/**
 * The canonical complaint of a conversation: its text is the customer's messages in order (already
 * masked), each also a transcript turn; attachments (images, voice) travel as references in
 * `context.extra` because the intake does not download the media; the channel identity (openId or
 * Weibo uid) is the customer's contact. The complaint counts as received when the first message was.
 */
export function conversationComplaint(conversation: Conversation, receivedAt: Date): ComplaintV1 {
  const fragments = [...conversation.fragments].sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime());
  if (fragments.length === 0) throw new Error(`conversation ${conversation.complaintId} has no messages`);
  const first = fragments[0];
  const text = fragments.map((fragment) => fragment.text).join('\n').slice(0, MAX_TEXT_LENGTH);
  const extra: Record<string, string> = {
    via: [...new Set(fragments.map((fragment) => fragment.via))].join(','),
    messageCount: String(fragments.length),
    messageIds: fragments.map((fragment) => fragment.messageId).join(',').slice(0, MAX_EXTRA_LENGTH),
  };
  fragments
    .filter((fragment) => fragment.attachment)
    .forEach((fragment, index) => {
      const { kind, mediaId, url } = fragment.attachment!;
      extra[`attachment${index + 1}`] = [kind, mediaId && `mediaId=${mediaId}`, url && `url=${url}`].filter(Boolean).join(' ').slice(0, MAX_EXTRA_LENGTH);
    });

  return Object.assign(new ComplaintV1(), {
    complaintId: conversation.complaintId,
    reference: conversation.reference,
    channel: conversation.channel,
    receivedAt: conversation.openedAt.toISOString(),
    source: { system: conversation.account.slice(0, 64), messageId: first.messageId, receivedAt: receivedAt.toISOString() },
    // The platform delivered the sender's openId / uid on a signed callback: a verified identity.
    customer: conversation.channel === 'wechat'
      ? { contact: { openId: conversation.userId }, verifiedIdentities: ['openId' as const] }
      : { contact: { uid: conversation.userId }, verifiedIdentities: ['uid' as const] },
    content: {
      text,
      language: detectLanguage(text),
      transcript: fragments.map((fragment) => ({
        speaker: 'customer' as const,
        text: fragment.text,
        offsetMs: Math.max(0, fragment.sentAt.getTime() - first.sentAt.getTime()),
      })),
    },
    context: { extra },
  });
}

import { detectLanguage } from '@complaints/classification';
import { ComplaintV1, truncateText } from '@complaints/contracts';
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

/** The contract's limits (code points, as `@MaxLength` counts them). */
const MAX_TEXT_LENGTH = 20_000;
const MAX_TURNS = 2_000;
const MAX_EXTRA_LENGTH = 1_000;
const MAX_SYSTEM_LENGTH = 64;
const MAX_MESSAGE_ID_LENGTH = 256;
/** All transcript turns together: keeps the event far below Kafka's 1 MB message limit. */
const MAX_TRANSCRIPT_LENGTH = 60_000;

/**
 * The canonical complaint of a conversation: its text is the customer's messages in order (already
 * masked), each also a transcript turn; attachments (images, voice) travel as references in
 * `context.extra` because the intake does not download the media; the channel identity (openId or
 * Weibo uid) is the customer's contact. The complaint counts as received when the first message was.
 *
 * Whatever the customer sent, the complaint fits its contract: the text, each transcript turn and the
 * transcript as a whole are cut at code-point boundaries (never inside an emoji) to the contract's
 * limits, and `context.extra.truncated` says so when anything was cut.
 */
export function conversationComplaint(conversation: Conversation, receivedAt: Date): ComplaintV1 {
  const fragments = [...conversation.fragments].sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime());
  if (fragments.length === 0) throw new Error(`conversation ${conversation.complaintId} has no messages`);
  const first = fragments[0];
  const joined = fragments.map((fragment) => fragment.text).join('\n');
  const text = truncateText(joined, MAX_TEXT_LENGTH);
  const transcript = transcriptOf(fragments, first.sentAt);
  const extra: Record<string, string> = {
    via: truncateText([...new Set(fragments.map((fragment) => fragment.via))].join(','), MAX_EXTRA_LENGTH),
    messageCount: String(fragments.length),
    messageIds: truncateText(fragments.map((fragment) => fragment.messageId).join(','), MAX_EXTRA_LENGTH),
  };
  if (text !== joined || transcript.truncated) extra.truncated = 'true';
  fragments
    .filter((fragment) => fragment.attachment)
    .forEach((fragment, index) => {
      const { kind, mediaId, url } = fragment.attachment!;
      extra[`attachment${index + 1}`] = truncateText(
        [kind, mediaId && `mediaId=${mediaId}`, url && `url=${url}`].filter(Boolean).join(' '),
        MAX_EXTRA_LENGTH,
      );
    });

  return Object.assign(new ComplaintV1(), {
    complaintId: conversation.complaintId,
    reference: conversation.reference,
    channel: conversation.channel,
    receivedAt: conversation.openedAt.toISOString(),
    source: {
      system: truncateText(conversation.account, MAX_SYSTEM_LENGTH),
      messageId: truncateText(first.messageId, MAX_MESSAGE_ID_LENGTH),
      receivedAt: receivedAt.toISOString(),
    },
    // The platform delivered the sender's openId / uid on a signed callback: a verified identity.
    customer:
      conversation.channel === 'wechat'
        ? { contact: { openId: conversation.userId }, verifiedIdentities: ['openId' as const] }
        : { contact: { uid: conversation.userId }, verifiedIdentities: ['uid' as const] },
    content: {
      text,
      language: detectLanguage(text),
      transcript: transcript.turns,
    },
    context: { extra },
  });
}

/** One customer turn per message, in order, within the contract's limits (see conversationComplaint). */
function transcriptOf(
  fragments: Fragment[],
  start: Date,
): { turns: { speaker: 'customer'; text: string; offsetMs: number }[]; truncated: boolean } {
  const turns: { speaker: 'customer'; text: string; offsetMs: number }[] = [];
  let budget = MAX_TRANSCRIPT_LENGTH;
  let truncated = false;
  for (const fragment of fragments) {
    if (turns.length === MAX_TURNS || budget === 0) {
      truncated = true;
      break;
    }
    const text = truncateText(fragment.text, Math.min(MAX_TEXT_LENGTH, budget));
    if (text !== fragment.text) truncated = true;
    budget -= Array.from(text).length;
    turns.push({ speaker: 'customer', text, offsetMs: Math.max(0, fragment.sentAt.getTime() - start.getTime()) });
  }
  return { turns, truncated };
}

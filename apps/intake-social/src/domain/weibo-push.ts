import { createHash } from 'node:crypto';
import { SocialMessage } from './social-message';

export type WeiboInbound =
  | { kind: 'message'; message: SocialMessage; senderId: string; receiverId: string }
  | { kind: 'follow'; senderId: string; receiverId: string }
  | { kind: 'ignored'; senderId: string; receiverId: string }
  | { kind: 'invalid'; errors: Array<{ field: string; message: string }> };

const FIELDS = ['type', 'receiver_id', 'sender_id', 'created_at', 'text', 'data'];
const UID = /^\d{1,20}$/;

/**
 * Reads a Weibo fan-service push `{type, receiver_id, sender_id, created_at, text, data}`. Text and
 * voice (its text) become customer messages, images are kept as evidence (the `data` media id),
 * follow events are answered with how to complain, other events ignored. Pushes carry no message id:
 * the dedupe key is a hash of sender, time, type and content, so a re-delivered push is recognised.
 */
export function readWeiboPush(body: unknown): WeiboInbound {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return invalid('body', 'body must be a JSON object');
  const push = body as Record<string, unknown>;
  const errors: Array<{ field: string; message: string }> = [];
  for (const key of Object.keys(push)) if (!FIELDS.includes(key)) errors.push({ field: key, message: `property ${key} should not exist` });
  const senderId = idString(push.sender_id);
  const receiverId = idString(push.receiver_id);
  if (!senderId) errors.push({ field: 'sender_id', message: 'sender_id must be a Weibo uid' });
  if (!receiverId) errors.push({ field: 'receiver_id', message: 'receiver_id must be a Weibo uid' });
  if (typeof push.type !== 'string' || !push.type) errors.push({ field: 'type', message: 'type must be a string' });
  const createdAt = typeof push.created_at === 'string' ? new Date(push.created_at) : undefined;
  if (!createdAt || Number.isNaN(createdAt.getTime())) errors.push({ field: 'created_at', message: 'created_at must be a date' });
  if (push.text !== undefined && typeof push.text !== 'string') errors.push({ field: 'text', message: 'text must be a string' });
  const data = push.data === undefined || push.data === '' ? {} : push.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) errors.push({ field: 'data', message: 'data must be an object' });
  if (errors.length > 0) return { kind: 'invalid', errors };

  const ids = { senderId: senderId!, receiverId: receiverId! };
  const fields = data as Record<string, unknown>;
  const text = typeof push.text === 'string' ? push.text.trim() : '';
  const messageId = `push:${createHash('sha256')
    .update(JSON.stringify([senderId, push.created_at, push.type, text, fields]))
    .digest('hex')
    .slice(0, 40)}`;
  const base = { channel: 'weibo' as const, account: receiverId!, userId: senderId!, messageId, sentAt: createdAt!, via: 'fan-service' };
  switch (push.type) {
    case 'text':
    case 'mention':
      return text ? { kind: 'message', ...ids, message: { ...base, text } } : invalid('text', 'text must not be empty');
    case 'voice':
    case 'image': {
      const mediaId = idString(fields.vfid ?? fields.tovfid ?? fields.id);
      if (!text && !mediaId) return invalid('data', `a ${push.type} push needs its media id in data`);
      const kind = push.type;
      return {
        kind: 'message',
        ...ids,
        message: {
          ...base,
          text: kind === 'voice' && text ? text : kind === 'voice' ? '[语音消息]' : '[图片]',
          ...(mediaId ? { attachment: { kind, mediaId } } : {}),
        },
      };
    }
    case 'event':
      return ['follow', 'subscribe'].includes(String(fields.subtype)) ? { kind: 'follow', ...ids } : { kind: 'ignored', ...ids };
    default:
      return { kind: 'ignored', ...ids };
  }
}

/** The JSON a fan-service push is answered with: a text message back to the sender. */
export function weiboTextReply(senderId: string, receiverId: string, text: string): Record<string, unknown> {
  return { result: true, receiver_id: senderId, sender_id: receiverId, type: 'text', data: encodeURIComponent(JSON.stringify({ text })) };
}

function idString(value: unknown): string | undefined {
  const id = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  return typeof id === 'string' && UID.test(id) ? id : undefined;
}

function invalid(field: string, message: string): WeiboInbound {
  return { kind: 'invalid', errors: [{ field, message }] };
}

import { AttachmentReference, SocialMessage } from './social-message';

/** An official-account push, as read from its XML (every field a string). */
export type WechatXmlFields = Record<string, unknown>;

export type WechatInbound =
  | { kind: 'message'; message: SocialMessage }
  | { kind: 'subscribe'; fromUser: string; toUser: string }
  | { kind: 'ignored'; fromUser: string; toUser: string }
  | { kind: 'unsupported'; fromUser: string; toUser: string }
  | { kind: 'invalid'; errors: Array<{ field: string; message: string }> };

const OPEN_ID = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * Reads a WeChat official-account message: text, voice (the `Recognition` text WeChat's speech
 * recognition provides) and image (kept as evidence by MediaId/PicUrl) become complaint messages;
 * `subscribe` is answered with how to complain; other events are acknowledged and ignored.
 */
export function readWechatMessage(fields: WechatXmlFields, appId: string): WechatInbound {
  const field = (name: string) => (typeof fields[name] === 'string' ? fields[name] : undefined);
  const fromUser = field('FromUserName');
  const toUser = field('ToUserName');
  const type = field('MsgType');
  const errors: Array<{ field: string; message: string }> = [];
  if (!fromUser || !OPEN_ID.test(fromUser)) errors.push({ field: 'FromUserName', message: 'FromUserName must be an openId' });
  if (!toUser) errors.push({ field: 'ToUserName', message: 'ToUserName is required' });
  if (!type) errors.push({ field: 'MsgType', message: 'MsgType is required' });
  const createTime = field('CreateTime');
  if (!createTime || !/^\d{1,12}$/.test(createTime)) errors.push({ field: 'CreateTime', message: 'CreateTime must be unix seconds' });
  if (errors.length > 0) return { kind: 'invalid', errors };

  if (type === 'event') {
    const event = field('Event')?.toLowerCase();
    return event === 'subscribe'
      ? { kind: 'subscribe', fromUser: fromUser!, toUser: toUser! }
      : { kind: 'ignored', fromUser: fromUser!, toUser: toUser! };
  }
  const content = readContent(type!, field);
  if (!content) return { kind: 'unsupported', fromUser: fromUser!, toUser: toUser! };
  const msgId = field('MsgId');
  if (!msgId || !/^\d{1,32}$/.test(msgId)) return { kind: 'invalid', errors: [{ field: 'MsgId', message: 'MsgId must be a number' }] };
  if ('error' in content) return { kind: 'invalid', errors: [content.error] };
  return {
    kind: 'message',
    message: {
      channel: 'wechat',
      account: appId,
      userId: fromUser!,
      messageId: msgId,
      text: content.text,
      ...(content.attachment ? { attachment: content.attachment } : {}),
      sentAt: new Date(Number(createTime) * 1000),
      via: 'official-account',
    },
  };
}

type Content = { text: string; attachment?: AttachmentReference } | { error: { field: string; message: string } };

function readContent(type: string, field: (name: string) => string | undefined): Content | undefined {
  switch (type) {
    case 'text': {
      const text = field('Content')?.trim();
      return text ? { text } : { error: { field: 'Content', message: 'Content must not be empty' } };
    }
    case 'voice': {
      const recognition = field('Recognition')?.trim();
      const mediaId = field('MediaId');
      if (recognition) return { text: recognition, ...(mediaId ? { attachment: { kind: 'voice', mediaId } } : {}) };
      if (!mediaId) return { error: { field: 'MediaId', message: 'a voice message needs Recognition or MediaId' } };
      return { text: '[语音消息（未能识别）]', attachment: { kind: 'voice', mediaId } };
    }
    case 'image': {
      const mediaId = field('MediaId');
      const url = field('PicUrl');
      if (!mediaId && !url) return { error: { field: 'MediaId', message: 'an image message needs MediaId or PicUrl' } };
      return { text: '[图片]', attachment: { kind: 'image', ...(mediaId ? { mediaId } : {}), ...(url ? { url } : {}) } };
    }
    default:
      return undefined;
  }
}

/** A passive text reply (the customer gets it as the answer to their message). */
export function wechatTextReply(toUser: string, fromUser: string, content: string, now: Date): string {
  return (
    `<xml><ToUserName>${cdata(toUser)}</ToUserName><FromUserName>${cdata(fromUser)}</FromUserName>` +
    `<CreateTime>${Math.floor(now.getTime() / 1000)}</CreateTime><MsgType>${cdata('text')}</MsgType>` +
    `<Content>${cdata(content)}</Content></xml>`
  );
}

/** The envelope of an encrypted ("safe mode") reply. */
export function wechatEncryptedReply(encrypt: string, signature: string, timestamp: string, nonce: string): string {
  return (
    `<xml><Encrypt>${cdata(encrypt)}</Encrypt><MsgSignature>${cdata(signature)}</MsgSignature>` +
    `<TimeStamp>${timestamp}</TimeStamp><Nonce>${cdata(nonce)}</Nonce></xml>`
  );
}

function cdata(value: string): string {
  return `<![CDATA[${value.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

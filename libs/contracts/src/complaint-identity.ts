import { randomInt } from 'node:crypto';
import { v4 as uuidv4, v5 as uuidv5 } from 'uuid';
import type { Channel } from './taxonomy';

/** Namespace of deterministic complaint ids (UUIDv5). Never change it: ids would stop matching. */
export const COMPLAINT_ID_NAMESPACE = '6f1d0a6e-3c1b-5d2a-9b7e-2c4f8e1a9d30';

/**
 * The complaint id: deterministic from channel + source system + the channel's own message id, so a
 * re-delivered message yields the same id; random when the channel has no message id.
 */
export function complaintIdFor(channel: Channel, system: string, messageId?: string | null): string {
  return messageId ? uuidv5(`${channel}|${system}|${messageId}`, COMPLAINT_ID_NAMESPACE) : uuidv4();
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The first random character names the channel, so intakes allocate references without colliding. */
export const REFERENCE_CHANNEL_MARK: Record<Channel, string> = { web: 'W', hotline: 'H', mobile: 'M', wechat: 'X', weibo: 'B' };

/** Dates in references follow the bank's calendar. */
export const REFERENCE_TIME_ZONE = 'Asia/Shanghai';

const dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: REFERENCE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * A human-facing reference, `C20261129-W7K3Q9`: C + the receipt date + - + a channel mark and five
 * random Crockford base32 characters (33 million per channel per day). Unique within a channel only
 * when the intake checks it against those it already issued (it keeps them, with a unique index).
 */
export function newReference(channel: Channel, receivedAt: Date, random: (max: number) => number = randomInt): string {
  const date = dateFormat.format(receivedAt).replaceAll('-', '');
  let suffix = REFERENCE_CHANNEL_MARK[channel];
  for (let i = 0; i < 5; i++) suffix += CROCKFORD[random(CROCKFORD.length)];
  return `C${date}-${suffix}`;
}

/** How a customer is reached: the way back on the channel they used. */
export const ROUTES = ['wechat', 'weibo', 'push', 'sms', 'email'] as const;
export type Route = (typeof ROUTES)[number];

export type Language = 'zh' | 'en';

/** The language a customer is written to in: their complaint's, when it is Chinese or English, else the default. */
export function customerLanguage(complaintLanguage: string | undefined, defaultLanguage: Language): Language {
  return complaintLanguage === 'en' || complaintLanguage === 'zh' ? complaintLanguage : defaultLanguage;
}

/**
 * One message to one customer on one route. Contact details stay sealed (`pii:v1:…`) until the
 * moment of sending; nothing in the outbox is readable personal data.
 */
export interface Notification {
  route: Route;
  /** openId (wechat), uid (weibo), customerId (push), sealed phone (sms) or sealed e-mail (email). */
  recipient: string;
  language: Language;
  reference: string;
  complaintId: string;
  /** The case event that caused it, e.g. `case.opened`. */
  eventType: string;
  eventId: string;
  subject: string;
  text: string;
}

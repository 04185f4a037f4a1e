import type { CaseSnapshotV1 } from '@complaints/contracts';
import type { Route } from './notification';

export interface RouteTarget {
  route: Route;
  recipient: string;
}

/**
 * Where a customer hears from us: back on the channel they complained on — WeChat (openId), Weibo
 * (uid), the app (push to the customer id) — and for the hotline and the web, by SMS to their phone
 * and by e-mail when they gave one. A channel without the identity it needs gets nothing.
 */
export function routesFor(snapshot: Pick<CaseSnapshotV1, 'channel' | 'contact' | 'customerId'>): RouteTarget[] {
  const { contact } = snapshot;
  switch (snapshot.channel) {
    case 'wechat':
      return contact.openId ? [{ route: 'wechat', recipient: contact.openId }] : [];
    case 'weibo':
      return contact.uid ? [{ route: 'weibo', recipient: contact.uid }] : [];
    case 'mobile':
      return snapshot.customerId ? [{ route: 'push', recipient: snapshot.customerId }] : [];
    case 'hotline':
    case 'web':
      return [
        ...(contact.phone ? [{ route: 'sms' as const, recipient: contact.phone }] : []),
        ...(contact.email ? [{ route: 'email' as const, recipient: contact.email }] : []),
      ];
  }
}

import { CHANNELS, PRIORITIES } from '@complaints/contracts/taxonomy';
import { type I18n, key } from '../i18n';
import type { GroupBy, HotspotAlert } from '../types';

/** A group's name in the page language: the taxonomy label of its code, a channel or priority in words. */
export function groupName(groupBy: GroupBy | null, code: string, { t, label }: I18n): string {
  if (code === '*') return t('dashboard.total');
  if (code === 'UNKNOWN') return t('dashboard.unknown');
  switch (groupBy) {
    case 'channel':
      return (CHANNELS as readonly string[]).includes(code) ? t(key('channel', code)) : code;
    case 'priority':
      return (PRIORITIES as readonly string[]).includes(code) ? t(key('priority', code)) : code;
    case 'department':
    case 'product':
    case 'reason':
    case 'servicePoint':
      return label(groupBy, code);
    default:
      return code;
  }
}

/** What a hot-spot alert is about, in words: the term, or the spike's department, channel, product and reason, or branch. */
export function hotspotSubject(alert: HotspotAlert, i18n: I18n): string {
  if (alert.kind === 'term') return i18n.t('dashboard.hotspots.term', { term: alert.subject });
  switch (alert.dimension) {
    case 'department':
      return i18n.t('dashboard.hotspots.department', { name: groupName('department', alert.subject, i18n) });
    case 'channel':
      return i18n.t('dashboard.hotspots.channel', { name: groupName('channel', alert.subject, i18n) });
    case 'product-reason': {
      const [product, reason] = alert.subject.split('/');
      return i18n.t('dashboard.hotspots.productReason', {
        product: groupName('product', product, i18n),
        reason: groupName('reason', reason ?? '', i18n),
      });
    }
    default:
      return i18n.t('dashboard.hotspots.branch', { name: alert.subject });
  }
}

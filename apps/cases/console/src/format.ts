import type { Lang } from '@complaints/web-ui';
import type { Translate } from './i18n';

/** A date and time in the page language, to the minute. */
export function dateTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function timeOfDay(ms: number, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeStyle: 'medium' }).format(new Date(ms));
}

/** A length of time as days, hours, minutes and seconds (seconds always, so a countdown visibly runs). */
export function duration(ms: number, t: Translate): string {
  let rest = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(rest / 86_400);
  rest -= days * 86_400;
  const hours = Math.floor(rest / 3_600);
  rest -= hours * 3_600;
  const minutes = Math.floor(rest / 60);
  const seconds = rest - minutes * 60;
  const parts: string[] = [];
  if (days) parts.push(t('sla.days', { n: days }));
  if (days || hours) parts.push(t('sla.hours', { n: hours }));
  if (days || hours || minutes) parts.push(t('sla.minutes', { n: minutes }));
  parts.push(t('sla.seconds', { n: seconds }));
  return parts.join(' ');
}

export function bytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

/** A share (0-1) as a percentage with one decimal, or a dash when there is nothing to divide by. */
export function percent(share: number | null, lang: Lang): string {
  if (share === null) return '–';
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(share);
}

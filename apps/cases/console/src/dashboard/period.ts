import type { GroupBy } from '../types';

/** Reporting days are Asia/Shanghai days (UTC+8 all year), as in the analytics service. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export const PRESETS = ['7', '30', '90'] as const;
export type Preset = (typeof PRESETS)[number];
export const GROUP_BYS: readonly GroupBy[] = ['department', 'channel', 'product', 'reason', 'servicePoint', 'priority'];

/** The dashboard's choices, kept in the address (`?period=30&groupBy=channel`, or `?from=&to=` for a custom period). */
export interface DashboardQuery {
  preset: Preset | 'custom';
  from: string;
  to: string;
  groupBy: GroupBy;
}

export function shanghaiToday(now = Date.now()): string {
  return new Date(now + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last `days` Shanghai days up to and including today. */
export function lastDays(days: number, now = Date.now()): { from: string; to: string } {
  const to = shanghaiToday(now);
  return { from: new Date(Date.parse(to) - (days - 1) * DAY_MS).toISOString().slice(0, 10), to };
}

/** The instant a Shanghai day begins. */
export function dayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS);
}

export function isDay(text: string | null): text is string {
  return (
    !!text &&
    /^\d{4}-\d{2}-\d{2}$/.test(text) &&
    !Number.isNaN(Date.parse(text)) &&
    new Date(Date.parse(text)).toISOString().startsWith(text)
  );
}

export function queryFromAddress(search: string): DashboardQuery {
  const params = new URLSearchParams(search);
  const groupBy = GROUP_BYS.find((g) => g === params.get('groupBy')) ?? 'department';
  const from = params.get('from');
  const to = params.get('to');
  if (isDay(from) && isDay(to) && from <= to) return { preset: 'custom', from, to, groupBy };
  const preset = PRESETS.find((p) => p === params.get('period')) ?? '30';
  return { preset, ...lastDays(Number(preset)), groupBy };
}

export function addressOf(query: DashboardQuery): string {
  const params = new URLSearchParams(query.preset === 'custom' ? { from: query.from, to: query.to } : { period: query.preset });
  params.set('groupBy', query.groupBy);
  return `?${params.toString()}`;
}

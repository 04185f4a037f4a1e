/**
 * Reporting days and periods follow Asia/Shanghai (UTC+8 all year: China has no daylight saving time),
 * so a complaint received at 2026-11-29T17:30Z counts on 2026-11-30.
 */
export const REPORTING_TIME_ZONE = 'Asia/Shanghai';
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The Shanghai calendar day (YYYY-MM-DD) of an instant. */
export function shanghaiDay(at: Date | string): string {
  const t = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(t + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Shanghai calendar day (YYYY-MM-DD) begins. */
export function shanghaiDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS);
}

/** The day after a YYYY-MM-DD day. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

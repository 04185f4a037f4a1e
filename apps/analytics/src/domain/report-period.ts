import { nextDay, shanghaiDay, shanghaiDayStart } from './shanghai-time';

/** A reporting period: Shanghai calendar days `fromDay` to `toDay`, both included. */
export interface ReportPeriod {
  label: string;
  fromDay: string;
  toDay: string;
}

export const PERIOD_PATTERN = /^(\d{4})(?:Q([1-4])|-(0[1-9]|1[0-2]))?$/;

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(last)}`;
}

/**
 * `YYYY` (a year), `YYYYQn` (a quarter) or `YYYY-MM` (a month), in Asia/Shanghai days: 2026Q4 is
 * 2026-10-01T00:00+08:00 up to, not including, 2027-01-01T00:00+08:00. Returns null for anything else.
 */
export function parsePeriod(text: string): ReportPeriod | null {
  const m = PERIOD_PATTERN.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  const [firstMonth, lastMonth] = m[2] ? [(Number(m[2]) - 1) * 3 + 1, Number(m[2]) * 3] : m[3] ? [Number(m[3]), Number(m[3])] : [1, 12];
  return { label: text, fromDay: `${year}-${pad(firstMonth)}-01`, toDay: lastDayOfMonth(year, lastMonth) };
}

/** The instants [from, to) a period covers. */
export function periodBounds(period: Pick<ReportPeriod, 'fromDay' | 'toDay'>): { from: Date; to: Date } {
  return { from: shanghaiDayStart(period.fromDay), to: shanghaiDayStart(nextDay(period.toDay)) };
}

/** A valid calendar day written YYYY-MM-DD. */
export function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const t = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === text;
}

/** The whole months of a period, in order (a month: itself). */
export function monthsOf(period: Pick<ReportPeriod, 'fromDay' | 'toDay'>): ReportPeriod[] {
  const months: ReportPeriod[] = [];
  for (let day = period.fromDay; day <= period.toDay; day = nextDay(months[months.length - 1].toDay)) {
    const [year, month] = day.split('-').map(Number) as [number, number];
    months.push({ label: `${year}-${pad(month)}`, fromDay: day, toDay: lastDayOfMonth(year, month) });
  }
  return months;
}

/** Whether a period has ended: its last Shanghai day is over at `now`. */
export function isClosed(period: Pick<ReportPeriod, 'toDay'>, now: Date): boolean {
  return period.toDay < shanghaiDay(now);
}

/** The last month that has ended at `now` (Shanghai days), as YYYY-MM. */
export function lastClosedMonth(now: Date): string {
  const [year, month] = shanghaiDay(now).split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${pad(month - 1)}`;
}

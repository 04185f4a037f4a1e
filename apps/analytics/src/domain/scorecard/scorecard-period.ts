import { ISO_WEEK_PATTERN } from '@complaints/contracts';
import { parsePeriod, ReportPeriod } from '../report-period';

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

function utcDay(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** Days between two YYYY-MM-DD days (to - from). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function addDays(day: string, days: number): string {
  return utcDay(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS);
}

/** The Monday of the ISO week a day belongs to. */
export function mondayOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 ... Sunday 6
  return addDays(day, -weekday);
}

/** The ISO week (YYYY-Www) of a day: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeekOf(day: string): string {
  const thursday = addDays(mondayOf(day), 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${pad(week)}`;
}

/** `YYYY-Www` as the Shanghai days Monday to Sunday; null when the year has no such week (e.g. 2026-W53). */
export function parseIsoWeek(text: string): ReportPeriod | null {
  if (!ISO_WEEK_PATTERN.test(text)) return null;
  const year = Number(text.slice(0, 4));
  if (year < 2000 || year > 2100) return null;
  const monday = addDays(mondayOf(`${year}-01-04`), (Number(text.slice(6)) - 1) * 7);
  if (isoWeekOf(monday) !== text) return null;
  return { label: text, fromDay: monday, toDay: addDays(monday, 6) };
}

/** The periods the scorecard takes: YYYY, YYYYQn, YYYY-MM and YYYY-Www. Null for anything else. */
export function parseScorecardPeriod(text: string): ReportPeriod | null {
  return ISO_WEEK_PATTERN.test(text) ? parseIsoWeek(text) : parsePeriod(text);
}

export const SCORECARD_PERIOD_PATTERN = /^\d{4}(?:Q[1-4]|-(?:0[1-9]|1[0-2])|-W\d{2})?$/;

/** The period of as many days just before (a week before a week; 2026-03 compares with 2026-01-29..2026-02-28). */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  const days = daysBetween(period.fromDay, period.toDay) + 1;
  const fromDay = addDays(period.fromDay, -days);
  const toDay = addDays(period.fromDay, -1);
  const week = ISO_WEEK_PATTERN.test(period.label) ? isoWeekOf(fromDay) : null;
  return { label: week ?? `${fromDay}..${toDay}`, fromDay, toDay };
}

import type { ReportPeriod } from '../report-period';
import { addDays, isoWeekOf, mondayOf } from '../scorecard/scorecard-period';
import { shanghaiDay, shanghaiDayStart } from '../shanghai-time';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** When the bulletin goes out each week, Asia/Shanghai: `Mon 09:00`. */
export const SEND_TIME_PATTERN = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([01]\d|2[0-3]):([0-5]\d)$/;

export interface SendTime {
  /** Days after Monday (Monday 0 ... Sunday 6). */
  dayOfWeek: number;
  /** Minutes after midnight, Shanghai. */
  minutes: number;
}

export function parseSendTime(text: string): SendTime {
  const m = SEND_TIME_PATTERN.exec(text);
  if (!m) throw new Error('the send time must be a weekday and a time, e.g. Mon 09:00');
  return { dayOfWeek: WEEKDAYS.indexOf(m[1] as (typeof WEEKDAYS)[number]), minutes: Number(m[2]) * 60 + Number(m[3]) };
}

/**
 * The week whose bulletin is due at `now`: the last complete week (Monday to Sunday, Shanghai) before
 * the latest send time at or before `now`. With `Mon 09:00`, from Monday 09:00 of week 49 until the
 * next Monday 09:00 that is week 48.
 */
export function dueWeek(now: Date, send: SendTime): { week: ReportPeriod; sendAt: Date } {
  let monday = mondayOf(shanghaiDay(now));
  const sendAtIn = (weekMonday: string) =>
    new Date(shanghaiDayStart(addDays(weekMonday, send.dayOfWeek)).getTime() + send.minutes * 60_000);
  if (sendAtIn(monday) > now) monday = addDays(monday, -7);
  const weekMonday = addDays(monday, -7);
  return { week: { label: isoWeekOf(weekMonday), fromDay: weekMonday, toDay: addDays(weekMonday, 6) }, sendAt: sendAtIn(monday) };
}

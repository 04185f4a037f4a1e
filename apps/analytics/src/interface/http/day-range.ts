import { validationProblem } from '@complaints/http';
import { isCalendarDay } from '../../domain/report-period';

const DAY_MS = 86_400_000;

/** Checks a validated `from`/`to` query: real calendar days, `to` not before `from`, at most `maxDays` days; else 400 naming the field. */
export function assertDayRange(query: { from: string; to: string }, maxDays: number): void {
  const errors = [
    ...(isCalendarDay(query.from) ? [] : [{ field: 'from', message: 'from is not a calendar day' }]),
    ...(isCalendarDay(query.to) ? [] : [{ field: 'to', message: 'to is not a calendar day' }]),
  ];
  if (errors.length) throw validationProblem(errors);
  const days = (Date.parse(query.to) - Date.parse(query.from)) / DAY_MS + 1;
  if (days < 1) throw validationProblem([{ field: 'to', message: 'to must not be before from' }]);
  if (days > maxDays) throw validationProblem([{ field: 'to', message: `the period may cover at most ${maxDays} days` }]);
}

import { ProblemException, problem, validationProblem } from '@complaints/http';
import { ScopeForbiddenError } from '../../application/staff-scope';
import { parsePeriod, ReportPeriod } from '../../domain/report-period';

export function forbidden(error: ScopeForbiddenError): ProblemException {
  return new ProblemException(problem(403, 'forbidden', error.message, { errors: [{ field: error.field, message: error.message }] }));
}

/** The period of a validated query, or 400 naming `period` (e.g. a year out of range). */
export function periodOf(text: string): ReportPeriod {
  const period = parsePeriod(text);
  if (!period)
    throw validationProblem([{ field: 'period', message: 'period must be a year from 2000 to 2100, as YYYY, YYYYQn or YYYY-MM' }]);
  return period;
}

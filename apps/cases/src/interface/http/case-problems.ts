import { ProblemException, problem } from '@complaints/http';
import { CaseNotFoundError } from '../../application/act-on-case/act-on-case.use-case';
import { ActionForbiddenError, CaseConflictError, InvalidTransitionError } from '../../domain/case-errors';

/** Domain refusals as problem+json: 404 unknown/invisible case, 403 role, 409 state or conflict. */
export function toCaseProblem(error: unknown): unknown {
  if (error instanceof CaseNotFoundError) return new ProblemException(problem(404, 'not-found', error.message));
  if (error instanceof ActionForbiddenError) return new ProblemException(problem(403, 'forbidden', error.message));
  if (error instanceof InvalidTransitionError) {
    return new ProblemException(problem(409, 'invalid-transition', error.message, { action: error.action, caseStatus: error.status }));
  }
  if (error instanceof CaseConflictError) {
    return new ProblemException(
      problem(409, 'case-conflict', error.message, error.field ? { errors: [{ field: error.field, message: error.message }] } : {}),
    );
  }
  return error;
}

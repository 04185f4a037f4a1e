import type { CaseStatus } from './case-status';

/** A rule of the case lifecycle was broken; `code` is stable, the interface maps it to an HTTP status. */
export abstract class CaseDomainError extends Error {
  abstract readonly code: string;
}

/** The action is not possible in the case's current state (409). */
export class InvalidTransitionError extends CaseDomainError {
  readonly code = 'INVALID_TRANSITION';
  constructor(
    readonly action: string,
    readonly status: CaseStatus,
  ) {
    super(
      status === 'ARCHIVED' ? `the case is archived and can no longer change (${action})` : `cannot ${action} a case that is ${status}`,
    );
  }
}

/** The actor's roles do not allow the action (403). */
export class ActionForbiddenError extends CaseDomainError {
  readonly code = 'ACTION_FORBIDDEN';
}

/** The request contradicts the case (e.g. extending to fewer days than already granted) (409). */
export class CaseConflictError extends CaseDomainError {
  readonly code = 'CASE_CONFLICT';
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

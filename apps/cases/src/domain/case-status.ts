/** Lifecycle states of a case (the case-lifecycle issue adds the transitions between them). */
export const CASE_STATUSES = [
  'RECEIVED', 'ASSIGNED', 'IN_PROGRESS', 'RESPONDED', 'RESOLVED', 'CLOSED', 'ARCHIVED', 'REOPENED', 'ESCALATED',
  'MEDIATION', 'WITHDRAWN',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

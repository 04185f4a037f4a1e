/** Lifecycle states of a case; the same list as `CASE_STATUSES` of the `CaseEventV1` contract (a unit test checks). */
export const CASE_STATUSES = [
  'RECEIVED',
  'ASSIGNED',
  'IN_PROGRESS',
  'RESPONDED',
  'RESOLVED',
  'CLOSED',
  'ARCHIVED',
  'REOPENED',
  'ESCALATED',
  'MEDIATION',
  'WITHDRAWN',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** States in which the case is being worked and its clocks run. */
export const OPEN_STATUSES: readonly CaseStatus[] = [
  'RECEIVED',
  'ASSIGNED',
  'IN_PROGRESS',
  'RESPONDED',
  'REOPENED',
  'ESCALATED',
  'MEDIATION',
];

export function isOpen(status: CaseStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

import type { CaseEventV1, CaseStatus } from '@complaints/contracts';

/** What the mobile intake keeps of one case event: enough to show the customer, nothing internal. */
export interface CaseUpdate {
  eventId: string;
  complaintId: string;
  eventType: string;
  status: CaseStatus;
  customerVisible: boolean;
  /** The customer-facing message; internal notes are never kept. */
  message: string | null;
  at: Date;
}

/** A case event as the customer's view records it: the text of an internal event is dropped here. */
export function caseUpdateOf(event: CaseEventV1): CaseUpdate {
  return {
    eventId: event.eventId,
    complaintId: event.case.complaintId,
    eventType: event.eventType,
    status: event.case.status,
    customerVisible: event.customerVisible,
    message: event.customerVisible ? (event.message ?? null) : null,
    at: new Date(event.at),
  };
}

/** The case events a call centre hears about, by status callback. */
export const CALLBACK_EVENTS = ['case.opened', 'case.closed'] as const;
export type CallbackEvent = (typeof CALLBACK_EVENTS)[number];

/** The body of a status callback to a call centre (signed like the pushes it sends us). */
export interface CallbackPayload {
  event: CallbackEvent;
  /** Unique per callback; also sent as `Idempotency-Key`, so the call centre can drop repeats. */
  eventId: string;
  callId: string;
  reference: string;
  complaintId: string;
  status: string;
  department: string;
  occurredAt: string;
}

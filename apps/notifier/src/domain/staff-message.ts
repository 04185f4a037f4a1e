/** Where staff receive the weekly bulletin: e-mail over SMTP, or a webhook (a chat bot, an intranet). */
export const STAFF_ROUTES = ['staff-email', 'staff-webhook'] as const;
export type StaffRoute = (typeof STAFF_ROUTES)[number];

/**
 * One bulletin to one staff recipient, rendered (Chinese and English in one message). `recipient` is
 * the e-mail address, or for a webhook the id of its URL (see staffWebhookId), so URLs that carry
 * tokens never sit in the outbox.
 */
export interface StaffMessage {
  kind: 'staff-bulletin';
  route: StaffRoute;
  recipient: string;
  bulletinId: string;
  week: string;
  subject: string;
  text: string;
  html: string;
  /** The webhook's JSON body besides the message: the bulletin's figures. */
  data: Record<string, unknown>;
}

export function isStaffMessage(payload: unknown): payload is StaffMessage {
  return typeof payload === 'object' && payload !== null && (payload as { kind?: unknown }).kind === 'staff-bulletin';
}

import type { CaseEventV1 } from '@complaints/contracts';

/** A web complaint the cases service merged into an existing case (a repeat of the same matter). */
export interface MergedComplaint {
  /** The merged complaint's own reference, the one its customer was given. */
  reference: string;
  /** The case it is handled under. */
  caseReference: string;
  at: Date;
}

/**
 * Reads a `case.linked_complaint` event: its data names the merged complaint's reference and
 * channel. Null for other events and for complaints from other channels.
 */
export function mergedWebComplaint(event: CaseEventV1): MergedComplaint | null {
  if (event.eventType !== 'case.linked_complaint') return null;
  const { linkedReference, channel } = event.data ?? {};
  if (channel !== 'web' || typeof linkedReference !== 'string' || linkedReference === event.case.reference) return null;
  return { reference: linkedReference, caseReference: event.case.reference, at: new Date(event.at) };
}

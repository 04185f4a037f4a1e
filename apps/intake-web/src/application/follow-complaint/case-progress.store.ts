import type { CaseEventV1, CaseStatus } from '@complaints/contracts';

/** What the customer may see of their case: its status and the updates they were told about. */
export interface CaseProgress {
  reference: string;
  status: CaseStatus;
  updatedAt: string;
  updates: Array<{ at: string; kind: string; message?: string }>;
}

/** Port: the web intake's own read model of its complaints' cases, fed by `complaints.case-events.v1`. */
export abstract class CaseProgressStore {
  /**
   * Applies case events in their order, all or none: a case's status is the one of its last event,
   * and its customer-visible events are its updates, each once. Applying them again changes nothing.
   */
  abstract applyAll(events: CaseEventV1[]): Promise<void>;
  abstract find(reference: string): Promise<CaseProgress | null>;
}

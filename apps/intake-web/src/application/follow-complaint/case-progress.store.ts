import type { CaseEventV1, CaseStatus } from '@complaints/contracts';
import type { MergedComplaint } from '../../domain/merged-complaint';

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
   * Applies one case event; an event applied before changes nothing. With `merge` (the event merged a
   * web complaint into this case) the merge is remembered in the same transaction, once.
   */
  abstract apply(event: CaseEventV1, merge?: MergedComplaint): Promise<void>;
  abstract find(reference: string): Promise<CaseProgress | null>;
  /** The reference of the case a web complaint was merged into, or null. */
  abstract mergedInto(reference: string): Promise<string | null>;
  /** Whether web complaints were merged into this case (then its events are followed whatever its channel). */
  abstract hasMergedComplaints(caseReference: string): Promise<boolean>;
}

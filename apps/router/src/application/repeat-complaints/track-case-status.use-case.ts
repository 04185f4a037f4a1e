import type { CaseEventV1 } from '@complaints/contracts';
import { MatterStore } from './matter.store';

const ENDS_CASE = new Set(['case.closed', 'case.withdrawn', 'case.archived']);
const REOPENS_CASE = new Set(['case.reopened']);

/** Follows case lifecycle events: a complaint links to an earlier one only while that case is open. */
export class TrackCaseStatusUseCase {
  constructor(private readonly matters: MatterStore) {}

  /** Returns what it did, for logs and tests: `closed`, `reopened` or `ignored`. */
  async execute(event: CaseEventV1): Promise<'closed' | 'reopened' | 'ignored'> {
    if (ENDS_CASE.has(event.eventType)) {
      return (await this.matters.setOpen(event.case.complaintId, false, new Date(event.at))) ? 'closed' : 'ignored';
    }
    if (REOPENS_CASE.has(event.eventType)) {
      return (await this.matters.setOpen(event.case.complaintId, true, new Date(event.at))) ? 'reopened' : 'ignored';
    }
    return 'ignored';
  }
}

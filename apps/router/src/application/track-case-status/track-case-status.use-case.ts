import type { CaseEventV1 } from '@complaints/contracts';
import { CaseTracking, HandlerStore } from '../handlers/handler.store';
import { CaseOpenChange, MatterStore } from '../repeat-complaints/matter.store';

const ENDS_CASE = new Set(['case.closed', 'case.withdrawn', 'case.archived']);
const REOPENS_CASE = new Set(['case.reopened']);
const ASSIGNS_CASE = new Set(['case.assigned', 'case.claimed']);

/**
 * Follows case lifecycle events: a complaint links to an earlier one only while that case is open,
 * and a handler's load counts only their open cases (including ones staff assigned in the cases service).
 * A batch of events (in the order they happened) comes down to the last state of each case, written
 * with one statement per store; events that change nothing here (e.g. case.opened) write nothing.
 */
export class TrackCaseStatusUseCase {
  constructor(
    private readonly matters: MatterStore,
    private readonly handlers: HandlerStore,
  ) {}

  async execute(events: readonly CaseEventV1[]): Promise<void> {
    const openness = new Map<string, CaseOpenChange>();
    const tracking = new Map<string, CaseTracking>();
    for (const event of events) {
      const { complaintId } = event.case;
      const open = ENDS_CASE.has(event.eventType) ? false : REOPENS_CASE.has(event.eventType) ? true : undefined;
      if (open !== undefined) {
        openness.set(complaintId, { complaintId, open, at: new Date(event.at) });
        tracking.set(complaintId, { ...tracking.get(complaintId), complaintId, open });
      } else if (ASSIGNS_CASE.has(event.eventType)) {
        tracking.set(complaintId, { ...tracking.get(complaintId), complaintId, handlerId: event.case.assignee ?? null });
      }
    }
    if (openness.size > 0) await this.matters.setOpen([...openness.values()]);
    if (tracking.size > 0) await this.handlers.trackCases([...tracking.values()]);
  }
}

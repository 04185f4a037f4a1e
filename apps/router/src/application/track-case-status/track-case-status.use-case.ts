import type { CaseEventV1 } from '@complaints/contracts';
import { HandlerStore } from '../handlers/handler.store';
import { MatterStore } from '../repeat-complaints/matter.store';

const ENDS_CASE = new Set(['case.closed', 'case.withdrawn', 'case.archived']);
const REOPENS_CASE = new Set(['case.reopened']);
const ASSIGNS_CASE = new Set(['case.assigned', 'case.claimed']);

/**
 * Follows case lifecycle events: a complaint links to an earlier one only while that case is open,
 * and a handler's load counts only their open cases (including ones staff assigned in the cases service).
 */
export class TrackCaseStatusUseCase {
  constructor(
    private readonly matters: MatterStore,
    private readonly handlers: HandlerStore,
  ) {}

  async execute(event: CaseEventV1): Promise<void> {
    const { complaintId } = event.case;
    if (ENDS_CASE.has(event.eventType)) {
      await this.matters.setOpen(complaintId, false, new Date(event.at));
      await this.handlers.trackCase(complaintId, { open: false });
    } else if (REOPENS_CASE.has(event.eventType)) {
      await this.matters.setOpen(complaintId, true, new Date(event.at));
      await this.handlers.trackCase(complaintId, { open: true });
    } else if (ASSIGNS_CASE.has(event.eventType)) {
      await this.handlers.trackCase(complaintId, { handlerId: event.case.assignee ?? null });
    }
  }
}

import type { CaseEventV1 } from '@complaints/contracts';
import { caseUpdateOf } from '../../domain/customer-timeline';
import { ApplyResult, ComplaintViewStore } from './complaint-view.store';

/** Feeds the customer's view from `complaints.case-events.v1`: mobile cases only, once per event. */
export class ApplyCaseEventUseCase {
  constructor(private readonly store: ComplaintViewStore) {}

  /** Whether an event, as JSON not yet checked, can be of a mobile complaint (see `execute`): read before anything else. */
  static concerns(json: unknown): boolean {
    return (json as { case?: { channel?: unknown } } | null)?.case?.channel === 'mobile';
  }

  /** Applies the events of mobile complaints, in order; answers what became of each event. */
  async execute(events: CaseEventV1[]): Promise<Array<ApplyResult | 'other-channel'>> {
    const mobile = events.filter((event) => event.case.channel === 'mobile');
    const applied = mobile.length ? await this.store.applyAll(mobile.map(caseUpdateOf)) : [];
    let next = 0;
    return events.map((event) => (event.case.channel === 'mobile' ? applied[next++] : 'other-channel'));
  }
}

import type { CaseEventV1 } from '@complaints/contracts';
import { caseUpdateOf } from '../../domain/customer-timeline';
import { ApplyResult, ComplaintViewStore } from './complaint-view.store';

/** Feeds the customer's view from `complaints.case-events.v1`: mobile cases only, once per event. */
export class ApplyCaseEventUseCase {
  constructor(private readonly store: ComplaintViewStore) {}

  async execute(event: CaseEventV1): Promise<ApplyResult | 'other-channel'> {
    if (event.case.channel !== 'mobile') return 'other-channel';
    return this.store.apply(caseUpdateOf(event));
  }
}

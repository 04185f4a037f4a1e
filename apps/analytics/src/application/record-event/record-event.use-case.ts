import type { CaseEventV1, ComplaintReceivedV1, ComplaintRoutedV1 } from '@complaints/contracts';
import { AnalyticsReadModel } from '../analytics-read-model';
import { projectCaseEvent, projectReceived, projectRouted } from './event-projection';

/** Applies a consumed event to the read model, once per eventId. */
export class RecordEventUseCase {
  constructor(private readonly readModel: AnalyticsReadModel) {}

  received(event: ComplaintReceivedV1, offset: number): Promise<boolean> {
    return this.readModel.apply(event.eventId, projectReceived(event, offset));
  }

  routed(event: ComplaintRoutedV1, offset: number): Promise<boolean> {
    return this.readModel.apply(event.eventId, projectRouted(event, offset));
  }

  caseEvent(event: CaseEventV1, offset: number): Promise<boolean> {
    return this.readModel.apply(event.eventId, projectCaseEvent(event, offset));
  }
}

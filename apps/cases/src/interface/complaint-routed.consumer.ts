import { Injectable } from '@nestjs/common';
import { ComplaintRoutedV1 } from '@complaints/contracts';
import { EventConsumerFactory, EventSubscription } from '@complaints/messaging';
import { OpenCaseUseCase } from '../application/open-case/open-case.use-case';

export const CASES_GROUP = 'cases';

/** Consumes `complaints.routed.v1` and opens a case per complaint. */
@Injectable()
export class ComplaintRoutedConsumer extends EventSubscription<ComplaintRoutedV1> {
  constructor(
    consumers: EventConsumerFactory,
    private readonly openCase: OpenCaseUseCase,
  ) {
    super(consumers, { groupId: CASES_GROUP, topic: ComplaintRoutedV1.topic, contract: ComplaintRoutedV1 });
  }

  protected async handle(event: ComplaintRoutedV1): Promise<void> {
    await this.openCase.execute(event);
  }
}

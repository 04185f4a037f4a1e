import { Injectable } from '@nestjs/common';
import { ComplaintRoutedV1 } from '@complaints/contracts';
import { ConsumedEvent, EventBatchSubscription, EventConsumerFactory } from '@complaints/messaging';
import { OpenCaseUseCase } from '../application/open-case/open-case.use-case';
import { CasesConfig } from '../cases.config';

export const CASES_GROUP = 'cases';

/** Consumes `complaints.routed.v1` in batches (up to CASES_OPEN_BATCH_SIZE per partition) and opens each batch's cases in one transaction. */
@Injectable()
export class ComplaintRoutedConsumer extends EventBatchSubscription<ComplaintRoutedV1> {
  constructor(
    consumers: EventConsumerFactory,
    private readonly openCase: OpenCaseUseCase,
    config: CasesConfig,
  ) {
    super(consumers, {
      groupId: CASES_GROUP,
      topic: ComplaintRoutedV1.topic,
      contract: ComplaintRoutedV1,
      maxBatchSize: config.CASES_OPEN_BATCH_SIZE,
      lingerMs: config.CASES_OPEN_LINGER_MS,
    });
  }

  protected async handleBatch(consumed: ConsumedEvent<ComplaintRoutedV1>[]): Promise<void> {
    await this.openCase.executeAll(consumed.map((c) => c.event));
  }
}

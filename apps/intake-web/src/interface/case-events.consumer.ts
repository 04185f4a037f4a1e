import { Injectable } from '@nestjs/common';
import { CaseEventV1 } from '@complaints/contracts';
import { ConsumedEvent, EventBatchSubscription, EventConsumerFactory, GATHERED_BATCHES } from '@complaints/messaging';
import { RecordCaseProgressUseCase } from '../application/follow-complaint/record-case-progress.use-case';

export const INTAKE_WEB_GROUP = 'intake-web';

/**
 * Consumes `complaints.case-events.v1` so customers can look up how their web complaint stands: in
 * batches (gathered for up to half a second), skipping other channels' events unread.
 */
@Injectable()
export class CaseEventsConsumer extends EventBatchSubscription<CaseEventV1> {
  constructor(
    consumers: EventConsumerFactory,
    private readonly recordProgress: RecordCaseProgressUseCase,
  ) {
    super(consumers, {
      groupId: INTAKE_WEB_GROUP,
      topic: CaseEventV1.topic,
      contract: CaseEventV1,
      ...GATHERED_BATCHES,
      concerns: (json) => RecordCaseProgressUseCase.concerns(json),
    });
  }

  protected async handleBatch(events: ConsumedEvent<CaseEventV1>[]): Promise<void> {
    await this.recordProgress.execute(events.map(({ event }) => event));
  }
}

import { Injectable } from '@nestjs/common';
import { CaseEventV1 } from '@complaints/contracts';
import { EventConsumerFactory, EventSubscription } from '@complaints/messaging';
import { RecordCaseProgressUseCase } from '../application/follow-complaint/record-case-progress.use-case';

export const INTAKE_WEB_GROUP = 'intake-web';

/** Consumes `complaints.case-events.v1` so customers can look up how their web complaint stands. */
@Injectable()
export class CaseEventsConsumer extends EventSubscription<CaseEventV1> {
  constructor(
    consumers: EventConsumerFactory,
    private readonly recordProgress: RecordCaseProgressUseCase,
  ) {
    super(consumers, { groupId: INTAKE_WEB_GROUP, topic: CaseEventV1.topic, contract: CaseEventV1 });
  }

  protected async handle(event: CaseEventV1): Promise<void> {
    await this.recordProgress.execute(event);
  }
}

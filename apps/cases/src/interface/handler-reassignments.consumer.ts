import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { HandlerReassignmentV1 } from '@complaints/contracts';
import { EventConsumerFactory, EventSubscription } from '@complaints/messaging';
import { ApplyReassignmentUseCase } from '../application/apply-reassignment/apply-reassignment.use-case';

export const HANDLER_REASSIGNMENTS_GROUP = 'cases-assignments';

/** Consumes `complaints.assignments.v1`: the router moved a case off a handler who left or no longer fits. */
@Injectable()
export class HandlerReassignmentsConsumer extends EventSubscription<HandlerReassignmentV1> {
  constructor(
    consumers: EventConsumerFactory,
    private readonly applyReassignment: ApplyReassignmentUseCase,
    private readonly logger: PinoLogger,
  ) {
    super(consumers, { groupId: HANDLER_REASSIGNMENTS_GROUP, topic: HandlerReassignmentV1.topic, contract: HandlerReassignmentV1 });
  }

  protected async handle(move: HandlerReassignmentV1): Promise<void> {
    const outcome = await this.applyReassignment.execute(move);
    if (outcome !== 'moved')
      this.logger.info(
        { eventId: move.eventId, reference: move.reference, from: move.from, to: move.to, outcome },
        'handler reassignment not applied',
      );
  }
}

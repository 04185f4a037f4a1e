import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { CustomerResponseV1 } from '@complaints/contracts';
import { EventConsumerFactory, EventSubscription } from '@complaints/messaging';
import { RecordCustomerResponseUseCase } from '../application/record-customer-response/record-customer-response.use-case';
import { customerAnswersConsumed } from './customer-answers.metrics';

export const CUSTOMER_RESPONSES_GROUP = 'cases-customer-responses';

/** Consumes `complaints.customer-responses.v1` and files survey answers against cases. */
@Injectable()
export class CustomerResponsesConsumer extends EventSubscription<CustomerResponseV1> {
  constructor(
    consumers: EventConsumerFactory,
    private readonly recordResponse: RecordCustomerResponseUseCase,
    private readonly logger: PinoLogger,
  ) {
    super(consumers, { groupId: CUSTOMER_RESPONSES_GROUP, topic: CustomerResponseV1.topic, contract: CustomerResponseV1 });
  }

  protected async handle(response: CustomerResponseV1): Promise<void> {
    const { outcome, reference, earlierEventId } = await this.recordResponse.execute(response);
    customerAnswersConsumed.inc({ outcome, channel: response.channel });
    if (outcome === 'already-answered') {
      // Who answered stays out of the log (an openId or customer id); the two event ids say enough.
      this.logger.warn(
        { eventId: response.eventId, channel: response.channel, reference, earlierEventId, outcome },
        'customer already answered this case: later answer ignored',
      );
    } else if (outcome === 'no-case' || outcome === 'refused') {
      this.logger.warn(
        { eventId: response.eventId, channel: response.channel, reference: response.reference, outcome },
        'customer survey answer not filed',
      );
    }
  }
}

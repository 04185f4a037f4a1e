import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { CustomerResponseV1 } from '@complaints/contracts';
import { EventConsumerFactory, EventSubscription } from '@complaints/messaging';
import { RecordCustomerResponseUseCase } from '../application/record-customer-response/record-customer-response.use-case';

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
    const outcome = await this.recordResponse.execute(response);
    if (outcome === 'no-case' || outcome === 'refused') {
      this.logger.warn({ eventId: response.eventId, channel: response.channel, reference: response.reference, outcome }, 'customer survey answer not filed');
    }
  }
}

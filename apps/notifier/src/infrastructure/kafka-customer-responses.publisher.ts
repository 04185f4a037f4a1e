import { Injectable } from '@nestjs/common';
import { CustomerResponseV1 } from '@complaints/contracts';
import { EventPublisher } from '@complaints/messaging';
import { CustomerResponsesPublisher } from '../application/sms-surveys/sms-survey.store';

/** Publishes survey answers taken by SMS, keyed by complaintId (the case's partition). */
@Injectable()
export class KafkaCustomerResponsesPublisher extends CustomerResponsesPublisher {
  constructor(private readonly publisher: EventPublisher) {
    super();
  }

  publishAll(responses: readonly CustomerResponseV1[]): Promise<void> {
    return this.publisher.publishAll(CustomerResponseV1, responses, (response) => response.complaintId ?? response.reference!);
  }
}

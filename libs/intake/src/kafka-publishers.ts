import { Injectable } from '@nestjs/common';
import { ComplaintReceivedV1, CustomerResponseV1, customerResponseKey } from '@complaints/contracts';
import { EventPublisher } from '@complaints/messaging';
import { ReceivedComplaintPublisher } from './complaint-submission';
import { CustomerResponsePublisher } from './customer-response.publisher';

/** Publishes an intake's complaints on `complaints.received.v1`, keyed by complaint id. */
@Injectable()
export class KafkaReceivedComplaintPublisher extends ReceivedComplaintPublisher {
  constructor(private readonly publisher: EventPublisher) {
    super();
  }

  publish(event: ComplaintReceivedV1): Promise<void> {
    return this.publisher.publish(ComplaintReceivedV1, event, { key: event.complaint.complaintId });
  }
}

/** Publishes customers' survey answers on `complaints.customer-responses.v1`, keyed by complaint id (else reference). */
@Injectable()
export class KafkaCustomerResponsePublisher extends CustomerResponsePublisher {
  constructor(private readonly publisher: EventPublisher) {
    super();
  }

  publish(response: CustomerResponseV1): Promise<void> {
    return this.publisher.publish(CustomerResponseV1, response, { key: customerResponseKey(response) });
  }
}

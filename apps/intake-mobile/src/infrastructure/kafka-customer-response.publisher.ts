import { Injectable } from '@nestjs/common';
import { CustomerResponseV1 } from '@complaints/contracts';
import { EventPublisher } from '@complaints/messaging';
import { CustomerResponsePublisher } from '../application/rate-complaint/rating.store';

@Injectable()
export class KafkaCustomerResponsePublisher extends CustomerResponsePublisher {
  constructor(private readonly publisher: EventPublisher) {
    super();
  }

  publish(response: CustomerResponseV1): Promise<void> {
    return this.publisher.publish(CustomerResponseV1, response, { key: response.complaintId ?? response.reference! });
  }
}

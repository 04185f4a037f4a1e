import { Injectable } from '@nestjs/common';
import { ComplaintRoutedV1 } from '@complaints/contracts';
import { EventPublisher } from '@complaints/messaging';
import { RoutedComplaintPublisher } from '../application/route-complaint/routing-decision.store';

@Injectable()
export class KafkaRoutedComplaintPublisher extends RoutedComplaintPublisher {
  constructor(private readonly publisher: EventPublisher) {
    super();
  }

  publish(event: ComplaintRoutedV1): Promise<void> {
    return this.publisher.publish(ComplaintRoutedV1, event, { key: event.complaint.complaintId });
  }
}

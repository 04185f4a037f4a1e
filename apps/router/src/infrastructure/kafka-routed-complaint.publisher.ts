import { Injectable } from '@nestjs/common';
import { ComplaintRoutedV1 } from '@complaints/contracts';
import { EventPublisher } from '@complaints/messaging';
import { RoutedComplaintPublisher } from '../application/route-complaint/routing-decision.store';

@Injectable()
export class KafkaRoutedComplaintPublisher extends RoutedComplaintPublisher {
  constructor(private readonly publisher: EventPublisher) {
    super();
  }

  publishAll(events: readonly ComplaintRoutedV1[]): Promise<void> {
    return this.publisher.publishAll(ComplaintRoutedV1, events, (event) => event.complaint.complaintId);
  }
}

import { Injectable } from '@nestjs/common';
import { ComplaintReceivedV1 } from '@complaints/contracts';
import { EventPublisher } from '@complaints/messaging';
import { ReceivedComplaintsPublisher } from '../application/receive-message/conversation.store';

@Injectable()
export class KafkaReceivedComplaintsPublisher extends ReceivedComplaintsPublisher {
  constructor(private readonly publisher: EventPublisher) {
    super();
  }

  publishAll(events: readonly ComplaintReceivedV1[]): Promise<void> {
    return this.publisher.publishAll(ComplaintReceivedV1, events, (event) => event.complaint.complaintId);
  }
}

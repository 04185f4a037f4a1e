import { Injectable } from '@nestjs/common';
import { ComplaintReceivedV1 } from '@complaints/contracts';
import { EventPublisher } from '@complaints/messaging';
import { ReceivedComplaintPublisher } from '../application/submit-complaint/submission.store';

@Injectable()
export class KafkaReceivedComplaintPublisher extends ReceivedComplaintPublisher {
  constructor(private readonly publisher: EventPublisher) {
    super();
  }

  publish(event: ComplaintReceivedV1): Promise<void> {
    return this.publisher.publish(ComplaintReceivedV1, event, { key: event.complaint.complaintId });
  }
}

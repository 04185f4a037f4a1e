import { ComplaintReceivedV1, parseContract } from '@complaints/contracts';
import { ReceivedComplaintPublisher } from '../complaint-submission';

/** What Kafka acknowledged, checked against the contract as the Kafka publisher checks it; `failing` makes it refuse. */
export class InMemoryReceivedComplaintPublisher extends ReceivedComplaintPublisher {
  readonly published: ComplaintReceivedV1[] = [];
  failing: Error | null = null;

  async publish(event: ComplaintReceivedV1): Promise<void> {
    const valid = parseContract(ComplaintReceivedV1, JSON.parse(JSON.stringify(event)));
    await Promise.resolve();
    if (this.failing) throw this.failing;
    this.published.push(valid);
  }
}

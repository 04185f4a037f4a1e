import { ComplaintReceivedV1, parseContract } from '@complaints/contracts';
import { ReceivedComplaintsPublisher } from '../receive-message/conversation.store';

/** What Kafka acknowledged, request by request, each event checked against its contract; `failing` makes it refuse. */
export class InMemoryReceivedComplaintsPublisher extends ReceivedComplaintsPublisher {
  readonly requests: ComplaintReceivedV1[][] = [];
  failing: Error | null = null;

  get published(): ComplaintReceivedV1[] {
    return this.requests.flat();
  }

  async publishAll(events: readonly ComplaintReceivedV1[]): Promise<void> {
    // As the Kafka publisher: nothing to send is no request at all.
    if (events.length === 0) return;
    const valid = events.map((event) => parseContract(ComplaintReceivedV1, JSON.parse(JSON.stringify(event))));
    await Promise.resolve();
    if (this.failing) throw this.failing;
    this.requests.push(valid);
  }
}

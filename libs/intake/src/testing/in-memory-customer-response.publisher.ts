import { CustomerResponseV1, parseContract } from '@complaints/contracts';
import { CustomerResponsePublisher } from '../customer-response.publisher';

/** What Kafka acknowledged of the customers' answers, checked against the contract; `failing` makes it refuse. */
export class InMemoryCustomerResponsePublisher extends CustomerResponsePublisher {
  readonly published: CustomerResponseV1[] = [];
  failing: Error | null = null;

  async publish(response: CustomerResponseV1): Promise<void> {
    const valid = parseContract(CustomerResponseV1, JSON.parse(JSON.stringify(response)));
    await Promise.resolve();
    if (this.failing) throw this.failing;
    this.published.push(valid);
  }
}

import type { CustomerResponseV1 } from '@complaints/contracts';

/** Port: publishes `complaints.customer-responses.v1`; throws when Kafka did not acknowledge. */
export abstract class CustomerResponsePublisher {
  abstract publish(response: CustomerResponseV1): Promise<void>;
}

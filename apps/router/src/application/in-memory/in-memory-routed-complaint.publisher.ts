import type { ComplaintRoutedV1 } from '@complaints/contracts';
import { RoutedComplaintPublisher } from '../route-complaint/routing-decision.store';

/** The topic in memory: what was published, in order; `unavailable` makes a publish fail as a broker outage would. */
export class InMemoryRoutedComplaintPublisher extends RoutedComplaintPublisher {
  readonly published: ComplaintRoutedV1[] = [];
  unavailable: Error | null = null;

  async publishAll(events: readonly ComplaintRoutedV1[]): Promise<void> {
    await Promise.resolve();
    if (this.unavailable) throw this.unavailable;
    this.published.push(...structuredClone(events));
  }
}

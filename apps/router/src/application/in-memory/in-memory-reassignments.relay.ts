import type { HandlerReassignmentV1 } from '@complaints/contracts';
import { ReassignmentsRelay } from '../handlers/reassignments.relay';
import type { InMemoryRoutingDatabase } from './in-memory-routing-database';

/** The outbox relay in memory: a kick publishes the reassignments the outbox holds, in order. */
export class InMemoryReassignmentsRelay extends ReassignmentsRelay {
  readonly published: HandlerReassignmentV1[] = [];

  constructor(private readonly db: InMemoryRoutingDatabase) {
    super();
  }

  kick(): void {
    this.published.push(...this.db.tables.outbox.splice(0));
  }
}

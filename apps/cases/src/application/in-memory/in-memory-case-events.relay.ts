import type { CaseEventV1 } from '@complaints/contracts';
import { CaseEventsRelay } from '../case-events.relay';
import type { InMemoryCaseRepository } from './in-memory-case.repository';

/** The outbox relay in memory: a kick publishes what the repository's outbox holds, in order. */
export class InMemoryCaseEventsRelay extends CaseEventsRelay {
  readonly published: CaseEventV1[] = [];

  constructor(private readonly cases: InMemoryCaseRepository) {
    super();
  }

  kick(): void {
    this.published.push(...this.cases.takePendingEvents());
  }
}

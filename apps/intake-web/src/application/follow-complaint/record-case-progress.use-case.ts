import type { CaseEventV1 } from '@complaints/contracts';
import { CaseProgressStore } from './case-progress.store';

/**
 * Keeps the status of web complaints' cases for the customer's status look-up: only the cases of
 * web complaints (a web complaint is never merged into another case: its customer is not verified).
 */
export class RecordCaseProgressUseCase {
  constructor(private readonly store: CaseProgressStore) {}

  /** Whether an event, as JSON not yet checked, can be of a web complaint (see `execute`): read before anything else. */
  static concerns(json: unknown): boolean {
    return (json as { case?: { channel?: unknown } } | null)?.case?.channel === 'web';
  }

  /** Applies the events of web complaints, in order; answers how many were of web complaints. */
  async execute(events: CaseEventV1[]): Promise<number> {
    const web = events.filter((event) => event.case.channel === 'web');
    if (web.length) await this.store.applyAll(web);
    return web.length;
  }
}

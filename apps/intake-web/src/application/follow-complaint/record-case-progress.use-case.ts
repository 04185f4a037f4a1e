import type { CaseEventV1 } from '@complaints/contracts';
import { mergedWebComplaint } from '../../domain/merged-complaint';
import { CaseProgressStore } from './case-progress.store';

/**
 * Keeps the status of web complaints' cases for the customer's status look-up: the cases of web
 * complaints, and the cases web complaints were merged into (whatever their channel), from the
 * `case.linked_complaint` that merged them on.
 */
export class RecordCaseProgressUseCase {
  constructor(private readonly store: CaseProgressStore) {}

  async execute(event: CaseEventV1): Promise<boolean> {
    const merge = mergedWebComplaint(event);
    if (event.case.channel !== 'web' && !merge && !(await this.store.hasMergedComplaints(event.case.reference))) return false;
    await this.store.apply(event, merge ?? undefined);
    return true;
  }
}

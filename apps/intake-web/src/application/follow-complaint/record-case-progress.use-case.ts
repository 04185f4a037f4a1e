import type { CaseEventV1 } from '@complaints/contracts';
import { CaseProgressStore } from './case-progress.store';

/**
 * Keeps the status of web complaints' cases for the customer's status look-up: only the cases of
 * web complaints (a web complaint is never merged into another case: its customer is not verified).
 */
export class RecordCaseProgressUseCase {
  constructor(private readonly store: CaseProgressStore) {}

  async execute(event: CaseEventV1): Promise<boolean> {
    if (event.case.channel !== 'web') return false;
    await this.store.apply(event);
    return true;
  }
}

import type { ComplaintRoutedV1 } from '@complaints/contracts';
import { openCase } from '../../domain/case';
import { CaseRepository } from '../case.repository';

/** Opens the case of a routed complaint; a redelivered event finds it open and changes nothing. */
export class OpenCaseUseCase {
  constructor(private readonly cases: CaseRepository) {}

  async execute(routed: ComplaintRoutedV1): Promise<{ reference: string; created: boolean }> {
    const { case: opened, timeline } = openCase(routed);
    const created = await this.cases.createIfAbsent(opened, timeline);
    return { reference: opened.reference, created };
  }
}

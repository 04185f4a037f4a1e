import type { Case } from '../../domain/case';
import { nextWatchAt } from '../../domain/case-clock-actions';
import { DEFAULT_SLA_POLICY } from '../../domain/sla-policy';
import type { InMemoryCaseRepository } from './in-memory-case.repository';

/** Puts a case in the store as it stands, with the watcher's next look as the default policy sets it. */
export function seedCase(cases: InMemoryCaseRepository, c: Case): Case {
  cases.put(c, nextWatchAt(c, DEFAULT_SLA_POLICY));
  return c;
}

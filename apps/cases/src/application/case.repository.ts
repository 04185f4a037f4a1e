import type { Department, Priority } from '@complaints/contracts';
import type { Case, TimelineEntry } from '../domain/case';
import type { CaseStatus } from '../domain/case-status';

export interface CaseFilter {
  /** Departments the caller may see; undefined means all. */
  departments?: readonly Department[];
  status?: CaseStatus;
  priority?: Priority;
  limit: number;
  offset: number;
}

/** Port: the case store (idempotent creation, queries). */
export abstract class CaseRepository {
  /** Creates the case with its first timeline entries unless it exists; true when it was created. */
  abstract createIfAbsent(opened: Case, timeline: TimelineEntry[]): Promise<boolean>;
  abstract findByReference(reference: string): Promise<{ case: Case; timeline: TimelineEntry[] } | null>;
  abstract list(filter: CaseFilter): Promise<{ items: Case[]; total: number }>;
}

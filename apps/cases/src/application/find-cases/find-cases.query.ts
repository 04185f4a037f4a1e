import type { Department, Priority } from '@complaints/contracts';
import type { StaffPrincipal } from '@complaints/security';
import type { Case, TimelineEntry } from '../../domain/case';
import type { CaseStatus } from '../../domain/case-status';
import { CaseRepository } from '../case.repository';

export class DepartmentForbiddenError extends Error {
  readonly code = 'DEPARTMENT_FORBIDDEN';
  constructor(readonly department: Department) {
    super(`not allowed to see the cases of department ${department}`);
  }
}

export interface ListCasesRequest {
  department?: Department;
  status?: CaseStatus;
  priority?: Priority;
  limit: number;
  offset: number;
}

/** Staff queries, scoped to the departments the caller may see (DESIGN section 4). */
export class FindCasesQuery {
  constructor(private readonly cases: CaseRepository) {}

  list(staff: StaffPrincipal, request: ListCasesRequest): Promise<{ items: Case[]; total: number }> {
    if (request.department && !staff.canSee(request.department)) throw new DepartmentForbiddenError(request.department);
    const departments = request.department ? [request.department] : staff.seesAllDepartments ? undefined : staff.departments;
    return this.cases.list({ departments, status: request.status, priority: request.priority, limit: request.limit, offset: request.offset });
  }

  /** A case the caller may not see is reported as absent, so references cannot be probed. */
  async get(staff: StaffPrincipal, reference: string): Promise<{ case: Case; timeline: TimelineEntry[] } | null> {
    const found = await this.cases.findByReference(reference);
    return found && staff.canSee(found.case.department) ? found : null;
  }
}

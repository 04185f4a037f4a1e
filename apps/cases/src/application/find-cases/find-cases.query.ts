import type { Department, Priority } from '@complaints/contracts';
import type { Case, TimelineEntry } from '../../domain/case';
import type { CaseStatus } from '../../domain/case-status';
import { AuditEntry, CaseRepository } from '../case.repository';
import { Clock } from '../clock';

export class DepartmentForbiddenError extends Error {
  readonly code = 'DEPARTMENT_FORBIDDEN';
  constructor(readonly department: Department) {
    super(`not allowed to see the cases of department ${department}`);
  }
}

/** Who is asking: what they may see and their roles. */
export interface Viewer {
  id: string;
  roles: readonly string[];
  departments: readonly Department[];
  seesAllDepartments: boolean;
  canSee(department: Department): boolean;
}

export interface ListCasesRequest {
  department?: Department;
  status?: CaseStatus;
  priority?: Priority;
  /** A handler id, or `me`. */
  assignee?: string;
  unassigned?: boolean;
  escalated?: boolean;
  dueWithinHours?: number;
  limit: number;
  offset: number;
}

const AUDIT_READERS = ['auditor', 'supervisor', 'consumer-protection', 'admin'];

/** Staff queries, scoped to the departments the caller may see (docs/ARCHITECTURE.md (Public interfaces)): the queue, one case, its audit trail. */
export class FindCasesQuery {
  constructor(
    private readonly cases: CaseRepository,
    private readonly clock: Clock,
  ) {}

  /** The queue, most urgent decision first. */
  async list(staff: Viewer, request: ListCasesRequest): Promise<{ items: Case[]; total: number }> {
    if (request.department && !staff.canSee(request.department)) throw new DepartmentForbiddenError(request.department);
    const departments = request.department ? [request.department] : staff.seesAllDepartments ? undefined : staff.departments;
    const dueBefore =
      request.dueWithinHours === undefined ? undefined : new Date(this.clock.now().getTime() + request.dueWithinHours * 3_600_000);
    return this.cases.list({
      departments,
      status: request.status,
      priority: request.priority,
      assignee: request.assignee === 'me' ? staff.id : request.assignee,
      unassigned: request.unassigned,
      escalated: request.escalated,
      dueBefore,
      limit: request.limit,
      offset: request.offset,
    });
  }

  /** A case the caller may not see is reported as absent, so references cannot be probed. */
  async get(staff: Viewer, reference: string): Promise<{ case: Case; timeline: TimelineEntry[] } | null> {
    const found = await this.cases.findByReference(reference);
    return found && staff.canSee(found.case.department) ? found : null;
  }

  /** The audit trail of a case: auditors, supervisors, consumer protection and admins; null when absent or not allowed. */
  async audit(staff: Viewer, reference: string): Promise<AuditEntry[] | null> {
    if (!staff.roles.some((r) => AUDIT_READERS.includes(r))) return null;
    const found = await this.get(staff, reference);
    return found ? this.cases.auditTrail(reference) : null;
  }
}

import { Equals, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { REFERENCE_PATTERN } from './complaint-reference';
import { EventEnvelope } from './event-envelope';
import { DEPARTMENTS, Department } from './taxonomy';
import { Topics } from './topics';

/** Why the router moved an open case: its handler was deactivated or no longer fits it (department, language, skills). */
export const REASSIGNMENT_REASONS = ['handler_inactive', 'handler_unfit'] as const;
export type ReassignmentReason = (typeof REASSIGNMENT_REASONS)[number];

/**
 * `complaints.assignments.v1`: the router moved an open case from the handler it had assigned to
 * another who fits (fewest open cases), or back to the department's queue (`to` null). Cases applies
 * it only while the case is still with `from`; staff who moved it meanwhile win.
 */
export class HandlerReassignmentV1 extends EventEnvelope {
  static readonly topic = Topics.assignmentsV1;
  static readonly type = 'handler.reassigned';

  @Equals(HandlerReassignmentV1.type)
  override eventType: typeof HandlerReassignmentV1.type;

  @IsUUID()
  complaintId: string;

  @Matches(REFERENCE_PATTERN)
  reference: string;

  @IsIn(DEPARTMENTS)
  department: Department;

  /** The handler's staff id the case leaves. */
  @IsString()
  @MaxLength(128)
  from: string;

  /** The handler it goes to; null: the department's queue (no active handler fits). */
  @IsOptional()
  @IsString()
  @MaxLength(128)
  to: string | null;

  @IsIn(REASSIGNMENT_REASONS)
  reason: ReassignmentReason;

  /** Who changed the handler (the router admin's staff id). */
  @IsString()
  @MaxLength(128)
  changedBy: string;
}

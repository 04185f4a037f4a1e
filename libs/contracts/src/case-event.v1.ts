import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { REFERENCE_PATTERN } from './complaint-reference';
import { ComplaintSourceV1, CustomerContactV1 } from './complaint.v1';
import { EventEnvelope } from './event-envelope';
import { CHANNELS, Channel, DEPARTMENTS, Department, PRIORITIES, Priority } from './taxonomy';
import { Topics } from './topics';

/** Case lifecycle statuses (the cases service's state machine). */
export const CASE_STATUSES = [
  'RECEIVED',
  'ASSIGNED',
  'IN_PROGRESS',
  'RESPONDED',
  'RESOLVED',
  'CLOSED',
  'ARCHIVED',
  'REOPENED',
  'ESCALATED',
  'MEDIATION',
  'WITHDRAWN',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * What happened to a case. `eventType` of the event is `case.<kind>`, e.g. `case.opened`, `case.closed`.
 * New kinds may be added to this version (consumers ignore kinds they do not handle); none is removed.
 */
export const CASE_EVENT_KINDS = [
  'opened',
  'linked_complaint',
  'assigned',
  'claimed',
  'status_changed',
  'feedback_sent',
  'note_added',
  'resolution_proposed',
  'resolved',
  'extension_requested',
  'extension_approved',
  'extension_rejected',
  'clock_paused',
  'clock_resumed',
  'escalated',
  'mediation_referred',
  'mediation_concluded',
  'satisfaction_recorded',
  'reopened',
  'closed',
  'archived',
  'withdrawn',
  'sla_warning',
  'sla_breached',
] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];

export const CASE_EVENT_TYPES = CASE_EVENT_KINDS.map((kind) => `case.${kind}` as const);
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

/** Who did it: a staff member (`sub` of the staff token), the customer, or the system (clocks, routing). */
export class CaseActorV1 {
  @IsIn(['staff', 'customer', 'system'])
  type: 'staff' | 'customer' | 'system';

  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  id: string;
}

/** The case as it is after the event. */
export class CaseSnapshotV1 {
  @Matches(REFERENCE_PATTERN)
  reference: string;

  @IsUUID()
  complaintId: string;

  @IsIn(CHANNELS)
  channel: Channel;

  /** Where the complaint came from, so a channel can answer its own system (e.g. a call-centre callback). */
  @IsObject()
  @ValidateNested()
  @Type(() => ComplaintSourceV1)
  source: ComplaintSourceV1;

  /** The customer's contact on their channel (sealed values as in the complaint), for notifications. */
  @IsObject()
  @ValidateNested()
  @Type(() => CustomerContactV1)
  contact: CustomerContactV1;

  @IsOptional()
  @IsString()
  @MaxLength(128)
  customerId?: string;

  @IsIn(['zh', 'en', 'other'])
  language: 'zh' | 'en' | 'other';

  @IsIn(CASE_STATUSES)
  status: CaseStatus;

  @IsIn(DEPARTMENTS)
  department: Department;

  @IsIn(PRIORITIES)
  priority: Priority;

  @IsOptional()
  @IsString()
  @MaxLength(128)
  assignee: string | null;
}

/** `complaints.case-events.v1`: one lifecycle event of one case, keyed by `complaintId`. */
export class CaseEventV1 extends EventEnvelope {
  static readonly topic = Topics.caseEventsV1;

  @IsIn(CASE_EVENT_TYPES)
  override eventType: CaseEventType;

  @IsObject()
  @ValidateNested()
  @Type(() => CaseSnapshotV1)
  case: CaseSnapshotV1;

  @IsObject()
  @ValidateNested()
  @Type(() => CaseActorV1)
  actor: CaseActorV1;

  /** True when the customer should be told (feedback, resolution, survey...); the notifier acts on these. */
  @IsBoolean()
  customerVisible: boolean;

  /** Customer-visible message or internal note text, when the event has one. */
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  message?: string;

  /** Kind-specific details (e.g. `{ from, to }` for a status change, `{ score }` for satisfaction). */
  @IsOptional()
  @IsObject()
  data?: Record<string, unknown>;

  @IsISO8601({ strict: true })
  at: string;
}

export function caseEventType(kind: CaseEventKind): CaseEventType {
  return `case.${kind}`;
}

import { CaseEventV1 } from '@complaints/contracts';
import type { PreparedChange } from '../../application/case.repository';
import type { Case, TimelineEntry } from '../../domain/case';
import { toCaseColumns } from './case.mapper';

/**
 * The rows a change writes besides the case (timeline entries, its audit entry, its outbox events), as
 * one JSON document per case: a whole batch goes to PostgreSQL as one parameter and is written by one
 * statement (see OPEN_CASES_SQL and RECORD_CHANGES_SQL), serialized once.
 */
interface ChangeRecord {
  /** Order within the statement: ids (timeline order, outbox order) follow it. */
  n: number;
  complaintId: string;
  timeline: TimelineEntry[];
  audit: {
    reference: string;
    action: string;
    actorType: string;
    actorId: string;
    actorRoles: readonly string[];
    at: Date;
    before: Record<string, unknown> | null;
    after: Record<string, unknown>;
    eventIds: string[];
  };
  outbox: CaseEventV1[];
}

/** What the audit trail keeps of a case: its mutable state (contact data stays out). */
function auditState(c: Case): Record<string, unknown> {
  const { status, department, assignee, priority, escalation, sla, lifecycle } = c;
  return { status, department, assignee, priority, escalation, sla, lifecycle };
}

/** The timeline entry of a case event. */
function eventEntry(complaintEvent: CaseEventV1): TimelineEntry {
  return {
    type: complaintEvent.eventType.replace(/^case\./, ''),
    at: new Date(complaintEvent.at),
    actor: `${complaintEvent.actor.type}:${complaintEvent.actor.id}`,
    sourceEventId: complaintEvent.eventId,
    details: { customerVisible: complaintEvent.customerVisible, message: complaintEvent.message, ...complaintEvent.data },
  };
}

/** The record of a change: `timeline` (entries before its events', e.g. a new case's received/routed), then one entry per event. */
export function changeRecord(
  n: number,
  before: Case | null,
  change: PreparedChange,
  timeline: readonly TimelineEntry[] = [],
): ChangeRecord {
  const c = change.case;
  return {
    n,
    complaintId: c.complaintId,
    timeline: [...timeline, ...change.events.map(eventEntry)],
    audit: {
      reference: c.reference,
      action: change.action,
      actorType: change.actor.type,
      actorId: change.actor.id,
      actorRoles: change.actor.roles,
      at: change.at,
      before: before ? auditState(before) : null,
      after: auditState(c),
      eventIds: change.events.map((e) => e.eventId),
    },
    outbox: change.events,
  };
}

/** A new case's row (as CaseEntity names its columns) with its record, for OPEN_CASES_SQL. */
export function openingRecord(n: number, change: PreparedChange, timeline: readonly TimelineEntry[]): object {
  return { ...toCaseColumns(change.case, change.nextAlertAt), ...changeRecord(n, null, change, timeline) };
}

/** The CTEs that write the records of `source` (a relation with the columns of ChangeRecord). */
function recordCtes(source: string, timelineConflict: string): string {
  return `
  timeline_rows AS (
    INSERT INTO cases.timeline (complaint_id, type, at, actor, source_event_id, details)
    SELECT s."complaintId", t.e ->> 'type', (t.e ->> 'at')::timestamptz, t.e ->> 'actor', t.e ->> 'sourceEventId', t.e -> 'details'
      FROM ${source} s CROSS JOIN LATERAL jsonb_array_elements(s.timeline) WITH ORDINALITY AS t(e, k)
     ORDER BY s.n, t.k
    ${timelineConflict}
  ),
  audit_rows AS (
    INSERT INTO cases.audit_log (complaint_id, reference, action, actor_type, actor_id, actor_roles, at, before, after, event_ids)
    SELECT s."complaintId", s.audit ->> 'reference', s.audit ->> 'action', s.audit ->> 'actorType', s.audit ->> 'actorId',
           ARRAY(SELECT jsonb_array_elements_text(s.audit -> 'actorRoles')), (s.audit ->> 'at')::timestamptz,
           NULLIF(s.audit -> 'before', 'null'::jsonb), s.audit -> 'after',
           ARRAY(SELECT jsonb_array_elements_text(s.audit -> 'eventIds'))::uuid[]
      FROM ${source} s
     ORDER BY s.n
  ),
  outbox_rows AS (
    INSERT INTO cases.outbox (event_id, topic, message_key, payload)
    SELECT (o.e ->> 'eventId')::uuid, $2, s."complaintId"::text, o.e
      FROM ${source} s CROSS JOIN LATERAL jsonb_array_elements(s.outbox) WITH ORDINALITY AS o(e, k)
     ORDER BY s.n, o.k
  )`;
}

const RECORD_COLUMNS = `n int, "complaintId" uuid, timeline jsonb, audit jsonb, outbox jsonb`;

const CASE_COLUMNS = [
  ['complaint_id', 'complaintId', 'uuid'],
  ['reference', 'reference', 'text'],
  ['channel', 'channel', 'text'],
  ['status', 'status', 'text'],
  ['department', 'department', 'text'],
  ['assignee', 'assignee', 'text'],
  ['priority', 'priority', 'text'],
  ['escalation', 'escalation', 'boolean'],
  ['needs_triage', 'needsTriage', 'boolean'],
  ['product', 'product', 'text'],
  ['reason', 'reason', 'text'],
  ['service_point', 'servicePoint', 'text'],
  ['received_at', 'receivedAt', 'timestamptz'],
  ['routed_at', 'routedAt', 'timestamptz'],
  ['feedback_due_at', 'feedbackDueAt', 'timestamptz'],
  ['decision_due_at', 'decisionDueAt', 'timestamptz'],
  ['decision_deadline_days', 'decisionDeadlineDays', 'int'],
  ['details', 'details', 'jsonb'],
  ['clock', 'clock', 'jsonb'],
  ['lifecycle', 'lifecycle', 'jsonb'],
  ['next_alert_at', 'nextAlertAt', 'timestamptz'],
] as const;

/**
 * Opens cases in one statement: $1 a JSON array of openingRecord, $2 the case events' topic. Inserts
 * each case unless its complaint already has one, and the timeline, audit and outbox rows of the cases
 * it inserted only; returns their complaint ids.
 */
export const OPEN_CASES_SQL = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(${RECORD_COLUMNS}, ${CASE_COLUMNS.filter(([, field]) => field !== 'complaintId')
    .map(([, field, type]) => `"${field}" ${type}`)
    .join(', ')})
),
opened AS (
  INSERT INTO cases.cases (${CASE_COLUMNS.map(([column]) => column).join(', ')}, version)
  SELECT ${CASE_COLUMNS.map(([, field]) => `"${field}"`).join(', ')}, 0 FROM input ORDER BY n
  ON CONFLICT (complaint_id) DO NOTHING
  RETURNING complaint_id
),
recorded AS (SELECT i.* FROM input i JOIN opened o ON o.complaint_id = i."complaintId"),
${recordCtes('recorded', 'ON CONFLICT DO NOTHING')}
SELECT complaint_id AS "complaintId" FROM opened`;

/** Writes the records of changes to existing cases in one statement: $1 a JSON array of changeRecord, $2 the case events' topic. */
export const RECORD_CHANGES_SQL = `
WITH input AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(${RECORD_COLUMNS})),
${recordCtes('input', '')}
SELECT count(*)::int AS n FROM input`;

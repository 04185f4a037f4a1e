import type { Channel, Department, Priority, Product, Reason, ServicePoint } from '@complaints/contracts';
import { Case, CaseLifecycle, emptyLifecycle } from '../../domain/case';
import type { CaseStatus } from '../../domain/case-status';
import { SlaClocks, startClocks } from '../../domain/sla-policy';
import { CaseEntity } from './case.entity';

type Details = Pick<Case, 'content' | 'customer' | 'context' | 'source' | 'routing' | 'correlationId'>;
type ClockState = Omit<SlaClocks, 'feedbackDueAt' | 'decisionDueAt' | 'decisionDeadlineDays'>;

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** JSON columns hold timestamps as ISO strings; this turns them back into Dates. */
function reviveDates<T>(value: unknown): T {
  return JSON.parse(JSON.stringify(value), (_key, v: unknown) => (typeof v === 'string' && ISO_TIMESTAMP.test(v) ? new Date(v) : v)) as T;
}

const json = (value: unknown): object => JSON.parse(JSON.stringify(value)) as object;

export function toCaseEntity(c: Case, nextAlertAt: Date | null): Omit<CaseEntity, 'createdAt' | 'updatedAt' | 'version'> {
  const columns = toCaseColumns(c, nextAlertAt);
  return { ...columns, details: json(columns.details), clock: json(columns.clock), lifecycle: json(columns.lifecycle) };
}

/** The case's columns as CaseEntity names them, its JSON documents as they are (for a caller that serializes the row itself). */
export function toCaseColumns(c: Case, nextAlertAt: Date | null): Omit<CaseEntity, 'createdAt' | 'updatedAt' | 'version'> {
  const details: Details = {
    content: c.content,
    customer: c.customer,
    context: c.context,
    source: c.source,
    routing: c.routing,
    correlationId: c.correlationId,
  };
  const { feedbackDueAt, decisionDueAt, decisionDeadlineDays, ...clock } = c.sla;
  return {
    complaintId: c.complaintId,
    reference: c.reference,
    channel: c.channel,
    status: c.status,
    department: c.department,
    assignee: c.assignee,
    priority: c.priority,
    escalation: c.escalation,
    needsTriage: c.needsTriage,
    product: c.category.product,
    reason: c.category.reason,
    servicePoint: c.category.servicePoint,
    receivedAt: c.receivedAt,
    routedAt: c.routedAt,
    feedbackDueAt,
    decisionDueAt,
    decisionDeadlineDays,
    details,
    clock,
    lifecycle: c.lifecycle,
    nextAlertAt,
  };
}

export function toCase(row: CaseEntity): Case {
  const details = row.details as unknown as Details;
  // Cases opened before the lifecycle migration have empty clock/lifecycle documents: fill in the defaults.
  const {
    feedbackDueAt: _f,
    decisionDueAt: _d,
    decisionDeadlineDays: _n,
    ...clockDefaults
  } = startClocks(row.receivedAt, row.priority as Priority);
  const clock: ClockState = { ...clockDefaults, ...reviveDates<Partial<ClockState>>(row.clock) };
  const lifecycle: CaseLifecycle = { ...emptyLifecycle(), ...reviveDates<Partial<CaseLifecycle>>(row.lifecycle) };
  return {
    complaintId: row.complaintId,
    reference: row.reference,
    channel: row.channel as Channel,
    status: row.status as CaseStatus,
    department: row.department as Department,
    assignee: row.assignee,
    priority: row.priority as Priority,
    escalation: row.escalation,
    needsTriage: row.needsTriage,
    category: { product: row.product as Product, reason: row.reason as Reason, servicePoint: row.servicePoint as ServicePoint },
    receivedAt: row.receivedAt,
    routedAt: row.routedAt,
    sla: { feedbackDueAt: row.feedbackDueAt, decisionDueAt: row.decisionDueAt, decisionDeadlineDays: row.decisionDeadlineDays, ...clock },
    ...details,
    lifecycle,
  };
}

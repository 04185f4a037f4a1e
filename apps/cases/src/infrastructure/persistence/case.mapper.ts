import type { Channel, Department, Priority, Product, Reason, ServicePoint } from '@complaints/contracts';
import type { Case } from '../../domain/case';
import type { CaseStatus } from '../../domain/case-status';
import { CaseEntity } from './case.entity';

type Details = Pick<Case, 'content' | 'customer' | 'context' | 'source' | 'routing'>;

export function toCaseEntity(c: Case): Omit<CaseEntity, 'createdAt' | 'updatedAt'> {
  const details: Details = { content: c.content, customer: c.customer, context: c.context, source: c.source, routing: c.routing };
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
    feedbackDueAt: c.sla.feedbackDueAt,
    decisionDueAt: c.sla.decisionDueAt,
    decisionDeadlineDays: c.sla.decisionDeadlineDays,
    details: JSON.parse(JSON.stringify(details)),
  };
}

export function toCase(row: CaseEntity): Case {
  const details = row.details as unknown as Details;
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
    sla: { feedbackDueAt: row.feedbackDueAt, decisionDueAt: row.decisionDueAt, decisionDeadlineDays: row.decisionDeadlineDays },
    ...details,
  };
}

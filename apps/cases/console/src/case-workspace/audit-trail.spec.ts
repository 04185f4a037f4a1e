import { describe, expect, it } from '@jest/globals';
import { auditActor, canReadAudit, describeAudit, entriesOf, type AuditState } from './audit-trail';

const sla = {
  decisionDeadlineDays: 15,
  firstFeedbackAt: null,
  decidedAt: null,
  pauses: [],
  pendingExtension: null,
  extensions: [],
  alerts: { feedbackWarnedAt: null, feedbackBreachedAt: null, decisionWarnedAt: null, decisionBreachedAt: null },
};
const lifecycle = {
  escalations: [],
  resolution: null,
  mediation: null,
  satisfaction: [],
  closure: null,
  withdrawal: null,
  reopenCount: 0,
  linkedComplaints: [],
};
const received: AuditState = { status: 'RECEIVED', department: 'FRAUD', assignee: null, priority: 'P1', escalation: false, sla, lifecycle };

describe('describeAudit', () => {
  it('describes the opening of a case: its status, department and priority', () => {
    expect(describeAudit({ before: null, after: received })).toEqual({
      status: { from: null, to: 'RECEIVED' },
      details: [
        { field: 'department', from: null, to: 'FRAUD' },
        { field: 'priority', from: null, to: 'P1' },
      ],
    });
  });

  it('describes a claim as the status and the handler it changed', () => {
    const claimed = { ...received, status: 'ASSIGNED', assignee: 'li.na' };
    expect(describeAudit({ before: received, after: claimed })).toEqual({
      status: { from: 'RECEIVED', to: 'ASSIGNED' },
      details: [{ field: 'assignee', from: null, to: 'li.na' }],
    });
  });

  it('says nothing changed for a note', () => {
    expect(describeAudit({ before: received, after: received })).toEqual({ status: null, details: [] });
  });

  it('records the first feedback and the watcher alerts by their times', () => {
    const after = {
      ...received,
      sla: { ...sla, firstFeedbackAt: '2026-11-29T02:00:00.000Z', alerts: { ...sla.alerts, decisionWarnedAt: '2026-11-29T03:00:00.000Z' } },
    };
    expect(describeAudit({ before: received, after }).details).toEqual([
      { field: 'firstFeedbackAt', to: '2026-11-29T02:00:00.000Z' },
      { field: 'decisionWarnedAt', to: '2026-11-29T03:00:00.000Z' },
    ]);
  });

  it('describes pauses, resumptions and extensions with their reasons', () => {
    const paused = {
      ...received,
      sla: { ...sla, pauses: [{ from: '2026-11-29T02:00:00.000Z', to: null, reason: '等待鉴定', by: 'lead' }] },
    };
    expect(describeAudit({ before: received, after: paused }).details).toEqual([{ field: 'clockPaused', to: '等待鉴定' }]);
    const resumed = {
      ...received,
      sla: { ...sla, pauses: [{ from: '2026-11-29T02:00:00.000Z', to: '2026-11-30T02:00:00.000Z', reason: '等待鉴定', by: 'lead' }] },
    };
    expect(describeAudit({ before: paused, after: resumed }).details).toEqual([{ field: 'clockResumed', to: true }]);

    const requested = { ...received, sla: { ...sla, pendingExtension: { toDays: 30, reason: '调取记录', requestedBy: 'lead' } } };
    expect(describeAudit({ before: received, after: requested }).details).toEqual([
      { field: 'extensionRequested', to: 30, reason: '调取记录' },
    ]);
    const granted = { ...received, sla: { ...sla, decisionDeadlineDays: 30, extensions: [{ toDays: 30, approvedBy: 'lead-2' }] } };
    expect(describeAudit({ before: requested, after: granted }).details).toEqual([
      { field: 'deadlineDays', from: 15, to: 30 },
      { field: 'extensionDecided', to: 'approved' },
    ]);
    expect(describeAudit({ before: requested, after: received }).details).toEqual([{ field: 'extensionDecided', to: 'rejected' }]);
  });

  it('describes what the lifecycle gained: escalation, resolution, closure, survey, reopening, withdrawal', () => {
    const escalated = {
      ...received,
      status: 'ESCALATED',
      escalation: true,
      lifecycle: { ...lifecycle, escalations: [{ reason: '媒体关注', to: 'CONSUMER_PROTECTION' }] },
    };
    expect(describeAudit({ before: received, after: escalated })).toEqual({
      status: { from: 'RECEIVED', to: 'ESCALATED' },
      details: [
        { field: 'escalation', from: false, to: true },
        { field: 'escalatedTo', to: 'CONSUMER_PROTECTION', reason: '媒体关注' },
      ],
    });
    const closed = {
      ...received,
      status: 'CLOSED',
      lifecycle: {
        ...lifecycle,
        resolution: { proposal: '退款' },
        satisfaction: [{ score: 2, comment: '太慢' }],
        closure: { rootCause: '规则缺失', correctiveAction: '上线拦截' },
        reopenCount: 1,
      },
    };
    expect(describeAudit({ before: received, after: closed }).details).toEqual([
      { field: 'resolution', to: '退款' },
      { field: 'satisfaction', to: 2 },
      { field: 'satisfactionComment', to: '太慢' },
      { field: 'rootCause', to: '规则缺失' },
      { field: 'correctiveAction', to: '上线拦截' },
      { field: 'reopenCount', to: 1 },
    ]);
    const withdrawn = {
      ...received,
      status: 'WITHDRAWN',
      lifecycle: { ...lifecycle, withdrawal: { reason: '已协商' }, linkedComplaints: [{ reference: 'C20261129-AB12CD', channel: 'web' }] },
    };
    expect(describeAudit({ before: received, after: withdrawn }).details).toEqual([
      { field: 'withdrawalReason', to: '已协商' },
      { field: 'linkedComplaint', to: 'C20261129-AB12CD' },
    ]);
  });

  it('describes a mediation referral and its outcome', () => {
    const referred = { ...received, status: 'MEDIATION', lifecycle: { ...lifecycle, mediation: { organisation: '金融纠纷调解中心' } } };
    expect(describeAudit({ before: received, after: referred }).details).toEqual([
      { field: 'mediationOrganisation', to: '金融纠纷调解中心' },
    ]);
    const settled = {
      ...referred,
      status: 'RESOLVED',
      lifecycle: { ...lifecycle, mediation: { organisation: '金融纠纷调解中心', outcome: 'settled', summary: '和解' } },
    };
    expect(describeAudit({ before: referred, after: settled }).details).toEqual([
      { field: 'mediationOutcome', to: 'settled' },
      { field: 'mediationSummary', to: '和解' },
    ]);
  });

  it('copes with states that lack parts', () => {
    expect(describeAudit({ before: {}, after: { status: 'RECEIVED' } })).toEqual({ status: { from: null, to: 'RECEIVED' }, details: [] });
  });
});

describe('entriesOf', () => {
  it('finds the timeline entries of the events the audit entry names', () => {
    const timeline = [
      { at: '2026-11-29T02:00:00.000Z', actor: 'staff:li.na', type: 'claimed', eventId: 'e1' },
      { at: '2026-11-29T02:00:00.000Z', actor: 'staff:li.na', type: 'note_added', eventId: 'e2' },
      { at: '2026-11-29T02:00:01.000Z', actor: 'staff:li.na', type: 'feedback_sent', eventId: 'e3' },
    ];
    expect(entriesOf({ eventIds: ['e1'] }, timeline).map((e) => e.type)).toEqual(['claimed']);
    expect(entriesOf({ eventIds: ['e2', 'e3'] }, timeline).map((e) => e.type)).toEqual(['note_added', 'feedback_sent']);
    expect(entriesOf({ eventIds: ['e4'] }, timeline)).toEqual([]);
  });
});

describe('auditActor and canReadAudit', () => {
  it('names staff by id and roles, the system by part, and the customer by kind', () => {
    expect(auditActor({ actorType: 'staff', actorId: 'li.na', actorRoles: ['agent'] })).toEqual({
      kind: 'staff',
      id: 'li.na',
      roles: ['agent'],
    });
    expect(auditActor({ actorType: 'system', actorId: 'sla-watcher', actorRoles: ['system'] })).toEqual({
      kind: 'system',
      id: 'sla-watcher',
    });
    expect(auditActor({ actorType: 'customer', actorId: 'customer-response:e1', actorRoles: [] })).toEqual({ kind: 'customer' });
  });

  it('lets auditors, supervisors, consumer protection and admins read the trail, not agents', () => {
    expect(canReadAudit(['agent'])).toBe(false);
    for (const role of ['auditor', 'supervisor', 'consumer-protection', 'admin']) expect(canReadAudit(['agent', role])).toBe(true);
  });
});

import { Client } from 'pg';
import { CaseEventV1 } from '@complaints/contracts';
import { CasesConfig } from '../../apps/cases/src/cases.config';
import { CasesModule } from '../../apps/cases/src/cases.module';
import { testConfig } from '../support/configs';
import { RunningApp, startApp } from '../support/running-app';
import { staffToken } from '../support/staff-token';
import { CaseEventsTap, RoutedPublisher, routedComplaint, TestClock } from './cases-support';

const DAY = 24 * 3_600_000;

/** The case lifecycle on the real broker and database: actions, roles, audit trail, events on the topic. */
describe('case lifecycle (real Kafka and PostgreSQL)', () => {
  const clock = new TestClock();
  const tap = new CaseEventsTap();
  const routed = new RoutedPublisher();
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  let cases: RunningApp;

  const agent = staffToken(['agent'], ['CARD_CENTER'], 'agent-card');
  const otherAgent = staffToken(['agent'], ['CARD_CENTER'], 'agent-card-2');
  const lendingAgent = staffToken(['agent'], ['LENDING'], 'agent-lending');
  const supervisor = staffToken(['supervisor'], ['CARD_CENTER'], 'sup-card');
  const protection = staffToken(['consumer-protection'], [], 'cp-1');
  const auditor = staffToken(['auditor'], [], 'auditor-1');

  beforeAll(async () => {
    cases = await startApp(
      CasesModule.register(testConfig(CasesConfig, { CASES_SLA_WATCH_INTERVAL_MS: '0', CASES_OUTBOX_POLL_MS: '200' }), { clock }),
    );
    await tap.start();
    await db.connect();
  });

  afterAll(async () => {
    await Promise.all([tap.stop(), routed.close(), db.end(), cases?.close()]);
  });

  async function call(method: string, path: string, token: string, body?: unknown) {
    const res = await fetch(`${cases.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: text ? (JSON.parse(text) as Record<string, any>) : {} };
  }

  const act = (reference: string, action: string, token: string, body?: unknown) =>
    call('POST', `/v1/cases/${reference}/${action}`, token, body);

  /** Publishes a routed complaint and waits for its case and its `case.opened`. */
  async function openCase(options: Parameters<typeof routedComplaint>[0] = {}) {
    const event = routedComplaint({ receivedAt: clock.now(), ...options });
    await routed.publish(event);
    await tap.waitFor(event.complaint.complaintId, 'case.opened');
    return { reference: event.complaint.reference, complaintId: event.complaint.complaintId, event };
  }

  it('opens a case from a routed complaint and publishes case.opened with the reference for the customer', async () => {
    const { reference, complaintId, event } = await openCase({ hotline: true });
    const [opened] = tap.of(complaintId);
    expect(opened).toMatchObject({
      eventType: 'case.opened',
      source: 'cases',
      correlationId: event.correlationId,
      causationId: event.eventId,
      customerVisible: true,
      actor: { type: 'system', id: 'cases' },
      case: {
        reference,
        complaintId,
        channel: 'hotline',
        status: 'RECEIVED',
        department: 'CARD_CENTER',
        language: 'zh',
        customerId: 'cust-42',
        contact: { phoneLast4: '8000' },
        source: { system: 'cc-demo', messageId: event.complaint.source.messageId },
        assignee: null,
      },
    });
    expect(opened.message).toContain(reference);
    expect(tap.events.find((e) => e.event.eventId === opened.eventId)?.key).toBe(complaintId);

    const found = await call('GET', `/v1/cases/${reference}`, agent);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({
      reference,
      complaintId,
      channel: 'hotline',
      status: 'RECEIVED',
      department: 'CARD_CENTER',
      assignee: null,
      priority: 'P2',
    });
    expect(found.body.content.transcript).toEqual(event.complaint.content.transcript);
    expect(Date.parse(found.body.sla.feedbackDueAt) - Date.parse(event.complaint.receivedAt)).toBe(48 * 3_600_000);
    expect(Date.parse(found.body.sla.decisionDueAt) - Date.parse(event.complaint.receivedAt)).toBe(15 * DAY);
    expect(found.body.timeline.map((e: { type: string }) => e.type)).toEqual(['received', 'routed', 'opened']);
  });

  it('opens one case and publishes one case.opened when the routed event is delivered again', async () => {
    const event = routedComplaint({ receivedAt: clock.now() });
    await routed.publish(event);
    await routed.publish(event);
    // A later complaint on the same key (same partition) shows that the duplicate was consumed before it.
    const later = routedComplaint({ receivedAt: clock.now() });
    await routed.publish(later, event.complaint.complaintId);
    await tap.waitFor(event.complaint.complaintId, 'case.opened');
    await tap.waitFor(later.complaint.complaintId, 'case.opened');
    const { rows } = await db.query(
      "SELECT count(*)::int AS n FROM cases.outbox WHERE message_key = $1 AND payload->>'eventType' = 'case.opened'",
      [event.complaint.complaintId],
    );
    expect(rows[0].n).toBe(1);
  });

  it('works a case from claim to archive, with every step audited, in the timeline and on the topic', async () => {
    const { reference, complaintId } = await openCase();

    expect((await act(reference, 'claim', agent)).body).toMatchObject({ status: 'ASSIGNED', assignee: 'agent-card' });
    const feedback = await act(reference, 'feedback', agent, { message: '我们已收到并在核查年费扣款。' });
    expect(feedback.body).toMatchObject({ status: 'IN_PROGRESS' });
    expect(feedback.body.sla.firstFeedbackAt).toBe(clock.now().toISOString());
    expect((await act(reference, 'notes', agent, { note: '核对开卡合同的年费条款' })).status).toBe(200);
    expect((await act(reference, 'resolution', agent, { proposal: '退还年费200元。' })).body).toMatchObject({ status: 'RESPONDED' });
    expect((await act(reference, 'satisfaction', agent, { score: 4, comment: '满意' })).body).toMatchObject({ status: 'RESOLVED' });
    const closed = await act(reference, 'close', agent, {
      rootCause: '年费条款未在开卡时告知',
      correctiveAction: '开卡流程增加年费确认步骤',
    });
    expect(closed.body).toMatchObject({
      status: 'CLOSED',
      lifecycle: { closure: { rootCause: '年费条款未在开卡时告知', closedBy: 'agent-card' } },
    });

    // An agent cannot archive; a supervisor can, and afterwards the case is immutable.
    expect((await act(reference, 'archive', agent)).status).toBe(403);
    expect((await act(reference, 'archive', supervisor)).body).toMatchObject({ status: 'ARCHIVED' });
    const refused = await act(reference, 'notes', supervisor, { note: 'too late' });
    expect(refused.status).toBe(409);
    expect(refused.type).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ status: 409, caseStatus: 'ARCHIVED' });
    await expect(db.query("UPDATE cases.cases SET status = 'CLOSED' WHERE complaint_id = $1", [complaintId])).rejects.toThrow(
      /archived and immutable/,
    );

    const kinds = [
      'case.opened',
      'case.claimed',
      'case.feedback_sent',
      'case.note_added',
      'case.resolution_proposed',
      'case.satisfaction_recorded',
      'case.closed',
      'case.archived',
    ];
    const events = await tap.waitFor(complaintId, ...kinds);
    expect(events.map((e) => e.eventType)).toEqual(kinds);
    const byType = (t: string) => events.find((e) => e.eventType === t) as CaseEventV1;
    expect(byType('case.feedback_sent')).toMatchObject({
      customerVisible: true,
      message: '我们已收到并在核查年费扣款。',
      actor: { type: 'staff', id: 'agent-card' },
    });
    expect(byType('case.note_added')).toMatchObject({ customerVisible: false });
    expect(byType('case.claimed').data).toMatchObject({ from: 'RECEIVED', to: 'ASSIGNED' });
    expect(byType('case.closed')).toMatchObject({ customerVisible: true, case: { status: 'CLOSED' } });

    const audit = await call('GET', `/v1/cases/${reference}/audit`, auditor);
    expect(audit.status).toBe(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'open',
      'claim',
      'send-feedback',
      'add-note',
      'propose-resolution',
      'record-satisfaction',
      'close',
      'archive',
    ]);
    expect(audit.body.items[1]).toMatchObject({
      actorType: 'staff',
      actorId: 'agent-card',
      actorRoles: ['agent'],
      before: { status: 'RECEIVED', assignee: null },
      after: { status: 'ASSIGNED', assignee: 'agent-card' },
    });
    expect((await call('GET', `/v1/cases/${reference}/audit`, agent)).status).toBe(403);
    await expect(db.query('UPDATE cases.audit_log SET actor_id = $1', ['someone-else'])).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM cases.audit_log')).rejects.toThrow(/append-only/);

    const detail = await call('GET', `/v1/cases/${reference}`, auditor);
    expect(detail.body.timeline.map((e: { type: string }) => e.type)).toEqual([
      'received',
      'routed',
      'opened',
      'claimed',
      'feedback_sent',
      'note_added',
      'resolution_proposed',
      'satisfaction_recorded',
      'closed',
      'archived',
    ]);
    // Each timeline entry names the event that wrote it, as the audit entries do: the console joins the two on it.
    const timelineOf = (eventIds: string[]) =>
      detail.body.timeline.filter((e: { eventId: string }) => eventIds.includes(e.eventId)).map((e: { type: string }) => e.type);
    expect(audit.body.items.slice(1).map((e: { eventIds: string[] }) => timelineOf(e.eventIds))).toEqual([
      ['claimed'],
      ['feedback_sent'],
      ['note_added'],
      ['resolution_proposed'],
      ['satisfaction_recorded'],
      ['closed'],
      ['archived'],
    ]);
  });

  it('keeps departments apart and read-only roles read-only', async () => {
    const { reference } = await openCase();
    expect((await act(reference, 'claim', lendingAgent)).status).toBe(404);
    expect((await call('GET', `/v1/cases/${reference}`, lendingAgent)).status).toBe(404);
    const auditorClaim = await act(reference, 'claim', auditor);
    expect(auditorClaim.status).toBe(403);
    expect(auditorClaim.type).toContain('application/problem+json');
    expect((await act(reference, 'assign', agent, { assignee: 'agent-card-2' })).status).toBe(403);
    expect((await act(reference, 'assign', supervisor, { assignee: 'agent-card-2' })).body).toMatchObject({
      status: 'ASSIGNED',
      assignee: 'agent-card-2',
    });
    // Consumer protection works every department's cases.
    expect((await act(reference, 'notes', protection, { note: '关注此案' })).status).toBe(200);
  });

  it('refuses invalid transitions with 409 and bad input with 400 naming the field', async () => {
    const { reference } = await openCase();
    const close = await act(reference, 'close', agent, { rootCause: 'x', correctiveAction: 'y' });
    expect(close.status).toBe(409);
    expect(close.body).toMatchObject({ type: expect.stringContaining('invalid-transition'), action: 'close', caseStatus: 'RECEIVED' });
    const badScore = await act(reference, 'satisfaction', agent, { score: 7 });
    expect(badScore.status).toBe(400);
    expect(badScore.body.errors[0].field).toBe('score');
    const unknownField = await act(reference, 'feedback', agent, { message: 'hi', extra: true });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.errors[0].field).toBe('extra');
    expect((await act('C20261129-000000', 'claim', agent)).status).toBe(404);
  });

  it('approves extensions by role: 30 days by a supervisor, 60 only by consumer protection, never by the requester', async () => {
    const { reference, complaintId, event } = await openCase();
    await act(reference, 'claim', agent);
    expect((await act(reference, 'extension', agent, { toDays: 45, reason: 'x' })).status).toBe(400);
    expect(
      (await act(reference, 'extension', agent, { toDays: 30, reason: '需调取交易监控录像' })).body.sla.pendingExtension,
    ).toMatchObject({ toDays: 30, requestedBy: 'agent-card' });
    expect((await act(reference, 'extension/decision', otherAgent, { approve: true })).status).toBe(403);
    const approved = await act(reference, 'extension/decision', supervisor, { approve: true });
    expect(approved.body.sla).toMatchObject({ decisionDeadlineDays: 30, pendingExtension: null });
    expect(Date.parse(approved.body.sla.decisionDueAt) - Date.parse(event.complaint.receivedAt)).toBe(30 * DAY);

    await act(reference, 'extension', supervisor, { toDays: 60, reason: '需第三方司法鉴定' });
    expect((await act(reference, 'extension/decision', supervisor, { approve: true })).status).toBe(403);
    expect((await act(reference, 'extension/decision', protection, { approve: false, comment: '理由不足' })).body.sla).toMatchObject({
      decisionDeadlineDays: 30,
      pendingExtension: null,
    });
    expect((await act(reference, 'extension/decision', protection, { approve: true })).status).toBe(409);

    const events = await tap.waitFor(complaintId, 'case.extension_requested', 'case.extension_approved', 'case.extension_rejected');
    expect(events.find((e) => e.eventType === 'case.extension_approved')).toMatchObject({ customerVisible: true, data: { toDays: 30 } });
  });

  it('pauses the decision clock while waiting for an appraisal and moves the due time by the pause', async () => {
    const { reference, complaintId, event } = await openCase();
    await act(reference, 'claim', agent);
    const paused = await act(reference, 'clock/pause', agent, { reason: '等待外部司法鉴定' });
    expect(paused.body.sla).toMatchObject({ paused: true, pauseReason: '等待外部司法鉴定' });
    expect((await act(reference, 'clock/pause', agent, { reason: 'again' })).status).toBe(409);
    clock.advance(3 * DAY);
    const resumed = await act(reference, 'clock/resume', agent);
    clock.advance(-3 * DAY);
    expect(resumed.body.sla.paused).toBe(false);
    expect(Date.parse(resumed.body.sla.decisionDueAt) - Date.parse(event.complaint.receivedAt)).toBe(18 * DAY);
    const events = await tap.waitFor(complaintId, 'case.clock_paused', 'case.clock_resumed');
    expect(events.find((e) => e.eventType === 'case.clock_resumed')?.data).toMatchObject({ pausedMs: 3 * DAY });
  });

  it('moves the first-feedback clock when a merged repeat complaint raises the priority before any feedback', async () => {
    const { reference, complaintId, event } = await openCase({ priority: 'P3' });
    const repeat = routedComplaint({ receivedAt: clock.now(), priority: 'P1', linkedCaseReference: reference });
    await routed.publish(repeat);
    const events = await tap.waitFor(complaintId, 'case.linked_complaint');
    const expectedDue = new Date(Date.parse(event.complaint.receivedAt) + 24 * 3_600_000).toISOString();
    expect(events.find((e) => e.eventType === 'case.linked_complaint')?.data).toMatchObject({
      priority: 'P1',
      previousPriority: 'P3',
      feedbackDueAt: expectedDue,
    });
    const found = await call('GET', `/v1/cases/${reference}`, agent);
    expect(found.body).toMatchObject({ priority: 'P1', sla: { feedbackDueAt: expectedDue } });
    expect(Date.parse(found.body.sla.decisionDueAt) - Date.parse(event.complaint.receivedAt)).toBe(15 * DAY);

    // Once feedback was given, a further raise leaves that clock alone.
    const { reference: answered, complaintId: answeredId, event: answeredEvent } = await openCase({ priority: 'P3' });
    await act(answered, 'claim', agent);
    expect((await act(answered, 'feedback', agent, { message: '已收到，正在核实。' })).status).toBe(200);
    await routed.publish(routedComplaint({ receivedAt: clock.now(), priority: 'P1', linkedCaseReference: answered }));
    await tap.waitFor(answeredId, 'case.linked_complaint');
    const kept = await call('GET', `/v1/cases/${answered}`, agent);
    expect(kept.body.priority).toBe('P1');
    expect(Date.parse(kept.body.sla.feedbackDueAt) - Date.parse(answeredEvent.complaint.receivedAt)).toBe(48 * 3_600_000);
  });

  it('opens a case of its own for a complaint without a verified identity, leaving the other case as it was', async () => {
    const { reference, complaintId } = await openCase({ priority: 'P3' });
    const before = (await call('GET', `/v1/cases/${reference}`, agent)).body;
    // An older router's link, and the router's handler-only hint: neither merges an unverified complaint.
    const typed = routedComplaint({ receivedAt: clock.now(), priority: 'P1', linkedCaseReference: reference, verified: false });
    const related = routedComplaint({ receivedAt: clock.now(), priority: 'P1', relatedCaseReference: reference, verified: false });
    await routed.publish(typed);
    await routed.publish(related);
    await tap.waitFor(typed.complaint.complaintId, 'case.opened');
    await tap.waitFor(related.complaint.complaintId, 'case.opened');
    const own = await call('GET', `/v1/cases/${related.complaint.reference}`, agent);
    expect(own.body.routing.relatedCaseReference).toBe(reference);
    expect((await call('GET', `/v1/cases/${typed.complaint.reference}`, agent)).status).toBe(200);
    const after = (await call('GET', `/v1/cases/${reference}`, agent)).body;
    expect([after.priority, after.sla.feedbackDueAt, after.lifecycle.linkedComplaints]).toEqual([
      before.priority,
      before.sla.feedbackDueAt,
      [],
    ]);
    expect((await tap.waitFor(complaintId, 'case.opened')).map((e) => e.eventType)).not.toContain('case.linked_complaint');
  });

  it('reopens and escalates the case of a dissatisfied customer', async () => {
    const { reference, complaintId } = await openCase();
    await act(reference, 'claim', agent);
    await act(reference, 'resolution', agent, { proposal: '按合同不予退还。' });
    const unhappy = await act(reference, 'satisfaction', agent, { score: 1, comment: '不接受' });
    expect(unhappy.body).toMatchObject({
      status: 'ESCALATED',
      escalation: true,
      lifecycle: { reopenCount: 1, escalations: [{ to: 'CONSUMER_PROTECTION' }] },
    });
    const events = await tap.waitFor(complaintId, 'case.satisfaction_recorded', 'case.reopened', 'case.escalated');
    expect(events.slice(-3).map((e) => e.eventType)).toEqual(['case.satisfaction_recorded', 'case.reopened', 'case.escalated']);
    expect(events.at(-1)?.data).toMatchObject({
      escalatedTo: 'CONSUMER_PROTECTION',
      from: 'REOPENED',
      to: 'ESCALATED',
      notify: ['supervisor', 'CONSUMER_PROTECTION'],
    });
  });

  it('refers a case to mediation and records the outcome', async () => {
    const { reference, complaintId } = await openCase();
    await act(reference, 'claim', agent);
    await act(reference, 'feedback', agent, { message: '正在处理' });
    const referred = await act(reference, 'mediation', agent, { organisation: '上海银行业纠纷调解中心', mediator: '王调解员' });
    expect(referred.body).toMatchObject({
      status: 'MEDIATION',
      lifecycle: { mediation: { organisation: '上海银行业纠纷调解中心', mediator: '王调解员' } },
    });
    const settled = await act(reference, 'mediation/outcome', agent, { outcome: 'settled', summary: '双方同意退还一半年费' });
    expect(settled.body).toMatchObject({ status: 'RESOLVED', lifecycle: { mediation: { outcome: 'settled' } } });
    await tap.waitFor(complaintId, 'case.mediation_referred', 'case.mediation_concluded');
  });

  it('lets a customer withdraw, then archives the case', async () => {
    const { reference, complaintId } = await openCase();
    expect((await act(reference, 'withdraw', agent, { reason: '客户来电撤诉' })).body).toMatchObject({ status: 'WITHDRAWN' });
    expect((await act(reference, 'claim', agent)).status).toBe(409);
    expect((await act(reference, 'archive', protection)).body).toMatchObject({ status: 'ARCHIVED' });
    await tap.waitFor(complaintId, 'case.withdrawn', 'case.archived');
  });

  it('serves the queue by due time with filters', async () => {
    const urgent = await openCase({ priority: 'P1', department: 'LENDING' });
    const later = await openCase({ department: 'LENDING', receivedAt: new Date(clock.now().getTime() + DAY) });
    const lending = staffToken(['agent'], ['LENDING'], 'agent-lending');
    await act(later.reference, 'claim', lending);
    const queue = await call('GET', '/v1/cases?department=LENDING&limit=200', lending);
    const refs = queue.body.items.map((c: { reference: string }) => c.reference);
    expect(refs.indexOf(urgent.reference)).toBeLessThan(refs.indexOf(later.reference));
    const mine = await call('GET', '/v1/cases?assignee=me', lending);
    expect(mine.body.items.map((c: { reference: string }) => c.reference)).toEqual([later.reference]);
    const dueSoon = await call('GET', `/v1/cases?dueWithinHours=30&limit=200`, lending);
    expect(dueSoon.body.items.map((c: { reference: string }) => c.reference)).toContain(urgent.reference);
    expect(dueSoon.body.items.map((c: { reference: string }) => c.reference)).not.toContain(later.reference);
    const unassigned = await call('GET', '/v1/cases?unassigned=true&limit=200', lending);
    expect(unassigned.body.items.map((c: { reference: string }) => c.reference)).toContain(urgent.reference);
    expect(unassigned.body.items.map((c: { reference: string }) => c.reference)).not.toContain(later.reference);
    expect((await call('GET', '/v1/cases?unassigned=maybe', lending)).status).toBe(400);
  });

  it('serves the OpenAPI document of the staff API', async () => {
    const res = await fetch(`${cases.url}/openapi.json`);
    const doc = (await res.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/cases/{reference}/claim', '/v1/cases/{reference}/extension/decision', '/v1/cases/{reference}/audit']),
    );
  });
});

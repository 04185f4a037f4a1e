import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ComplaintReceivedV1, HandlerReassignmentV1, Topics } from '@complaints/contracts';
import { EventPublisher } from '@complaints/messaging';
import { CasesConfig } from '../../apps/cases/src/cases.config';
import { CasesModule } from '../../apps/cases/src/cases.module';
import { HANDLER_REASSIGNMENTS_GROUP } from '../../apps/cases/src/interface/handler-reassignments.consumer';
import { RouterConfig } from '../../apps/router/src/router.config';
import { ROUTER_GROUP } from '../../apps/router/src/interface/complaint-received.consumer';
import { RouterModule } from '../../apps/router/src/router.module';
import { connectDb, receivedComplaint, testPublisher } from '../integration/router-fixtures';
import { testConfig } from '../support/configs';
import { groupCaughtUp } from '../support/consumer-lag';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { staffToken } from '../support/staff-token';

type TimelineEntry = { type: string; actor: string; details: Record<string, unknown> };

/**
 * A handler who is deactivated leaves no case behind: the router moves their open cases to a handler
 * who fits (or to the department's queue) and cases follows, once, unless staff moved the case first.
 * Real router and cases on Kafka and PostgreSQL.
 */
describe('handler reassignment from the router to cases', () => {
  let router: RunningApp;
  let cases: RunningApp;
  let publisher: EventPublisher;
  let db: Client;
  const admin = staffToken(['admin'], [], 'admin-reassign');
  const run = randomUUID().slice(0, 8);
  const [first, second, last] = ['a', 'b', 'c'].map((x) => `h-${x}-${run}`);
  const CARD_FEES = '信用卡年费乱收,我要投诉。';

  async function call(app: RunningApp, method: string, path: string, body?: unknown) {
    const res = await fetch(`${app.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${admin}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  }
  const putHandler = (id: string, active = true) =>
    call(router, 'PUT', `/v1/routing/handlers/${id}`, { name: 'Staff', department: 'CARD_CENTER', skills: [], languages: ['zh'], active });
  const caseOf = async (reference: string) => {
    const found = await call(cases, 'GET', `/v1/cases/${reference}`);
    return found.status === 200 ? found.body : undefined;
  };
  const routerMoves = (c: Record<string, any>) =>
    (c.timeline as TimelineEntry[]).filter((e) => e.type === 'assigned' && e.actor === 'system:router');

  /** Files a card-fee complaint and waits for its case, held by `handler`. */
  async function caseHeldBy(handler: string): Promise<string> {
    const event = receivedComplaint(CARD_FEES);
    await publisher.publish(ComplaintReceivedV1, event, { key: event.complaint.complaintId });
    const opened = await eventually(() => caseOf(event.complaint.reference), 30_000);
    expect(opened).toMatchObject({ department: 'CARD_CENTER', status: 'ASSIGNED', assignee: handler });
    return event.complaint.reference;
  }

  beforeAll(async () => {
    [router, cases] = await Promise.all([
      startApp(RouterModule.register(testConfig(RouterConfig, { ROUTER_OUTBOX_POLL_MS: '100' }))),
      startApp(CasesModule.register(testConfig(CasesConfig, { CASES_OUTBOX_POLL_MS: '100' }))),
    ]);
    publisher = testPublisher();
    await publisher.connect();
    db = await connectDb();
    // Complaints earlier tests left on the topic are routed first: routed while this test's handler is
    // the only one, they would become its open cases and move with it.
    await groupCaughtUp(ROUTER_GROUP, Topics.complaintReceivedV1);
    // Only this test's handlers take card-centre cases.
    for (const h of (await call(router, 'GET', '/v1/routing/handlers?department=CARD_CENTER')).body.items as {
      id: string;
      active: boolean;
    }[]) {
      if (h.active) await putHandler(h.id, false);
    }
  });

  afterAll(async () => {
    for (const id of [first, second, last]) await putHandler(id, false).catch(() => undefined);
    await Promise.all([router?.close(), cases?.close(), publisher?.disconnect(), db?.end()]);
  });

  it('moves the open case of a deactivated handler to the one who fits, once, and says why in the timeline', async () => {
    await putHandler(first);
    const reference = await caseHeldBy(first);
    await putHandler(second);

    const saved = await putHandler(first, false);
    expect(saved.body.reassigned).toEqual([expect.objectContaining({ reference, department: 'CARD_CENTER', from: first, to: second })]);
    const moved = await eventually(async () => {
      const c = await caseOf(reference);
      return c?.assignee === second ? c : undefined;
    });
    expect(moved.status).toBe('ASSIGNED');
    expect(routerMoves(moved)).toEqual([
      expect.objectContaining({
        details: expect.objectContaining({ assignee: second, previousAssignee: first, reason: 'handler_inactive' }),
      }),
    ]);
    const audit = await call(cases, 'GET', `/v1/cases/${reference}/audit`);
    expect(audit.body.items ?? audit.body).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'reassign' })]));

    // The outbox row went out; the same event delivered again changes nothing.
    const [row] = (await db.query('SELECT payload, published_at FROM routing.outbox WHERE payload->>$1 = $2', ['reference', reference]))
      .rows;
    expect(row.published_at).not.toBeNull();
    const again = Object.assign(new HandlerReassignmentV1(), row.payload);
    await publisher.publish(HandlerReassignmentV1, again, { key: again.complaintId });
    await groupCaughtUp(HANDLER_REASSIGNMENTS_GROUP, Topics.assignmentsV1);
    expect(routerMoves((await caseOf(reference))!)).toHaveLength(1);
  });

  it('leaves a case alone that staff moved to someone else first', async () => {
    await putHandler(second);
    const reference = await caseHeldBy(second);
    expect((await call(cases, 'POST', `/v1/cases/${reference}/assign`, { assignee: 'staff-x' })).status).toBe(200);

    const [routed] = (await db.query('SELECT complaint_id FROM routing.assignments WHERE reference = $1', [reference])).rows;
    const late = Object.assign(new HandlerReassignmentV1(), {
      eventId: randomUUID(),
      eventType: HandlerReassignmentV1.type,
      eventVersion: 1 as const,
      occurredAt: new Date().toISOString(),
      correlationId: routed.complaint_id,
      causationId: null,
      source: 'test',
      complaintId: routed.complaint_id,
      reference,
      department: 'CARD_CENTER' as const,
      from: second,
      to: 'h-elsewhere',
      reason: 'handler_unfit' as const,
      changedBy: 'admin-reassign',
    });
    await publisher.publish(HandlerReassignmentV1, late, { key: late.complaintId });
    await groupCaughtUp(HANDLER_REASSIGNMENTS_GROUP, Topics.assignmentsV1);
    const c = (await caseOf(reference))!;
    expect(c.assignee).toBe('staff-x');
    expect(routerMoves(c)).toHaveLength(0);
  });

  it('returns the case to the department queue when no active handler fits', async () => {
    await putHandler(second, false);
    await putHandler(last);
    const reference = await caseHeldBy(last);
    const saved = await putHandler(last, false);
    expect(saved.body.reassigned).toEqual([expect.objectContaining({ reference, from: last, to: null })]);
    const queued = await eventually(async () => {
      const c = await caseOf(reference);
      return c && c.assignee === null ? c : undefined;
    });
    expect(queued.status).toBe('RECEIVED');
    expect(routerMoves(queued)[0].details).toMatchObject({
      assignee: null,
      previousAssignee: last,
      reason: 'handler_inactive',
      from: 'ASSIGNED',
      to: 'RECEIVED',
    });
  });
});

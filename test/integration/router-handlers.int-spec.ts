import { Client } from 'pg';
import { CaseEventV1, ComplaintReceivedV1, ComplaintRoutedV1, Topics } from '@complaints/contracts';
import { EventPublisher } from '@complaints/messaging';
import { RouterConfig } from '../../apps/router/src/router.config';
import { ROUTER_GROUP } from '../../apps/router/src/interface/complaint-received.consumer';
import { RouterModule } from '../../apps/router/src/router.module';
import { testConfig } from '../support/configs';
import { groupCaughtUp } from '../support/consumer-lag';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { staffToken } from '../support/staff-token';
import { caseEvent, connectDb, receivedComplaint, storedDecision, testPublisher } from './router-fixtures';

/** Handlers: assignment to the fitting handler with the fewest open cases, reassignment, admin API. */
describe('router handlers (real Kafka and PostgreSQL)', () => {
  let router: RunningApp;
  let db: Client;
  let publisher: EventPublisher;
  const admin = staffToken(['admin'], [], 'admin-9');
  const CARD_FEES = '信用卡年费乱收,我要投诉。';

  beforeAll(async () => {
    router = await startApp(RouterModule.register(testConfig(RouterConfig)));
    // Earlier tests' complaints are routed before this test's handlers exist, so they count none of them.
    await groupCaughtUp(ROUTER_GROUP, Topics.complaintReceivedV1);
    db = await connectDb();
    publisher = testPublisher();
    await publisher.connect();
  });

  afterAll(async () => {
    // Later test files route to these departments too: leave nobody assignable behind.
    for (const { id, ...rest } of (await call('GET', '/v1/routing/handlers')).body.items ?? []) {
      const { openCases: _open, ...handler } = rest;
      await call('PUT', `/v1/routing/handlers/${id}`, { ...handler, active: false });
    }
    await Promise.all([router?.close(), db?.end(), publisher?.disconnect()]);
  });

  async function call(method: string, path: string, body?: unknown, token = admin) {
    const res = await fetch(`${router.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  }

  const handler = (department: string, languages: string[], skills: string[] = [], active = true) => ({
    name: 'Staff',
    department,
    skills,
    languages,
    active,
  });

  async function route(text: string, language: 'zh' | 'en' = 'zh'): Promise<ComplaintRoutedV1> {
    const event = receivedComplaint(text);
    event.complaint.content.language = language;
    await publisher.publish(ComplaintReceivedV1, event, { key: event.complaint.complaintId });
    return eventually(() => storedDecision(db, event.complaint.complaintId));
  }

  // Other test files leave (inactive) card-centre handlers of their own behind.
  const MINE = ['h-zh-1', 'h-zh-2', 'h-zh-loans', 'h-en'];
  const openCases = async () =>
    Object.fromEntries(
      ((await call('GET', '/v1/routing/handlers?department=CARD_CENTER')).body.items as { id: string; openCases: number }[])
        .filter((h) => MINE.includes(h.id))
        .map((h) => [h.id, h.openCases]),
    );

  it('validates handlers and lets only admins change them', async () => {
    const bad = await call('PUT', '/v1/routing/handlers/h-bad', { ...handler('TREASURY', []), skills: ['COOKING'] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['department', 'languages', 'skills']);
    expect(
      (await call('PUT', '/v1/routing/handlers/h-x', handler('CARD_CENTER', ['zh']), staffToken(['supervisor'], ['CARD_CENTER']))).status,
    ).toBe(403);
    expect((await call('PUT', '/v1/routing/handlers/has space', handler('CARD_CENTER', ['zh']))).body.errors).toEqual([
      { field: 'id', message: expect.any(String) },
    ]);
  });

  it('assigns the fitting handler with the fewest open cases, by department, language and skills', async () => {
    expect((await call('PUT', '/v1/routing/handlers/h-zh-1', handler('CARD_CENTER', ['zh']))).status).toBe(200);
    await call('PUT', '/v1/routing/handlers/h-zh-2', handler('CARD_CENTER', ['zh', 'en'], ['FEES']));
    await call('PUT', '/v1/routing/handlers/h-zh-loans', handler('CARD_CENTER', ['zh'], ['LOAN']));
    await call('PUT', '/v1/routing/handlers/h-en', handler('CARD_CENTER', ['en'], ['CREDIT_CARD']));

    const assignees: (string | undefined)[] = [];
    for (let i = 0; i < 4; i++) assignees.push((await route(CARD_FEES)).routing.assignee);
    expect(assignees).toEqual(['h-zh-1', 'h-zh-2', 'h-zh-1', 'h-zh-2']);
    expect(await openCases()).toEqual({ 'h-en': 0, 'h-zh-1': 2, 'h-zh-2': 2, 'h-zh-loans': 0 });

    const english = await route('My credit card annual fee was charged twice without notice.', 'en');
    expect([english.routing.department, english.routing.assignee]).toEqual(['CARD_CENTER', 'h-en']);
    const nobody = await route('我买的理财产品亏损了,销售时没说有风险。');
    expect(nobody.routing.department).not.toBe('CARD_CENTER');
    expect(nobody.routing.assignee).toBeUndefined();
  });

  it('reassigns the open cases of a handler who becomes inactive, and audits the change', async () => {
    const saved = await call('PUT', '/v1/routing/handlers/h-zh-1', handler('CARD_CENTER', ['zh'], [], false));
    expect(saved.status).toBe(200);
    expect(saved.body.handler).toMatchObject({ id: 'h-zh-1', active: false, openCases: 0 });
    expect(saved.body.reassigned).toHaveLength(2);
    expect(saved.body.reassigned.every((r: { from: string; to: string }) => r.from === 'h-zh-1' && r.to === 'h-zh-2')).toBe(true);
    expect(await openCases()).toMatchObject({ 'h-zh-1': 0, 'h-zh-2': 4 });
    expect((await route(CARD_FEES)).routing.assignee).toBe('h-zh-2');

    const audit = await call('GET', '/v1/routing/handlers/audit?limit=1', undefined, staffToken(['auditor'], []));
    expect(audit.body.items[0]).toMatchObject({
      actor: 'admin-9',
      handlerId: 'h-zh-1',
      before: { active: true },
      after: { active: false },
    });
    expect(audit.body.items[0].reassigned).toHaveLength(2);
  });

  it('follows the cases: closed cases stop counting, staff reassignments move the load', async () => {
    const routed = await route(CARD_FEES);
    expect(routed.routing.assignee).toBe('h-zh-2');
    const before = (await openCases())['h-zh-2'];
    await publisher.publish(CaseEventV1, caseEvent(routed, 'closed'), { key: routed.complaint.complaintId });
    await eventually(async () => ((await openCases())['h-zh-2'] === before - 1 ? true : undefined));

    const other = await route(CARD_FEES);
    const assigned = caseEvent(other, 'assigned');
    assigned.case.assignee = 'h-zh-loans';
    await publisher.publish(CaseEventV1, assigned, { key: other.complaint.complaintId });
    await eventually(async () => ((await openCases())['h-zh-loans'] === 1 ? true : undefined));
  });
});

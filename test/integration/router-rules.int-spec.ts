import { Client } from 'pg';
import { ComplaintReceivedV1 } from '@complaints/contracts';
import { EventPublisher } from '@complaints/messaging';
import { DEFAULT_RULES } from '../../apps/router/src/domain/default-rules';
import { RouterConfig } from '../../apps/router/src/router.config';
import { RouterModule } from '../../apps/router/src/router.module';
import { testConfig } from '../support/configs';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { staffToken } from '../support/staff-token';
import { connectDb, receivedComplaint, storedDecision, testPublisher } from './router-fixtures';

/** The router's editable rules and admin API on real PostgreSQL and Kafka, with two router processes' caches. */
describe('router rules admin API', () => {
  let router: RunningApp;
  let other: RunningApp;
  let db: Client;
  let publisher: EventPublisher;
  const admin = staffToken(['admin'], [], 'admin-7');

  beforeAll(async () => {
    // A long poll, so the second process can only have learnt of a change by notification.
    [router, other] = await Promise.all([
      startApp(RouterModule.register(testConfig(RouterConfig))),
      startApp(RouterModule.register(testConfig(RouterConfig, { ROUTING_RULES_POLL_MS: '600000' }))),
    ]);
    db = await connectDb();
    publisher = testPublisher();
    await publisher.connect();
  });

  afterAll(async () => {
    // Leave the default rules active for the tests that run after this file.
    const active = await call('GET', '/v1/routing/rules');
    if (active.body.version !== undefined) {
      await call('PUT', '/v1/routing/rules', {
        expectedVersion: active.body.version,
        comment: 'restore defaults after test',
        rules: DEFAULT_RULES,
      });
    }
    await Promise.all([router?.close(), other?.close(), db?.end(), publisher?.disconnect()]);
  });

  async function call(method: string, path: string, body?: unknown, token: string | null = admin, app = router) {
    const res = await fetch(`${app.url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: res.status,
      type: (res.headers.get('content-type') ?? '').split(';')[0],
      body: (await res.json()) as Record<string, any>,
    };
  }

  const loansToWealth = [
    { id: 'L1', description: 'Loans go to wealth for this test', department: 'WEALTH', when: [{ product: ['LOAN'] }] },
    ...DEFAULT_RULES,
  ];

  it('serves the seeded default rules as the active version', async () => {
    const res = await call('GET', '/v1/routing/rules');
    expect(res.status).toBe(200);
    expect(res.body.rules.map((r: { id: string }) => r.id)).toEqual(DEFAULT_RULES.map((r) => r.id));
    expect(res.body.rules[5]).toEqual(JSON.parse(JSON.stringify(DEFAULT_RULES[5])));
    expect(res.body.createdBy).toBe('system');
  });

  it('lets supervisors and auditors read, refuses other roles and anonymous callers', async () => {
    expect((await call('GET', '/v1/routing/rules', undefined, staffToken(['supervisor'], ['LENDING']))).status).toBe(200);
    expect((await call('GET', '/v1/routing/audit', undefined, staffToken(['auditor'], []))).status).toBe(200);
    const agent = await call('GET', '/v1/routing/rules', undefined, staffToken(['agent'], ['LENDING']));
    expect([agent.status, agent.type]).toEqual([403, 'application/problem+json']);
    expect((await call('GET', '/v1/routing/rules', undefined, null)).status).toBe(401);
    const supervisorPut = await call(
      'PUT',
      '/v1/routing/rules',
      { expectedVersion: 1, comment: 'x', rules: DEFAULT_RULES },
      staffToken(['supervisor'], []),
    );
    expect(supervisorPut.status).toBe(403);
  });

  it.each<[string, (rules: any[]) => unknown, string]>([
    ['an unknown department', (rules) => [{ ...rules[0], department: 'TREASURY' }, ...rules.slice(1)], 'rules.0.department'],
    [
      'an unknown product code',
      (rules) => [{ ...rules[0], when: [{ product: ['MORTGAGE'] }] }, ...rules.slice(1)],
      'rules.0.when.0.product',
    ],
    [
      'an unknown condition field',
      (rules) => [{ ...rules[0], when: [{ products: ['LOAN'] }] }, ...rules.slice(1)],
      'rules.0.when.0.products',
    ],
    ['an empty list', () => [], 'rules'],
    ['no catch-all at the end', (rules) => rules.slice(0, 9), 'rules.8.when'],
    ['a duplicate id', (rules) => [rules[0], { ...rules[1], id: rules[0].id }, ...rules.slice(2)], 'rules.1.id'],
    ['rules that is not a list', () => 'R1', 'rules'],
  ])('refuses %s with problem+json naming the field', async (_, change, field) => {
    const res = await call('PUT', '/v1/routing/rules', { expectedVersion: 1, comment: 'bad change', rules: change([...DEFAULT_RULES]) });
    expect([res.status, res.type]).toEqual([400, 'application/problem+json']);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses a change without expectedVersion or comment', async () => {
    const res = await call('PUT', '/v1/routing/rules', { rules: DEFAULT_RULES });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['comment', 'expectedVersion']);
  });

  it('creates a new active version, audits it, and refuses a stale expectedVersion with 409', async () => {
    const created = await call('PUT', '/v1/routing/rules', { expectedVersion: 1, comment: 'loans to wealth', rules: loansToWealth });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ version: 2, createdBy: 'admin-7', comment: 'loans to wealth' });
    expect(created.body.rules[0]).toEqual(loansToWealth[0]);

    const stale = await call('PUT', '/v1/routing/rules', { expectedVersion: 1, comment: 'lost update', rules: DEFAULT_RULES });
    expect([stale.status, stale.type]).toEqual([409, 'application/problem+json']);
    expect(stale.body).toMatchObject({ activeVersion: 2, errors: [{ field: 'expectedVersion' }] });

    const versions = await call('GET', '/v1/routing/rules/versions');
    expect(versions.body.items.map((v: { version: number; active: boolean }) => [v.version, v.active])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect((await call('GET', '/v1/routing/rules/versions/1')).body.rules).toHaveLength(DEFAULT_RULES.length);
    expect((await call('GET', '/v1/routing/rules/versions/99')).status).toBe(404);
    expect((await call('GET', '/v1/routing/rules/versions/abc')).body.errors).toEqual([{ field: 'version', message: expect.any(String) }]);

    const audit = await call('GET', '/v1/routing/audit?limit=1');
    expect(audit.body.total).toBe(2);
    expect(audit.body.items[0]).toMatchObject({
      actor: 'admin-7',
      action: 'replace',
      fromVersion: 1,
      toVersion: 2,
      comment: 'loans to wealth',
    });
    expect(audit.body.items[0].before).toHaveLength(DEFAULT_RULES.length);
    expect(audit.body.items[0].after[0]).toEqual(loansToWealth[0]);
    await expect(db.query('DELETE FROM routing.rule_audit')).rejects.toThrow(/append-only/);
    await expect(db.query("UPDATE routing.rules SET department = 'FRAUD'")).rejects.toThrow(/never change/);
  });

  it('lets exactly one of two concurrent changes from the same version win', async () => {
    const change = (comment: string) => call('PUT', '/v1/routing/rules', { expectedVersion: 2, comment, rules: loansToWealth });
    const results = await Promise.all([change('first'), change('second')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await call('GET', '/v1/routing/rules')).body.version).toBe(3);
  });

  it('routes by the new version in this process and tells the other process at once', async () => {
    const event = receivedComplaint('我的房贷利率上调了,银行没有提前通知。');
    await publisher.publish(ComplaintReceivedV1, event, { key: event.complaint.complaintId });
    const decision = await eventually(() => storedDecision(db, event.complaint.complaintId));
    expect(decision.routing).toMatchObject({ department: 'WEALTH', ruleId: 'L1', rulesVersion: '3' });

    const dryRun = await eventually(async () => {
      const res = await call('POST', '/v1/routing/dry-run', { text: '房贷利率上调' }, admin, other);
      return res.body.rulesVersion === '3' ? res : undefined;
    }, 5_000);
    expect(dryRun.body.outcome).toMatchObject({ department: 'WEALTH', ruleId: 'L1' });
    const metrics = await (await fetch(`${router.url}/metrics`)).text();
    expect(metrics).toMatch(/routing_rules_active_version\{[^}]*\} 3/);
    expect(metrics).toMatch(/routing_complaints_routed_total\{department="WEALTH",needs_triage="false",linked="false"[^}]*\} \d/);
  });

  it('explains a dry run: classification, every rule in order, the winner', async () => {
    const res = await call(
      'POST',
      '/v1/routing/dry-run',
      { text: '信用卡被盗刷了5笔,请立即冻结并退款。', channel: 'wechat' },
      staffToken(['auditor'], []),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      rulesVersion: '3',
      channel: 'wechat',
      classification: { product: 'CREDIT_CARD', reason: 'FUNDS_SECURITY', confidence: { product: expect.any(Number) } },
      outcome: { department: 'FRAUD', ruleId: 'R1', needsTriage: false },
      triage: { applied: false },
    });
    expect(res.body.classification.matchedTerms.length).toBeGreaterThan(0);
    expect(res.body.evaluations).toHaveLength(loansToWealth.length);
    expect(res.body.evaluations.filter((e: { winner: boolean }) => e.winner).map((e: { ruleId: string }) => e.ruleId)).toEqual(['R1']);
  });

  it('dry-runs a candidate rule list without saving it, and validates it', async () => {
    const candidate = [{ id: 'ALL', description: 'Everything to consumer protection', department: 'CONSUMER_PROTECTION', when: [{}] }];
    const res = await call('POST', '/v1/routing/dry-run', {
      text: 'agent: hello',
      transcript: [
        { speaker: 'customer', text: '信用卡年费乱收' },
        { speaker: 'agent', text: '房贷' },
      ],
      rules: candidate,
    });
    expect(res.body).toMatchObject({ rulesVersion: 'candidate', classification: { product: 'CREDIT_CARD' }, outcome: { ruleId: 'ALL' } });
    expect((await call('GET', '/v1/routing/rules')).body.version).toBe(3);

    const bad = await call('POST', '/v1/routing/dry-run', { text: 'x', rules: [{ ...candidate[0], when: [{ product: ['LOAN'] }] }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'rules.0.when', message: expect.stringMatching(/catch-all/) }]);
    expect((await call('POST', '/v1/routing/dry-run', { productHint: 'LOAN' })).body.errors[0].field).toBe('text');
  });

  it("rolls back to an earlier version's rules as a new, audited version", async () => {
    expect((await call('POST', '/v1/routing/rules/versions/1/restore', { expectedVersion: 2, comment: 'stale' })).status).toBe(409);
    expect((await call('POST', '/v1/routing/rules/versions/99/restore', { expectedVersion: 3, comment: 'nothing there' })).status).toBe(
      404,
    );
    expect(
      (await call('POST', '/v1/routing/rules/versions/1/restore', { expectedVersion: 3, comment: 'x' }, staffToken(['supervisor'], [])))
        .status,
    ).toBe(403);

    const restored = await call('POST', '/v1/routing/rules/versions/1/restore', { expectedVersion: 3, comment: 'loans back to lending' });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ version: 4, createdBy: 'admin-7', comment: 'loans back to lending' });
    expect(restored.body.rules).toEqual(JSON.parse(JSON.stringify(DEFAULT_RULES)));
    const [entry] = (await call('GET', '/v1/routing/audit?limit=1')).body.items;
    expect(entry).toMatchObject({ action: 'restore:1', fromVersion: 3, toVersion: 4 });

    const event = receivedComplaint('我的房贷利率上调了,银行没有提前通知。');
    await publisher.publish(ComplaintReceivedV1, event, { key: event.complaint.complaintId });
    const decision = await eventually(() => storedDecision(db, event.complaint.complaintId));
    expect(decision.routing).toMatchObject({ department: 'LENDING', ruleId: 'R6', rulesVersion: '4' });
  });

  it('describes the admin API in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${router.url}/openapi.json`)).json()) as {
      paths: Record<string, object>;
      components: { schemas: Record<string, object> };
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/routing/rules',
        '/v1/routing/rules/versions',
        '/v1/routing/rules/versions/{version}',
        '/v1/routing/rules/versions/{version}/restore',
        '/v1/routing/dry-run',
        '/v1/routing/audit',
        '/v1/routing/handlers',
        '/v1/routing/handlers/{id}',
        '/v1/routing/handlers/audit',
      ]),
    );
    expect(Object.keys(doc.paths['/v1/routing/rules'])).toEqual(expect.arrayContaining(['get', 'put']));
    expect(doc.components.schemas).toHaveProperty('ReplaceRulesDto');
  });
});

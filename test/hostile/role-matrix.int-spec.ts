import { createHmac, generateKeyPairSync } from 'node:crypto';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { SignJWT } from 'jose';
import { Client } from 'pg';
import { DEV_DEFAULTS } from '@complaints/config';
import type { Department } from '@complaints/contracts';
import { PUBLIC_ROUTE } from '@complaints/observability';
import { signStaffToken, STAFF_ROLES_METADATA, staffTokenSigningKey, StaffRole } from '@complaints/security';
import { AnalyticsConfig } from '../../apps/analytics/src/analytics.config';
import { AnalyticsModule } from '../../apps/analytics/src/analytics.module';
import { CasesConfig } from '../../apps/cases/src/cases.config';
import { CasesModule } from '../../apps/cases/src/cases.module';
import { DEFAULT_RULES } from '../../apps/router/src/domain/default-rules';
import { RouterConfig } from '../../apps/router/src/router.config';
import { RouterModule } from '../../apps/router/src/router.module';
import { randomReference, RoutedPublisher, routedComplaint } from '../integration/cases-support';
import { caseSeenBy } from '../support/staff-api';
import { testConfig } from '../support/configs';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { staffToken, TEST_STAFF_SIGNING_KEY } from '../support/staff-token';

/**
 * Finding 10 (and 6): the whole staff API of cases, router and analytics, route x role x department, in one
 * table. Each principal gets exactly what the shared access definition (libs/security ACCESS) says: 401
 * without a usable token, 403 for a role the route does not admit, and within an admitted route only the
 * departments the role may see (admins, auditors, consumer protection: all; agents, supervisors: theirs).
 * Then forged, expired and foreign tokens against every service. Refused writes leave nothing behind.
 */
describe('staff API role matrix (cases, router, analytics on the real broker and database)', () => {
  type Service = 'cases' | 'router' | 'analytics';
  const apps = {} as Record<Service, RunningApp>;
  const routed = new RoutedPublisher();
  /** How long services booted late in a full run may take to work through earlier tests' events. */
  const BACKLOG_MS = 240_000;
  const db = new Client({ connectionString: process.env.DATABASE_URL });

  // The principals: a member of staff per role, agents of two departments, a department supervisor.
  const principals = {
    anonymous: null,
    noRole: staffToken([], ['CARD_CENTER'], 'matrix-no-role'),
    agentCard: staffToken(['agent'], ['CARD_CENTER'], 'matrix-agent-card'),
    agentFraud: staffToken(['agent'], ['FRAUD'], 'matrix-agent-fraud'),
    supervisorFraud: staffToken(['supervisor'], ['FRAUD'], 'matrix-supervisor-fraud'),
    protection: staffToken(['consumer-protection'], [], 'matrix-protection'),
    auditor: staffToken(['auditor'], [], 'matrix-auditor'),
    admin: staffToken(['admin'], [], 'matrix-admin'),
  } satisfies Record<string, string | null>;
  type Who = keyof typeof principals;
  const WHO = Object.keys(principals) as Who[];
  /** What each principal may see: null all departments (the policy as this test states it, independently of the code). */
  const sees: Record<Who, Department[] | null> = {
    anonymous: [],
    noRole: [],
    agentCard: ['CARD_CENTER'],
    agentFraud: ['FRAUD'],
    supervisorFraud: ['FRAUD'],
    protection: null,
    auditor: null,
    admin: null,
  };
  const canSee = (who: Who, department: Department) => sees[who] === null || sees[who].includes(department);

  const cards = routedComplaint({ department: 'CARD_CENTER' });
  const fraud = routedComplaint({ department: 'FRAUD' });
  const nobodysCase = randomReference();
  const ACTIONS = [
    'claim',
    'assign',
    'start',
    'feedback',
    'resolution',
    'resolve',
    'close',
    'reopen',
    'escalate',
    'mediation',
    'mediation/outcome',
    'satisfaction',
    'withdraw',
    'archive',
    'extension',
    'extension/decision',
    'clock/pause',
    'clock/resume',
  ];
  const shanghaiDay = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const month = shanghaiDay.slice(0, 7);

  interface Row {
    service: Service;
    method: 'GET' | 'POST' | 'PUT';
    /** The route as the framework declares it (checked against every route the services serve). */
    route: string;
    path: string;
    body?: (who: Who) => unknown;
    /** Who passes access control (everyone else: 401 without a usable token, 403 otherwise). */
    admits: Who[] | 'public';
    /** The status of an admitted principal (department scope, state). */
    ok: (who: Who) => number | number[];
    /** Further checks of an admitted principal's answer (department scope). */
    check?: (who: Who, body: any) => void;
  }

  const ANY: Who[] = ['agentCard', 'agentFraud', 'supervisorFraud', 'protection', 'auditor', 'admin'];
  const ACTORS: Who[] = ['agentCard', 'agentFraud', 'supervisorFraud', 'protection', 'admin'];
  const AUDITORS: Who[] = ['supervisorFraud', 'protection', 'auditor', 'admin'];
  const RULE_READERS: Who[] = ['supervisorFraud', 'auditor', 'admin'];
  const RULE_EDITORS: Who[] = ['admin'];
  const SCORECARD: Who[] = ['supervisorFraud', 'protection', 'auditor', 'admin'];
  const INSTITUTION: Who[] = ['protection', 'auditor', 'admin'];
  const always = (status: number | number[]) => () => status;
  const onlyVisible = (who: Who, keys: string[]) => {
    if (sees[who] === null) expect(keys).toEqual(expect.arrayContaining(['CARD_CENTER', 'FRAUD']));
    else expect([...new Set(keys)].sort()).toEqual([...sees[who]].sort());
  };

  const rows: Row[] = [
    // cases
    {
      service: 'cases',
      method: 'GET',
      route: 'GET /v1/cases',
      path: '/v1/cases?limit=100',
      admits: ANY,
      ok: always(200),
      check: (who, body) => body.items.forEach((c: { department: Department }) => expect(canSee(who, c.department)).toBe(true)),
    },
    {
      service: 'cases',
      method: 'GET',
      route: 'GET /v1/cases/:reference',
      path: `/v1/cases/${cards.complaint.reference}`,
      admits: ANY,
      ok: (who) => (canSee(who, 'CARD_CENTER') ? 200 : 404),
    },
    {
      service: 'cases',
      method: 'GET',
      route: 'GET /v1/cases/:reference',
      path: `/v1/cases/${fraud.complaint.reference}`,
      admits: ANY,
      ok: (who) => (canSee(who, 'FRAUD') ? 200 : 404),
    },
    {
      service: 'cases',
      method: 'GET',
      route: 'GET /v1/cases/:reference/audit',
      path: `/v1/cases/${cards.complaint.reference}/audit`,
      admits: AUDITORS,
      ok: (who) => (canSee(who, 'CARD_CENTER') ? 200 : 404),
    },
    {
      service: 'cases',
      method: 'GET',
      route: 'GET /v1/cases/:reference/audit',
      path: `/v1/cases/${fraud.complaint.reference}/audit`,
      admits: AUDITORS,
      ok: (who) => (canSee(who, 'FRAUD') ? 200 : 404),
    },
    {
      service: 'cases',
      method: 'POST',
      route: 'POST /v1/cases/:reference/notes',
      path: `/v1/cases/${cards.complaint.reference}/notes`,
      body: (who) => ({ note: `matrix note by ${who}` }),
      admits: ACTORS,
      ok: (who) => (canSee(who, 'CARD_CENTER') ? 200 : 404),
    },
    // Every other action, on a case nobody has: admitted principals get as far as validation (400) or the look-up (404).
    ...ACTIONS.map((action): Row => ({
      service: 'cases',
      method: 'POST',
      route: `POST /v1/cases/:reference/${action}`,
      path: `/v1/cases/${nobodysCase}/${action}`,
      body: () => ({ reason: 'matrix', note: 'matrix', message: 'matrix', assignee: 'matrix' }),
      admits: ACTORS,
      ok: always([400, 404]),
    })),
    { service: 'cases', method: 'GET', route: 'GET /v1/console/config', path: '/v1/console/config', admits: 'public', ok: always(200) },
    {
      service: 'cases',
      method: 'POST',
      route: 'POST /v1/auth/dev-sign-in',
      path: '/v1/auth/dev-sign-in',
      body: () => ({ sub: 'matrix-dev', roles: ['agent'], departments: [], minutes: 5 }),
      admits: 'public',
      ok: always(200),
      check: (_, body) => expect(body.token.split('.')).toHaveLength(3),
    },
    {
      service: 'cases',
      method: 'GET',
      route: 'GET /.well-known/jwks.json',
      path: '/.well-known/jwks.json',
      admits: 'public',
      ok: always(200),
      check: (_, body) => expect(body.keys.map((k: { kid: string }) => k.kid)).toContain(TEST_STAFF_SIGNING_KEY.kid),
    },
    // router
    { service: 'router', method: 'GET', route: 'GET /v1/routing/rules', path: '/v1/routing/rules', admits: RULE_READERS, ok: always(200) },
    {
      service: 'router',
      method: 'GET',
      route: 'GET /v1/routing/rules/versions',
      path: '/v1/routing/rules/versions',
      admits: RULE_READERS,
      ok: always(200),
    },
    {
      service: 'router',
      method: 'GET',
      route: 'GET /v1/routing/rules/versions/:version',
      path: '/v1/routing/rules/versions/1',
      admits: RULE_READERS,
      ok: always(200),
    },
    { service: 'router', method: 'GET', route: 'GET /v1/routing/audit', path: '/v1/routing/audit', admits: RULE_READERS, ok: always(200) },
    {
      service: 'router',
      method: 'GET',
      route: 'GET /v1/routing/handlers',
      path: '/v1/routing/handlers',
      admits: RULE_READERS,
      ok: always(200),
    },
    {
      service: 'router',
      method: 'GET',
      route: 'GET /v1/routing/handlers/audit',
      path: '/v1/routing/handlers/audit',
      admits: RULE_READERS,
      ok: always(200),
    },
    {
      service: 'router',
      method: 'POST',
      route: 'POST /v1/routing/dry-run',
      path: '/v1/routing/dry-run',
      body: () => ({ text: '信用卡被盗刷了5笔,请立即冻结并退款。' }),
      admits: RULE_READERS,
      ok: always(200),
    },
    {
      service: 'router',
      method: 'PUT',
      route: 'PUT /v1/routing/handlers/:id',
      path: '',
      admits: RULE_EDITORS,
      ok: always(200),
      body: () => ({ name: 'Matrix', department: 'CARD_CENTER', skills: [], languages: ['zh'], active: false }),
    },
    // A stale expectedVersion: the admin passes access control and is told 409; nothing changes for anyone.
    {
      service: 'router',
      method: 'PUT',
      route: 'PUT /v1/routing/rules',
      path: '/v1/routing/rules',
      body: () => ({ expectedVersion: 999_999, comment: 'matrix', rules: DEFAULT_RULES }),
      admits: RULE_EDITORS,
      ok: always(409),
    },
    {
      service: 'router',
      method: 'POST',
      route: 'POST /v1/routing/rules/versions/:version/restore',
      path: '/v1/routing/rules/versions/1/restore',
      body: () => ({ expectedVersion: 999_999, comment: 'matrix' }),
      admits: RULE_EDITORS,
      ok: always(409),
    },
    // analytics
    {
      service: 'analytics',
      method: 'GET',
      route: 'GET /v1/kpis',
      path: `/v1/kpis?from=${shanghaiDay}&to=${shanghaiDay}&groupBy=department`,
      admits: ANY,
      ok: always(200),
      check: (who, body) =>
        onlyVisible(
          who,
          body.groups.map((g: { key: string }) => g.key),
        ),
    },
    {
      service: 'analytics',
      method: 'GET',
      route: 'GET /v1/kpis/series',
      path: `/v1/kpis/series?from=${shanghaiDay}&to=${shanghaiDay}&groupBy=department`,
      admits: ANY,
      ok: always(200),
      check: (who, body) =>
        onlyVisible(
          who,
          body.series.map((g: { key: string }) => g.key),
        ),
    },
    {
      service: 'analytics',
      method: 'GET',
      route: 'GET /v1/hotspots',
      path: '/v1/hotspots',
      admits: ANY,
      ok: always(200),
      check: (_, body) => expect(Array.isArray(body.alerts)).toBe(true),
    },
    {
      service: 'analytics',
      method: 'GET',
      route: 'GET /v1/scorecard',
      path: `/v1/scorecard?period=${month}`,
      admits: SCORECARD,
      ok: always(200),
      check: (who, body) => {
        const keys = body.departments.map((d: { key: string }) => d.key);
        if (sees[who] === null) expect(keys.length).toBeGreaterThanOrEqual(9);
        else expect(keys).toEqual(sees[who]);
      },
    },
    {
      service: 'analytics',
      method: 'GET',
      route: 'GET /v1/reports/jrt0169',
      path: `/v1/reports/jrt0169?period=${month}&format=csv`,
      admits: INSTITUTION,
      ok: always(200),
    },
    {
      service: 'analytics',
      method: 'GET',
      route: 'GET /v1/bulletins/latest',
      path: '/v1/bulletins/latest',
      admits: ANY,
      ok: always([200, 404]),
    },
    { service: 'analytics', method: 'GET', route: 'GET /v1/bulletins/:week', path: '/v1/bulletins/2020-W01', admits: ANY, ok: always(404) },
    {
      service: 'analytics',
      method: 'GET',
      route: 'GET /v1/transparency',
      path: '/v1/transparency?period=2020',
      admits: 'public',
      ok: always(200),
    },
    // Every service's probes and metrics are public.
    ...(['cases', 'router', 'analytics'] as Service[]).flatMap((service): Row[] => [
      { service, method: 'GET', route: 'GET /health/live', path: '/health/live', admits: 'public', ok: always(200) },
      { service, method: 'GET', route: 'GET /health/ready', path: '/health/ready', admits: 'public', ok: always(200) },
      { service, method: 'GET', route: 'GET /metrics', path: '/metrics', admits: 'public', ok: always(200) },
    ]),
  ];

  async function call(service: Service, method: string, path: string, authorization: string | null, body?: unknown) {
    const res = await fetch(`${apps[service].url}${path}`, {
      method,
      headers: { ...(authorization ? { authorization } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    return {
      status: res.status,
      type,
      text,
      body: type.includes('json') && text ? JSON.parse(text) : null,
      authenticate: res.headers.get('www-authenticate'),
    };
  }

  function expectSafeRefusal(res: Awaited<ReturnType<typeof call>>, status: number) {
    expect(res.status).toBe(status);
    expect(res.type).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status });
    expect(res.text).not.toMatch(/\bat .+\.(ts|js):\d+/);
    if (status === 401) expect(res.authenticate).toBe('Bearer');
  }

  beforeAll(async () => {
    await db.connect();
    const [cases, router, analytics] = await Promise.all([
      startApp(CasesModule.register(testConfig(CasesConfig, { CASES_SLA_WATCH_INTERVAL_MS: '0', CASES_OUTBOX_POLL_MS: '200' }))),
      startApp(RouterModule.register(testConfig(RouterConfig))),
      startApp(AnalyticsModule.register(testConfig(AnalyticsConfig, { ANALYTICS_TERM_TICK_MS: '0' }))),
    ]);
    Object.assign(apps, { cases, router, analytics });
    await Promise.all([routed.publish(cards), routed.publish(fraud)]);
    // The router works through what earlier tests left on complaints.received.v1 first: cases may have a backlog.
    const admin = principals.admin;
    await Promise.all([cards, fraud].map((event) => eventually(() => caseSeenBy(cases.url, admin, event.complaint.reference), BACKLOG_MS)));
    // Analytics has counted both departments' complaints of today (so that scope checks compare real groups).
    await eventually(async () => {
      const res = await call(
        'analytics',
        'GET',
        `/v1/kpis?from=${shanghaiDay}&to=${shanghaiDay}&groupBy=department`,
        `Bearer ${principals.admin}`,
      );
      const keys = (res.body?.groups ?? []).map((g: { key: string }) => g.key);
      return keys.includes('CARD_CENTER') && keys.includes('FRAUD') ? true : undefined;
    }, BACKLOG_MS);
  }, 3 * BACKLOG_MS);

  afterAll(async () => {
    await Promise.all([routed.close(), db.end(), ...Object.values(apps).map((app) => app.close())]);
  });

  it('has a row for every route the three services serve, and every route declares roles or is public', () => {
    const served: string[] = [];
    const undeclared: string[] = [];
    for (const app of Object.values(apps)) {
      for (const module of app.app.get(ModulesContainer).values()) {
        for (const wrapper of module.controllers.values()) {
          const controller = wrapper.metatype as new (...args: never[]) => object;
          const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '').replace(/^\/|\/$/g, '');
          for (const name of Object.getOwnPropertyNames(controller.prototype)) {
            const handler = controller.prototype[name];
            if (name === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined)
              continue;
            const sub = String(Reflect.getMetadata(PATH_METADATA, handler)).replace(/^\/|\/$/g, '');
            const route = `${RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler)]} /${[base, sub].filter(Boolean).join('/')}`;
            served.push(route);
            const roles = Reflect.getMetadata(STAFF_ROLES_METADATA, handler) ?? Reflect.getMetadata(STAFF_ROLES_METADATA, controller);
            const open = Reflect.getMetadata(PUBLIC_ROUTE, handler) ?? Reflect.getMetadata(PUBLIC_ROUTE, controller);
            if (!open && !roles?.length) undeclared.push(route);
          }
        }
      }
    }
    expect(undeclared).toEqual([]);
    expect([...new Set(served)].filter((route) => !rows.some((row) => row.route === route))).toEqual([]);
    expect(served.length).toBeGreaterThan(20);
  });

  const matrix = rows.flatMap((row) => WHO.map((who) => ({ row, who, label: `${row.route} (${row.path || 'handler'}) as ${who}` })));

  it.each(matrix)('$label', async ({ row, who }) => {
    const token = principals[who];
    const path = row.route === 'PUT /v1/routing/handlers/:id' ? `/v1/routing/handlers/matrix-${who}` : row.path;
    const res = await call(row.service, row.method, path, token ? `Bearer ${token}` : null, row.body?.(who));
    if (row.admits === 'public' || row.admits.includes(who)) {
      const ok = row.ok(who);
      expect(Array.isArray(ok) ? ok : [ok]).toContain(res.status);
      if (res.status === 200) row.check?.(who, res.body);
      else expectSafeRefusal(res, res.status);
    } else {
      expectSafeRefusal(res, token === null || who === 'noRole' ? 401 : 403);
      if (res.status === 403) expect(res.body.errors).toEqual([{ field: 'roles', message: expect.stringContaining('roles') }]);
    }
  });

  // Tokens that must never pass, each sent to every service as an admin would use it.
  const now = () => Math.floor(Date.now() / 1000);
  const devPem = DEV_DEFAULTS.STAFF_TOKEN_SIGNING_KEY;
  const { issuer, audience } = TEST_STAFF_SIGNING_KEY;
  const admin = { sub: 'forger', roles: ['admin' as StaffRole], departments: [] as Department[] };
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const josed = (claims: Record<string, unknown>, alg = 'ES256') =>
    new SignJWT({ roles: ['admin'], departments: [], sub: 'forger', ...claims })
      .setProtectedHeader({ alg, kid: TEST_STAFF_SIGNING_KEY.kid })
      .sign(TEST_STAFF_SIGNING_KEY.privateKey);
  const hs256 = (secret: string) => {
    const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ ...admin, iss: issuer, aud: audience, iat: now(), exp: now() + 600 })}`;
    return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
  };
  const validAgent = () => staffToken(['agent'], ['CARD_CENTER'], 'tamperer', 600);
  const attacks: [string, () => string | Promise<string>, string][] = [
    ['expired an hour ago', () => signStaffToken(admin, TEST_STAFF_SIGNING_KEY, -3600), 'expired'],
    ['without exp', () => josed({ iss: issuer, aud: audience, iat: now() }), '"exp" claim'],
    ['without iat', () => josed({ iss: issuer, aud: audience, exp: now() + 600 }), '"iat" claim'],
    ['with a lifetime of a year', () => signStaffToken(admin, TEST_STAFF_SIGNING_KEY, 365 * 86_400), 'longer than'],
    ['issued in the future', () => josed({ iss: issuer, aud: audience, iat: now() + 3600, exp: now() + 7200 }), '"iat" claim'],
    [
      'of a foreign issuer',
      () => signStaffToken(admin, staffTokenSigningKey(devPem, 'https://idp.evil.example', audience), 600),
      '"iss" claim',
    ],
    ['without issuer', () => josed({ aud: audience, iat: now(), exp: now() + 600 }), '"iss" claim'],
    ['for a foreign audience', () => signStaffToken(admin, staffTokenSigningKey(devPem, issuer, 'urn:someone-else'), 600), '"aud" claim'],
    ['without audience', () => josed({ iss: issuer, iat: now(), exp: now() + 600 }), '"aud" claim'],
    ['HS256-forged with the old shared secret', () => hs256('dev-staff-secret'), 'not valid'],
    ['HS256-forged with the public key as secret', () => hs256(DEV_DEFAULTS.STAFF_TOKEN_PUBLIC_KEY), 'not valid'],
    [
      'alg none',
      () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...admin, iss: issuer, aud: audience, iat: now(), exp: now() + 600 })}.`,
      'not valid',
    ],
    [
      'signed by another key under the trusted kid',
      () =>
        signStaffToken(
          admin,
          { ...TEST_STAFF_SIGNING_KEY, privateKey: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey },
          600,
        ),
      'not valid',
    ],
    [
      "an agent's token with admin roles pasted in",
      () => {
        const [h, , s] = validAgent().split('.');
        return `${h}.${b64({ ...admin, iss: issuer, aud: audience, iat: now(), exp: now() + 600 })}.${s}`;
      },
      'not valid',
    ],
    ['with an unknown role', () => josed({ iss: issuer, aud: audience, iat: now(), exp: now() + 600, roles: ['superuser'] }), 'roles'],
    ['that is no JWT', () => 'not.a.jwt', 'not valid'],
  ];
  const targets: [Service, string, string, unknown?][] = [
    ['cases', 'GET', '/v1/cases'],
    ['cases', 'POST', `/v1/cases/${cards.complaint.reference}/notes`, { note: 'forged note' }],
    ['router', 'GET', '/v1/routing/rules'],
    [
      'router',
      'PUT',
      '/v1/routing/handlers/matrix-forged',
      { name: 'Forged', department: 'CARD_CENTER', skills: [], languages: ['zh'], active: true },
    ],
    ['analytics', 'GET', '/v1/kpis?from=2026-01-01&to=2026-01-31'],
  ];
  const forged = attacks.flatMap(([name, token, reason]) =>
    targets.map(([service, method, path, body]) => ({ name, token, reason, service, method, path, body })),
  );

  it.each(forged)('$service $method $path refuses a token $name with 401', async ({ token, reason, service, method, path, body }) => {
    const res = await call(service, method, path, `Bearer ${await token()}`, body);
    expectSafeRefusal(res, 401);
    expect(res.body.detail).toContain(reason);
  });

  it.each([
    ['no Authorization header', null],
    ['a Basic header', `Basic ${Buffer.from('admin:admin').toString('base64')}`],
    ['an empty bearer', 'Bearer '],
    ['two tokens', `Bearer ${principals.admin} ${principals.admin}`],
  ])('refuses %s with 401', async (_, authorization) => {
    expectSafeRefusal(await call('cases', 'GET', '/v1/cases', authorization), 401);
  });

  it('refuses a development session longer than STAFF_TOKEN_MAX_LIFETIME_SEC, naming minutes', async () => {
    const res = await call('cases', 'POST', '/v1/auth/dev-sign-in', null, {
      sub: 'long-session',
      roles: ['admin'],
      departments: [],
      minutes: 720,
    });
    expectSafeRefusal(res, 400);
    expect(res.body.errors).toEqual([{ field: 'minutes', message: expect.stringContaining('STAFF_TOKEN_MAX_LIFETIME_SEC') }]);
  });

  it('stored nothing for a refused write: notes only from who may act on the case, handlers only from admins', async () => {
    const detail = await call('cases', 'GET', `/v1/cases/${cards.complaint.reference}`, `Bearer ${principals.admin}`);
    const notes = JSON.stringify(detail.body.timeline);
    for (const who of WHO) {
      const allowed = ACTORS.includes(who) && canSee(who, 'CARD_CENTER');
      expect({ who, stored: notes.includes(`matrix note by ${who}`) }).toEqual({ who, stored: allowed });
    }
    expect(notes).not.toContain('forged note');
    const { rows: handlers } = await db.query<{ id: string }>(
      "SELECT handler_id AS id FROM routing.handlers WHERE handler_id LIKE 'matrix-%' ORDER BY handler_id",
    );
    expect(handlers.map((h) => h.id)).toEqual(['matrix-admin']);
    const versions = await call('router', 'GET', '/v1/routing/rules/versions', `Bearer ${principals.admin}`);
    expect(versions.body.items.some((v: { comment?: string }) => v.comment === 'matrix')).toBe(false);
  });
});

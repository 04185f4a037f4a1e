import { customerToken } from '../support/mobile-client';
import { sampleCall } from '../support/hotline-client';
import { uniquePhone } from '../support/phones';
import { staffToken } from '../support/staff-token';
import { deepArray, deepObject, EdgeServices, marker, METRICS_TOKEN, Reply, Request, ServiceName } from './edge-services';

/**
 * Hostile requests at the HTTP edges of every service (issue 16, findings 3, 4, 8, 9 and 12): each
 * answered with its safe status (problem+json naming the field where there is one), never a 5xx or a
 * stack trace, and nothing stored or published for a refused request.
 */
describe('hostile input at the edges', () => {
  let services: EdgeServices;
  let appToken: string;
  let adminToken: string;
  const markers: string[] = [];

  beforeAll(async () => {
    services = await EdgeServices.start(['web', 'mobile', 'hotline', 'notifier', 'cases', 'router', 'analytics', 'social']);
    appToken = await customerToken(`cust-edge-${Date.now()}`);
    adminToken = staffToken(['admin'], ['FRAUD']);
  }, 180_000);
  afterAll(() => services?.close());

  const tag = () => {
    const m = marker();
    markers.push(m);
    return m;
  };
  const webComplaint = (overrides: Record<string, unknown> = {}, customer: Record<string, unknown> = {}) => ({
    text: `信用卡被盗刷 ${tag()}`,
    customer: { name: '张三', phone: uniquePhone().number, ...customer },
    consent: true,
    ...overrides,
  });
  const app = (request: Request): Request => ({
    ...request,
    headers: { authorization: `Bearer ${appToken}`, 'idempotency-key': crypto.randomUUID(), ...request.headers },
  });
  const staff = (request: Request): Request => ({ ...request, headers: { authorization: `Bearer ${adminToken}`, ...request.headers } });
  const sms = (text: string) => ({ messageId: `MO-${tag()}`, from: uniquePhone().number, text });
  const lookUp = { reference: 'C20261129-W7K3Q9', phoneLast4: '8000' };
  const rating = (extra: Record<string, unknown> = {}) => ({ phoneLast4: '8000', score: 1, comment: tag(), ...extra });
  const pad = (bytes: number) => 'x'.repeat(bytes);

  interface Case {
    name: string;
    service: ServiceName;
    request: () => Request;
    status: number;
    /** The field the problem names. */
    field?: string;
  }

  const DEEP = 100_000;
  const cases: Case[] = [
    // Finding 3: ReDoS inputs are refused by length before any pattern runs, or matched in linear time.
    {
      name: 'web: e-mail "a@" + 40,000 dots + "@"',
      service: 'web',
      request: () => ({ path: '/v1/complaints', body: webComplaint({}, { email: `a@${'.'.repeat(40_000)}@` }) }),
      status: 400,
      field: 'customer.email',
    },
    {
      name: 'web: e-mail of 254 characters that backtracks',
      service: 'web',
      request: () => ({ path: '/v1/complaints', body: webComplaint({}, { email: `a@${'.'.repeat(250)}@` }) }),
      status: 400,
      field: 'customer.email',
    },
    {
      name: 'hotline: a transcript line of 100,000 blanks after the label (linear pattern)',
      service: 'hotline',
      request: () => ({
        path: '/v1/hotline/calls',
        body: { calls: [sampleCall({ transcript: `座席：${'\t'.repeat(100_000)}\u2028` })] },
        signed: true,
      }),
      status: 200,
    },
    {
      name: 'web: e-mail with a doubled dot',
      service: 'web',
      request: () => ({ path: '/v1/complaints', body: webComplaint({}, { email: 'a@b..c' }) }),
      status: 400,
      field: 'customer.email',
    },

    // Finding 8: 100,000-deep JSON on every JSON route, answered 400 naming the body.
    {
      name: 'web complaint: 100,000-deep array',
      service: 'web',
      request: () => ({ path: '/v1/complaints', raw: deepArray(DEEP) }),
      status: 400,
      field: 'body',
    },
    {
      name: 'web look-up: 100,000-deep object',
      service: 'web',
      request: () => ({ path: '/v1/complaints/lookup', raw: deepObject(1_000) }),
      status: 400,
      field: 'body',
    },
    {
      name: 'web rating: 65-deep object (one over the limit)',
      service: 'web',
      request: () => ({ path: '/v1/complaints/C20261129-W7K3Q9/satisfaction', raw: deepObject(65) }),
      status: 400,
      field: 'body',
    },
    {
      name: 'mobile complaint: 100,000-deep array',
      service: 'mobile',
      request: () => app({ path: '/v1/app/complaints', raw: deepArray(DEEP) }),
      status: 400,
      field: 'body',
    },
    {
      name: 'mobile rating: 100,000-deep array',
      service: 'mobile',
      request: () => app({ path: '/v1/app/complaints/C20261129-W7K3Q9/satisfaction', raw: deepArray(5_000) }),
      status: 400,
      field: 'body',
    },
    {
      name: 'hotline push (signed): 100,000-deep array',
      service: 'hotline',
      request: () => ({ path: '/v1/hotline/calls', raw: deepArray(DEEP), signed: true }),
      status: 400,
      field: 'body',
    },
    {
      name: 'notifier SMS (signed): 100,000-deep array',
      service: 'notifier',
      request: () => ({ path: '/v1/sms/inbound', raw: deepArray(5_000), signed: true }),
      status: 400,
      field: 'body',
    },
    {
      name: 'cases action: 100,000-deep array',
      service: 'cases',
      request: () => staff({ path: '/v1/cases/C20261129-W7K3Q9/notes', raw: deepArray(DEEP) }),
      status: 400,
      field: 'body',
    },
    {
      name: 'router dry-run: 100,000-deep array',
      service: 'router',
      request: () => staff({ path: '/v1/routing/dry-run', raw: deepArray(DEEP) }),
      status: 400,
      field: 'body',
    },
    {
      name: 'router rules: deep array inside a valid-looking body',
      service: 'router',
      request: () =>
        staff({ method: 'PUT', path: '/v1/routing/rules', raw: `{"expectedVersion":1,"comment":"x","rules":${deepArray(DEEP)}}` }),
      status: 400,
      field: 'body',
    },
    {
      name: 'social Weibo callback: 100,000-deep array',
      service: 'social',
      request: () => ({ path: '/v1/weibo/callback', raw: deepArray(DEEP) }),
      status: 400,
      field: 'body',
    },

    {
      name: 'analytics: deep array to a path with no route (404 before the body is read)',
      service: 'analytics',
      request: () => ({ path: '/v1/kpis', raw: deepArray(DEEP) }),
      status: 404,
    },
    {
      name: 'web: malformed JSON to a path with no route',
      service: 'web',
      request: () => ({ path: '/v1/complaint', raw: '{"text":' }),
      status: 404,
    },

    // Finding 8: numeric query parameters and numbers that reach SQL are bounded.
    {
      name: 'cases list: offset=1e21',
      service: 'cases',
      request: () => staff({ path: '/v1/cases?offset=1e21' }),
      status: 400,
      field: 'offset',
    },
    {
      name: 'cases list: offset=2^63',
      service: 'cases',
      request: () => staff({ path: '/v1/cases?offset=9223372036854775808' }),
      status: 400,
      field: 'offset',
    },
    {
      name: 'cases list: limit=1e309 (Infinity)',
      service: 'cases',
      request: () => staff({ path: '/v1/cases?limit=1e309' }),
      status: 400,
      field: 'limit',
    },
    {
      name: 'cases list: dueWithinHours=-1e21',
      service: 'cases',
      request: () => staff({ path: '/v1/cases?dueWithinHours=-1e21' }),
      status: 400,
      field: 'dueWithinHours',
    },
    {
      name: 'cases list: offset=-1',
      service: 'cases',
      request: () => staff({ path: '/v1/cases?offset=-1' }),
      status: 400,
      field: 'offset',
    },
    {
      name: 'router rule audit: limit=0x7fffffff',
      service: 'router',
      request: () => staff({ path: '/v1/routing/audit?limit=0x7fffffff' }),
      status: 400,
      field: 'limit',
    },
    {
      name: 'router rule audit: offset=1e21',
      service: 'router',
      request: () => staff({ path: '/v1/routing/audit?offset=1e21' }),
      status: 400,
      field: 'offset',
    },
    {
      name: 'router handler audit: offset=2^63',
      service: 'router',
      request: () => staff({ path: '/v1/routing/handlers/audit?offset=9223372036854775808' }),
      status: 400,
      field: 'offset',
    },
    {
      name: 'router rules: expectedVersion=1e21',
      service: 'router',
      request: () => staff({ method: 'PUT', path: '/v1/routing/rules', body: { expectedVersion: 1e21, comment: 'x', rules: [] } }),
      status: 400,
      field: 'expectedVersion',
    },
    {
      name: 'analytics hot spots: limit=1e21',
      service: 'analytics',
      request: () => staff({ path: '/v1/hotspots?limit=1e21' }),
      status: 400,
      field: 'limit',
    },

    // An array where a nested object belongs (class-validator validates the array's items, here none, and let it through).
    {
      name: 'web complaint: customer is an empty array',
      service: 'web',
      request: () => ({ path: '/v1/complaints', body: { ...webComplaint(), customer: [] } }),
      status: 400,
      field: 'customer',
    },
    {
      name: 'web complaint: an attachment is an empty array',
      service: 'web',
      request: () => ({ path: '/v1/complaints', body: { ...webComplaint(), attachments: [[]] } }),
      status: 400,
      field: 'attachments',
    },
    {
      name: 'mobile complaint: an attachment is an empty array',
      service: 'mobile',
      request: () => app({ path: '/v1/app/complaints', body: { text: `${tag()} 信用卡被盗刷`, attachments: [[]] } }),
      status: 400,
      field: 'attachments',
    },
    {
      name: 'router rules: a rule is an empty array',
      service: 'router',
      request: () => staff({ method: 'PUT', path: '/v1/routing/rules', body: { expectedVersion: 1, comment: 'x', rules: [[]] } }),
      status: 400,
      field: 'rules',
    },

    // Finding 4 (edges): lone UTF-16 surrogates and NUL characters, in values and in keys.
    {
      name: 'web complaint: lone high surrogate in the text',
      service: 'web',
      request: () => ({ path: '/v1/complaints', body: webComplaint({ text: `盗刷 ${tag()} \ud800` }) }),
      status: 400,
      field: 'text',
    },
    {
      name: 'web complaint: lone low surrogate in the name',
      service: 'web',
      request: () => ({ path: '/v1/complaints', body: webComplaint({}, { name: '张\udc00' }) }),
      status: 400,
      field: 'customer.name',
    },
    {
      name: 'web complaint: emoji cut in half at the end',
      service: 'web',
      request: () => ({ path: '/v1/complaints', body: webComplaint({ text: `${tag()} 😀`.slice(0, -1) }) }),
      status: 400,
      field: 'text',
    },
    {
      name: 'web complaint: NUL in a key',
      service: 'web',
      request: () => ({ path: '/v1/complaints', body: { ...webComplaint(), ['te\u0000xt']: 'x' } }),
      status: 400,
      field: 'te\u0000xt',
    },
    {
      name: 'web complaint: lone surrogate in a key',
      service: 'web',
      request: () => ({
        path: '/v1/complaints',
        body: { ...webComplaint(), customer: { name: 'a', phone: '13800138000', ['x\ud800']: 1 } },
      }),
      status: 400,
      field: 'customer.x\ud800',
    },
    {
      name: 'web rating: lone surrogate in the comment',
      service: 'web',
      request: () => ({ path: '/v1/complaints/C20261129-W7K3Q9/satisfaction', body: rating({ comment: `${tag()}\ud800` }) }),
      status: 400,
      field: 'comment',
    },
    {
      name: 'web look-up: lone surrogate in the reference',
      service: 'web',
      request: () => ({ path: '/v1/complaints/lookup', body: { ...lookUp, reference: 'C20261129-W7K3Q\ud800' } }),
      status: 400,
      field: 'reference',
    },
    {
      name: 'mobile complaint: lone surrogate in the text',
      service: 'mobile',
      request: () => app({ path: '/v1/app/complaints', body: { text: `${tag()} \ud800` } }),
      status: 400,
      field: 'text',
    },
    {
      name: 'mobile complaint: NUL in a key',
      service: 'mobile',
      request: () => app({ path: '/v1/app/complaints', body: { text: tag(), ['\u0000']: 1 } }),
      status: 400,
      field: '\u0000',
    },
    {
      name: 'mobile rating: lone surrogate in the comment',
      service: 'mobile',
      request: () => app({ path: '/v1/app/complaints/C20261129-W7K3Q9/satisfaction', body: { score: 1, comment: `${tag()}\udfff` } }),
      status: 400,
      field: 'comment',
    },
    {
      name: 'web look-up: NUL in the digits',
      service: 'web',
      request: () => ({ path: '/v1/complaints/lookup', body: { ...lookUp, phoneLast4: '80\u000000' } }),
      status: 400,
      field: 'phoneLast4',
    },
    {
      name: 'notifier SMS: NUL in a key',
      service: 'notifier',
      request: () => ({ path: '/v1/sms/inbound', body: { ...sms('满意'), ['to\u0000']: 'x' }, signed: true }),
      status: 400,
      field: 'to\u0000',
    },
    {
      name: 'notifier SMS: lone surrogate in the text',
      service: 'notifier',
      request: () => ({ path: '/v1/sms/inbound', body: sms('满意\ud800'), signed: true }),
      status: 400,
      field: 'text',
    },
    {
      name: 'social Weibo callback, unsigned: lone surrogate (refused by the signature check)',
      service: 'social',
      request: () => ({ path: '/v1/weibo/callback', body: { text: `${tag()}\ud800` } }),
      status: 401,
    },

    // Finding 9: the app API authenticates before reading a body, however the path is spelled.
    {
      name: 'mobile, no token: /v1/%61pp/complaints with malformed JSON',
      service: 'mobile',
      request: () => ({ path: '/v1/%61pp/complaints', raw: '{"text": ' }),
      status: 401,
    },
    {
      name: 'mobile, no token: /v1/%61pp/complaints with 1 MB',
      service: 'mobile',
      request: () => ({ path: '/v1/%61pp/complaints', raw: `{"text":"${pad(1_000_000)}"}` }),
      status: 401,
    },
    {
      name: 'mobile, no token: /v1/app/%63omplaints with a deep array',
      service: 'mobile',
      request: () => ({ path: '/v1/app/%63omplaints', raw: deepArray(DEEP) }),
      status: 401,
    },
    {
      name: 'mobile, no token: /v1/app/complaints/%43.../satisfaction with malformed JSON',
      service: 'mobile',
      request: () => ({ path: '/v1/app/complaints/%4320261129-W7K3Q9/satisfaction', raw: '{' }),
      status: 401,
    },
    {
      name: 'mobile, no token: //v1/app/complaints',
      service: 'mobile',
      request: () => ({ path: '//v1/app/complaints', raw: '{' }),
      status: 404,
    },
    {
      name: 'mobile, no token: /V1/APP/complaints',
      service: 'mobile',
      request: () => ({ path: '/V1/APP/complaints', raw: '{' }),
      status: 404,
    },
    {
      name: 'mobile, forged token: /v1/%61pp/complaints',
      service: 'mobile',
      request: () => ({
        path: '/v1/%61pp/complaints',
        raw: '{',
        headers: { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' },
      }),
      status: 401,
    },

    // Path parameters that do not decode to valid text.
    {
      name: 'web rating: reference %ED%A0%80 (an encoded surrogate)',
      service: 'web',
      request: () => ({ path: '/v1/complaints/%ED%A0%80/satisfaction', body: rating() }),
      status: 400,
      field: 'path',
    },
    {
      name: 'web rating: reference %zz (bad percent-encoding)',
      service: 'web',
      request: () => ({ path: '/v1/complaints/%zz/satisfaction', body: rating() }),
      status: 400,
      field: 'path',
    },
    {
      name: 'web rating: reference %00',
      service: 'web',
      request: () => ({ path: '/v1/complaints/%00/satisfaction', body: rating() }),
      status: 400,
      field: 'reference',
    },
    { name: 'cases: case %ED%A0%80', service: 'cases', request: () => staff({ path: '/v1/cases/%ED%A0%80' }), status: 400, field: 'path' },
    {
      name: 'cases: a 500-character case reference',
      service: 'cases',
      request: () => staff({ path: `/v1/cases/${'C'.repeat(500)}` }),
      status: 414,
      field: 'path',
    },
    {
      name: 'mobile: complaint %C0%80 (overlong NUL)',
      service: 'mobile',
      request: () => app({ path: '/v1/app/complaints/%C0%80' }),
      status: 400,
      field: 'path',
    },

    // Finding 8: small routes have small body limits (413), big ones keep theirs.
    {
      name: 'web look-up: 20 KB body',
      service: 'web',
      request: () => ({ path: '/v1/complaints/lookup', body: { ...lookUp, pad: pad(20_000) } }),
      status: 413,
      field: 'body',
    },
    {
      name: 'web rating: 20 KB body',
      service: 'web',
      request: () => ({ path: '/v1/complaints/C20261129-W7K3Q9/satisfaction', body: rating({ comment: pad(20_000) }) }),
      status: 413,
      field: 'body',
    },
    {
      name: 'mobile rating: 20 KB body',
      service: 'mobile',
      request: () => app({ path: '/v1/app/complaints/C20261129-W7K3Q9/satisfaction', body: { score: 1, comment: pad(20_000) } }),
      status: 413,
      field: 'body',
    },
    {
      name: 'notifier SMS (signed): 20 KB body',
      service: 'notifier',
      request: () => ({ path: '/v1/sms/inbound', body: sms(pad(20_000)), signed: true }),
      status: 413,
      field: 'body',
    },
    {
      name: 'cases dev sign-in: 20 KB body',
      service: 'cases',
      request: () => ({ path: '/v1/auth/dev-sign-in', body: { sub: 'x', roles: ['admin'], departments: [], pad: pad(20_000) } }),
      status: 413,
      field: 'body',
    },
    {
      name: 'web complaint: 20 KB text still reaches validation (its limit is the big one)',
      service: 'web',
      request: () => ({ path: '/v1/complaints', body: webComplaint({ text: `${tag()}${pad(20_000)}` }) }),
      status: 400,
      field: 'text',
    },

    // Finding 12: metrics only with the token.
    { name: 'web /metrics without a token', service: 'web', request: () => ({ path: '/metrics' }), status: 401 },
    {
      name: 'mobile /metrics with a wrong token',
      service: 'mobile',
      request: () => ({ path: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}x` } }),
      status: 401,
    },
    {
      name: 'hotline /metrics with the token as a query parameter',
      service: 'hotline',
      request: () => ({ path: `/metrics?token=${METRICS_TOKEN}` }),
      status: 401,
    },
    {
      name: 'social /metrics with a Basic header',
      service: 'social',
      request: () => ({ path: '/metrics', headers: { authorization: `Basic ${Buffer.from(`x:${METRICS_TOKEN}`).toString('base64')}` } }),
      status: 401,
    },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const before = await services.storedRows();
    const reply = await services.send(c.service, c.request());
    expectSafe(reply, c.status);
    if (c.field) expect((reply.body.errors ?? []).map((e: { field: string }) => e.field)).toContain(c.field);
    expect(await services.storedRows()).toEqual(before);
  });

  it('answers a 1 MB e-mail address with 400 quickly (measured, well under the old stall)', async () => {
    const body = JSON.stringify(webComplaint({}, { email: `a@${'.'.repeat(1_000_000)}@` }));
    await services.send('web', { path: '/v1/complaints', raw: body }); // warm-up: first parse of a large body
    const timings: number[] = [];
    for (let i = 0; i < 3; i++) {
      const reply = await services.send('web', { path: '/v1/complaints', raw: body });
      expectSafe(reply, 400);
      expect(reply.body.errors).toEqual([{ field: 'customer.email', message: 'email must be at most 254 characters' }]);
      timings.push(reply.elapsedMs);
    }
    const best = Math.min(...timings);
    process.stdout.write(`[edge] 1 MB e-mail answered 400 in ${timings.map((t) => t.toFixed(1)).join(' / ')} ms\n`);
    expect(best).toBeLessThan(250);
  });

  it('accepts a safe x-correlation-id and echoes it; replaces markup, over-long and empty ones with a new id', async () => {
    const valid = await services.send('web', { path: '/health/live', headers: { 'x-correlation-id': 'order-42:retry_1.a' } });
    expect(valid.headers.get('x-correlation-id')).toBe('order-42:retry_1.a');
    for (const [service, path, id] of [
      ['web', '/v1/complaints', '<script>alert(1)</script>'],
      ['mobile', '/v1/nowhere', '"><img src=x onerror=alert(1)>'],
      ['hotline', '/v1/hotline/calls', 'a'.repeat(129)],
      ['cases', '/v1/cases', 'id with spaces'],
    ] as const) {
      const reply = await services.send(service, { path, raw: '{', headers: { 'x-correlation-id': id } });
      expect(reply.status).toBeLessThan(500);
      const echoed = reply.headers.get('x-correlation-id');
      expect(echoed).toMatch(/^[A-Za-z0-9._:-]{1,128}$/);
      expect(echoed).not.toBe(id);
      expect(reply.text).not.toContain('<script>');
    }
  });

  it('takes the one bad call of a hotline batch alone (NUL, lone surrogate, bad key), and accepts the rest', async () => {
    const good = [sampleCall(), sampleCall()];
    const badText = sampleCall({ transcript: [{ speaker: 'customer', text: `卡被盗刷了 \ud800 ${tag()}` }] });
    const badNul = sampleCall({ summary: `NUL\u0000 ${tag()}` });
    const badKey = { ...sampleCall(), ['x\udc00']: tag() };
    const before = await services.db.query<{ n: string }>('SELECT count(*) AS n FROM intake_hotline.calls');
    const reply = await services.send('hotline', {
      path: '/v1/hotline/calls',
      body: { calls: [good[0], badText, badNul, badKey, good[1]] },
      signed: true,
    });
    expectSafe(reply, 200);
    expect(reply.body).toMatchObject({ received: 5, accepted: 2, rejected: 3 });
    expect(reply.body.results.map((r: { status: string }) => r.status)).toEqual([
      'accepted',
      'rejected',
      'rejected',
      'rejected',
      'accepted',
    ]);
    expect(reply.body.results[1].errors).toEqual([
      { field: 'calls[1].transcript.0.text', message: expect.stringContaining('valid Unicode') },
    ]);
    expect(reply.body.results[2].errors).toEqual([{ field: 'calls[2].summary', message: expect.stringContaining('NUL') }]);
    expect(reply.body.results[3].errors).toEqual([{ field: 'calls[3].x\udc00', message: expect.stringContaining('field names') }]);
    const after = await services.db.query<{ n: string }>('SELECT count(*) AS n FROM intake_hotline.calls');
    expect(Number(after.rows[0].n) - Number(before.rows[0].n)).toBe(2);
  });

  it('bounds a turn offset of a hotline call, rejecting that call alone', async () => {
    const reply = await services.send('hotline', {
      path: '/v1/hotline/calls',
      body: { calls: [sampleCall({ transcript: [{ speaker: 'customer', text: `信用卡 ${tag()}`, offsetMs: 1e21 }] })] },
      signed: true,
    });
    expectSafe(reply, 200);
    expect(reply.body.results[0]).toMatchObject({ status: 'rejected', errors: [{ field: 'calls[0].transcript.0.offsetMs' }] });
  });

  it('rejects the hotline call whose transcript holds an array where a turn belongs, alone (was a 500)', async () => {
    const turns = [
      { speaker: 'agent', text: '您好', offsetMs: 0 },
      [],
      { speaker: 'customer', text: `请马上冻结 ${tag()}`, offsetMs: 9000 },
    ];
    const reply = await services.send('hotline', {
      path: '/v1/hotline/calls',
      body: { calls: [sampleCall({ transcript: turns })] },
      signed: true,
    });
    expectSafe(reply, 200);
    expect(reply.body.results[0]).toMatchObject({
      status: 'rejected',
      errors: [{ field: 'calls[0].transcript', message: expect.stringContaining('object') }],
    });
  });

  it('serves /metrics to the bearer of METRICS_TOKEN', async () => {
    for (const service of ['web', 'mobile', 'hotline', 'notifier', 'cases', 'router', 'analytics', 'social'] as const) {
      const reply = await services.send(service, { path: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(reply.status).toBe(200);
      expect(reply.text).toContain('http_request_duration_seconds');
    }
  });

  it('published nothing of any refused request', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(markers.length).toBeGreaterThan(10);
    expect(markers.filter((m) => services.published(m) > 0)).toEqual([]);
  });
});

/** The safe answer: the expected status, problem+json for a refusal, no stack trace or internal message. */
function expectSafe(reply: Reply, status: number): void {
  expect({ status: reply.status, body: reply.text.slice(0, 300) }).toEqual({ status, body: expect.any(String) });
  if (status >= 400) expect(reply.type).toContain('application/problem+json');
  expect(reply.text).not.toMatch(/at .*\.(ts|js):\d+|node_modules|QueryFailedError|SyntaxError/);
}

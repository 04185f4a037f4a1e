import { Client } from 'pg';
import { CustomerResponseV1, Topics, WEB_COMPLAINT_LIMITS } from '@complaints/contracts';
import { IntakeWebConfig } from '../../apps/intake-web/src/intake-web.config';
import { IntakeWebModule } from '../../apps/intake-web/src/intake-web.module';
import { caseEvent, publishCaseEvents, testProducer } from '../support/case-events';
import { testConfig } from '../support/configs';
import { uniquePhone } from '../support/phones';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { TopicReader } from '../support/topic-reader';

/** What a hostile request expects: the status, and for 400 the field the problem names. */
interface Hostile {
  name: string;
  method?: 'POST' | 'GET';
  /** The path, given the test's complaints. */
  path: (c: Complaints) => string;
  /** A JSON value (sent as JSON) or a raw string body. */
  body?: (c: Complaints) => unknown;
  raw?: string;
  headers?: Record<string, string>;
  status: number;
  field?: string;
  problemType?: string;
}

interface Complaints {
  /** The victim's web complaint (answered, so rateable with the right digits) and the digits of their phone. */
  victim: { reference: string; complaintId: string; digits: string };
  /** A stranger's web complaint giving the victim's phone. */
  stranger: { reference: string; complaintId: string };
  /** A third customer's digits. */
  otherDigits: string;
}

const LOOKUP = () => '/v1/complaints/lookup';
const RATE = (reference: string) => `/v1/complaints/${reference}/satisfaction`;

/** Follow-ups (status look-up, satisfaction) under attack: forged references, other customers' digits, wrong types, spoofed addresses. */
describe('hostile: following a complaint on intake-web', () => {
  let intake: RunningApp;
  let limited: RunningApp;
  let responses: TopicReader<CustomerResponseV1>;
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  let c: Complaints;

  beforeAll(async () => {
    // The per-reference lock has its own tests; here it must not answer before the checks under test.
    intake = await startApp(
      IntakeWebModule.register(testConfig(IntakeWebConfig, { INTAKE_RATE_LIMIT_PER_MIN: '0', INTAKE_WEB_GUESS_MAX_ATTEMPTS: '100' })),
    );
    limited = await startApp(
      IntakeWebModule.register(testConfig(IntakeWebConfig, { INTAKE_RATE_LIMIT_PER_MIN: '1', INTAKE_WEB_GUESS_MAX_ATTEMPTS: '100' })),
    );
    responses = await TopicReader.open<CustomerResponseV1>(Topics.customerResponsesV1);
    await db.connect();

    const phone = uniquePhone();
    const file = async (name: string, phoneNumber: string) => {
      const res = await send(intake, 'POST', '/v1/complaints', {
        json: { text: '信用卡年费未经同意被扣除，要求退还。', customer: { name, phone: phoneNumber }, consent: true },
      });
      expect(res.status).toBe(202);
      return res.body as { reference: string; complaintId: string };
    };
    const victim = await file('受害人', phone.number);
    const stranger = await file('陌生人', `+86 ${phone.number}`);
    c = { victim: { ...victim, digits: phone.last4 }, stranger, otherDigits: String((Number(phone.last4) + 7) % 10_000).padStart(4, '0') };
    const producer = await testProducer();
    await publishCaseEvents(
      producer,
      caseEvent({
        type: 'case.resolved',
        case: {
          channel: 'web',
          reference: victim.reference,
          complaintId: victim.complaintId,
          status: 'RESOLVED',
          department: 'CARD_CENTER',
        },
        message: '已退还年费。',
      }),
    );
    await producer.disconnect();
    await eventually(async () =>
      (await send(intake, 'POST', LOOKUP(), { json: { reference: victim.reference, phoneLast4: phone.last4 } })).body.status === 'RESOLVED'
        ? true
        : undefined,
    );
    // The victim rates once; every later rating is a replay.
    expect((await send(intake, 'POST', RATE(victim.reference), { json: { phoneLast4: phone.last4, score: 4 } })).status).toBe(202);
    await eventually(async () => responses.values((r) => r.reference === victim.reference)[0]);
  });

  afterAll(async () => {
    await Promise.all([intake?.close(), limited?.close(), responses?.close(), db.end()]);
  });

  async function send(
    app: RunningApp,
    method: string,
    path: string,
    options: { json?: unknown; raw?: string; headers?: Record<string, string> } = {},
  ) {
    const body = options.raw ?? (options.json === undefined ? undefined : JSON.stringify(options.json));
    const res = await fetch(`${app.url}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers },
      body,
    });
    const text = await res.text();
    let parsed: Record<string, any>;
    try {
      parsed = text ? (JSON.parse(text) as Record<string, any>) : {};
    } catch {
      parsed = { unparsed: text };
    }
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: parsed, text };
  }

  const ratingRows = async () =>
    (await db.query('SELECT reference FROM intake_web.ratings WHERE reference = ANY($1)', [[c.victim.reference, c.stranger.reference]]))
      .rows.length;
  const published = () => responses.values((r) => r.reference === c.victim.reference || r.reference === c.stranger.reference).length;

  const cases: Hostile[] = [
    // Other customers' complaints and digits
    {
      name: "look-up: the stranger's reference with the victim's digits shows nothing of the victim",
      path: LOOKUP,
      body: (x) => ({ reference: x.stranger.reference, phoneLast4: x.victim.digits }),
      status: 200,
    },
    {
      name: "look-up: the victim's reference with a third customer's digits",
      path: LOOKUP,
      body: (x) => ({ reference: x.victim.reference, phoneLast4: x.otherDigits }),
      status: 404,
      problemType: 'complaint-not-found',
    },
    {
      name: 'look-up: a forged, well-formed reference',
      path: LOOKUP,
      body: (x) => ({ reference: 'C20261129-W00000', phoneLast4: x.victim.digits }),
      status: 404,
      problemType: 'complaint-not-found',
    },
    {
      name: 'look-up: a reference of another channel',
      path: LOOKUP,
      body: (x) => ({ reference: x.victim.reference.replace('-W', '-H'), phoneLast4: x.victim.digits }),
      status: 404,
    },
    {
      name: "rating: the stranger's reference with the victim's digits does not reach the victim's case",
      path: (x) => RATE(x.stranger.reference),
      body: (x) => ({ phoneLast4: x.victim.digits, score: 1 }),
      status: 409,
      problemType: 'complaint-not-resolved',
    },
    {
      name: "rating: the victim's reference with a third customer's digits",
      path: (x) => RATE(x.victim.reference),
      body: (x) => ({ phoneLast4: x.otherDigits, score: 1 }),
      status: 404,
      problemType: 'complaint-not-found',
    },
    {
      name: "rating: a replay of the victim's answer",
      path: (x) => RATE(x.victim.reference),
      body: (x) => ({ phoneLast4: x.victim.digits, score: 4 }),
      status: 409,
      problemType: 'already-rated',
    },
    {
      name: 'rating: a second, dissatisfied answer meant to reopen the case',
      path: (x) => RATE(x.victim.reference),
      body: (x) => ({ phoneLast4: x.victim.digits, score: 1, comment: '重开' }),
      status: 409,
      problemType: 'already-rated',
    },
    {
      name: 'rating: a forged, well-formed reference',
      path: () => RATE('C20261129-W00000'),
      body: (x) => ({ phoneLast4: x.victim.digits, score: 1 }),
      status: 404,
    },
    // Malformed references
    {
      name: 'look-up: lower-case reference',
      path: LOOKUP,
      body: (x) => ({ reference: x.victim.reference.toLowerCase(), phoneLast4: x.victim.digits }),
      status: 400,
      field: 'reference',
    },
    {
      name: 'look-up: SQL in the reference',
      path: LOOKUP,
      body: (x) => ({ reference: "C20261129-W' OR '1'='1", phoneLast4: x.victim.digits }),
      status: 400,
      field: 'reference',
    },
    {
      name: 'look-up: reference as a number',
      path: LOOKUP,
      body: (x) => ({ reference: 20261129, phoneLast4: x.victim.digits }),
      status: 400,
      field: 'reference',
    },
    {
      name: 'look-up: reference as an array',
      path: LOOKUP,
      body: (x) => ({ reference: [x.victim.reference], phoneLast4: x.victim.digits }),
      status: 400,
      field: 'reference',
    },
    {
      name: 'look-up: reference as an operator object',
      path: LOOKUP,
      body: (x) => ({ reference: { $ne: null }, phoneLast4: x.victim.digits }),
      status: 400,
      field: 'reference',
    },
    // Over the look-up's small body limit (16 KiB): refused before it is parsed.
    {
      name: 'look-up: a 100,000-character reference',
      path: LOOKUP,
      body: (x) => ({ reference: `C20261129-${'W'.repeat(100_000)}`, phoneLast4: x.victim.digits }),
      status: 413,
    },
    {
      name: 'look-up: a 10,000-character reference',
      path: LOOKUP,
      body: (x) => ({ reference: `C20261129-${'W'.repeat(10_000)}`, phoneLast4: x.victim.digits }),
      status: 400,
      field: 'reference',
    },
    {
      name: 'look-up: reference with a NUL character',
      path: LOOKUP,
      body: (x) => ({ reference: `${x.victim.reference}\u0000`, phoneLast4: x.victim.digits }),
      status: 400,
      field: 'reference',
    },
    {
      name: 'look-up: reference with a trailing newline',
      path: LOOKUP,
      body: (x) => ({ reference: `${x.victim.reference}\n`, phoneLast4: x.victim.digits }),
      status: 400,
      field: 'reference',
    },
    {
      name: 'rating: lower-case reference in the path',
      path: (x) => RATE(x.victim.reference.toLowerCase()),
      body: (x) => ({ phoneLast4: x.victim.digits, score: 5 }),
      status: 400,
      field: 'reference',
    },
    {
      name: 'rating: encoded path traversal as the reference',
      path: () => RATE('..%2F..%2Fv1%2Fcases'),
      body: (x) => ({ phoneLast4: x.victim.digits, score: 5 }),
      status: 400,
      field: 'reference',
    },
    {
      name: 'rating: encoded NUL in the reference',
      path: (x) => RATE(`${x.victim.reference}%00`),
      body: (x) => ({ phoneLast4: x.victim.digits, score: 5 }),
      status: 400,
      field: 'reference',
    },
    // Digits of the wrong shape or type
    {
      name: 'look-up: digits as a number',
      path: LOOKUP,
      body: (x) => ({ reference: x.victim.reference, phoneLast4: Number(x.victim.digits) }),
      status: 400,
      field: 'phoneLast4',
    },
    {
      name: 'look-up: five digits',
      path: LOOKUP,
      body: (x) => ({ reference: x.victim.reference, phoneLast4: `${x.victim.digits}0` }),
      status: 400,
      field: 'phoneLast4',
    },
    {
      name: 'look-up: full-width digits',
      path: LOOKUP,
      body: (x) => ({
        reference: x.victim.reference,
        phoneLast4: x.victim.digits.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
      }),
      status: 400,
      field: 'phoneLast4',
    },
    {
      name: 'look-up: digits as null',
      path: LOOKUP,
      body: (x) => ({ reference: x.victim.reference, phoneLast4: null }),
      status: 400,
      field: 'phoneLast4',
    },
    {
      name: 'look-up: digits as a wildcard',
      path: LOOKUP,
      body: (x) => ({ reference: x.victim.reference, phoneLast4: '%' }),
      status: 400,
      field: 'phoneLast4',
    },
    {
      name: 'rating: digits as an array',
      path: (x) => RATE(x.victim.reference),
      body: (x) => ({ phoneLast4: [x.victim.digits], score: 5 }),
      status: 400,
      field: 'phoneLast4',
    },
    // Scores and comments of the wrong type
    {
      name: 'rating: score 0',
      path: (x) => RATE(x.stranger.reference),
      body: (x) => ({ phoneLast4: x.victim.digits, score: 0 }),
      status: 400,
      field: 'score',
    },
    {
      name: 'rating: score 6',
      path: (x) => RATE(x.stranger.reference),
      body: (x) => ({ phoneLast4: x.victim.digits, score: 6 }),
      status: 400,
      field: 'score',
    },
    {
      name: 'rating: score 1.5',
      path: (x) => RATE(x.stranger.reference),
      body: (x) => ({ phoneLast4: x.victim.digits, score: 1.5 }),
      status: 400,
      field: 'score',
    },
    {
      name: 'rating: score as a string',
      path: (x) => RATE(x.stranger.reference),
      body: (x) => ({ phoneLast4: x.victim.digits, score: '1' }),
      status: 400,
      field: 'score',
    },
    {
      name: 'rating: score 1e308',
      path: (x) => RATE(x.stranger.reference),
      body: (x) => ({ phoneLast4: x.victim.digits, score: 1e308 }),
      status: 400,
      field: 'score',
    },
    {
      name: 'rating: no score',
      path: (x) => RATE(x.stranger.reference),
      body: (x) => ({ phoneLast4: x.victim.digits }),
      status: 400,
      field: 'score',
    },
    {
      name: 'rating: comment as an object',
      path: (x) => RATE(x.stranger.reference),
      body: (x) => ({ phoneLast4: x.victim.digits, score: 1, comment: { text: 'x' } }),
      status: 400,
      field: 'comment',
    },
    {
      name: 'rating: a comment one character too long',
      path: (x) => RATE(x.stranger.reference),
      body: (x) => ({ phoneLast4: x.victim.digits, score: 1, comment: '差'.repeat(WEB_COMPLAINT_LIMITS.commentMaxLength + 1) }),
      status: 400,
      field: 'comment',
    },
    {
      name: 'rating: a field the endpoint does not take (the case to rate)',
      path: (x) => RATE(x.stranger.reference),
      body: (x) => ({ phoneLast4: x.victim.digits, score: 1, caseReference: x.victim.reference }),
      status: 400,
      field: 'caseReference',
    },
    {
      name: 'look-up: a field the endpoint does not take (mergedInto)',
      path: LOOKUP,
      body: (x) => ({ reference: x.stranger.reference, phoneLast4: x.victim.digits, mergedInto: x.victim.reference }),
      status: 400,
      field: 'mergedInto',
    },
    // Bodies of the wrong type
    { name: 'look-up: body is an array', path: LOOKUP, body: (x) => [x.victim.reference, x.victim.digits], status: 400, field: 'body' },
    { name: 'look-up: body is a string', path: LOOKUP, body: (x) => x.victim.reference, status: 400, field: 'body' },
    { name: 'look-up: body is null', path: LOOKUP, raw: 'null', status: 400, field: 'body' },
    { name: 'look-up: malformed JSON', path: LOOKUP, raw: '{"reference": "C20261129-W', status: 400, field: 'body' },
    {
      name: 'rating: prototype pollution in the body',
      path: (x) => RATE(x.victim.reference),
      raw: '{"__proto__": {"score": 1}, "phoneLast4": "0000"}',
      status: 400,
    },
    {
      name: 'look-up: form-encoded body',
      path: LOOKUP,
      raw: 'reference=C20261129-W00000&phoneLast4=1234',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      status: 415,
    },
    {
      name: 'look-up: the digits in a GET query instead of a POST body',
      method: 'GET',
      path: (x) => `/v1/complaints/lookup?reference=${x.victim.reference}&phoneLast4=${x.victim.digits}`,
      status: 404,
    },
  ];

  /** The attempts counted at the reference a request names (in its body, else its path). */
  const attemptsAt = async (h: Hostile, path: string) => {
    const given = String((h.body?.(c) as { reference?: unknown } | undefined)?.reference ?? decodeURIComponent(path.split('/')[3] ?? ''));
    if (given.includes('\u0000')) return 0; // PostgreSQL cannot even hold such a reference
    const { rows } = await db.query('SELECT attempts FROM intake_web.reference_attempts WHERE reference = $1', [given]);
    return rows[0]?.attempts ?? 0;
  };

  it.each(cases.map((h) => [h.name, h] as const))('%s', async (_name, h) => {
    const path = h.path(c);
    const before = { ratings: await ratingRows(), published: published(), attempts: await attemptsAt(h, path) };
    const res = await send(intake, h.method ?? 'POST', path, { json: h.body?.(c), raw: h.raw, headers: h.headers });
    expect(res.status).toBe(h.status);
    expect(res.text).not.toMatch(/\bat .+\(.+:\d+:\d+\)|QueryFailedError|TypeError/);
    if (h.status >= 400) expect(res.type).toContain('application/problem+json');
    if (h.field) expect(res.body.errors?.map((e: { field: string }) => e.field)).toContain(h.field);
    if (h.problemType) expect(res.body.type).toBe(`https://complaints.example/problems/${h.problemType}`);
    if (h.status === 200) {
      // Only the stranger's own complaint: nothing of the victim's reference, case or messages.
      expect(res.body.reference).toBe(c.stranger.reference);
      expect(res.text).not.toContain(c.victim.reference);
      expect(res.text).not.toContain('已退还年费');
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
    const after = { ratings: await ratingRows(), published: published(), attempts: await attemptsAt(h, path) };
    // Nothing stored or published; a malformed request is refused before it counts as an attempt.
    expect({ ...after, attempts: h.status === 400 ? after.attempts : before.attempts }).toEqual(before);
  });

  /** Per-client limit of 1 a minute, no trusted proxy: forged forwarding headers never buy a new bucket. */
  const spoofs: Array<[string, Record<string, string>]> = [
    ['X-Forwarded-For of another address', { 'x-forwarded-for': '203.0.113.9' }],
    ['X-Forwarded-For of the loopback', { 'x-forwarded-for': '127.0.0.1' }],
    ['X-Forwarded-For with a chain', { 'x-forwarded-for': '198.51.100.1, 198.51.100.2, 10.0.0.1' }],
    ['X-Forwarded-For of garbage', { 'x-forwarded-for': 'not-an-ip, ;DROP TABLE' }],
    ['X-Real-IP', { 'x-real-ip': '203.0.113.10' }],
    ['Forwarded (RFC 7239)', { forwarded: 'for=203.0.113.11;proto=https' }],
  ];

  it.each(spoofs)("a spoofed %s shares the caller's per-client bucket (429)", async (_name, headers) => {
    const lookUp = (extra: Record<string, string> = {}) =>
      send(limited, 'POST', LOOKUP(), { json: { reference: 'C20261129-W11111', phoneLast4: c.otherDigits }, headers: extra });
    await lookUp(); // uses up this minute's one request, if an earlier case did not
    const before = published();
    const res = await lookUp(headers);
    expect(res.status).toBe(429);
    expect(res.type).toContain('application/problem+json');
    expect(published()).toBe(before);
  });
});

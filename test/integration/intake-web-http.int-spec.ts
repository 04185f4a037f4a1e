import { randomUUID } from 'node:crypto';
import { REGION_CODES, RULE_MESSAGES } from '@complaints/contracts';
import { IntakeWebConfig } from '../../apps/intake-web/src/intake-web.config';
import { INTAKE_WEB_BODY_LIMIT_BYTES, IntakeWebModule } from '../../apps/intake-web/src/intake-web.module';
import { testConfig } from '../support/configs';
import { uniquePhone } from '../support/phones';
import { RunningApp, startApp } from '../support/running-app';
import { queryDb } from './analytics-fixtures';

describe('intake-web refuses bad input with problem+json naming the field', () => {
  let intake: RunningApp;

  beforeAll(async () => {
    intake = await startApp(IntakeWebModule.register(testConfig(IntakeWebConfig, { INTAKE_RATE_LIMIT_PER_MIN: '0' })), {
      bodyLimitBytes: INTAKE_WEB_BODY_LIMIT_BYTES,
    });
  });
  afterAll(() => intake?.close());

  async function post(body: string | undefined, headers: Record<string, string> = { 'content-type': 'application/json' }) {
    const res = await fetch(`${intake.url}/v1/complaints`, { method: 'POST', headers, body });
    const text = await res.text();
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      headers: res.headers,
      body: JSON.parse(text) as { errors?: { field: string }[]; detail?: string },
    };
  }

  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field).sort();

  it.each([
    ['an empty object', '{}', ['consent', 'customer', 'text']],
    ['a JSON array', '[1,2]', ['body']],
    ['malformed JSON', '{"text": "x",', ['body']],
    ['unknown fields', JSON.stringify({ text: 'x', customer: { name: 'a', phone: '13800138000' }, consent: true, admin: true }), ['admin']],
    [
      'a bad phone and e-mail',
      JSON.stringify({ text: 'x', customer: { name: 'a', phone: 'call me', email: 'nope' }, consent: true }),
      ['customer.email', 'customer.phone'],
    ],
    ['no consent', JSON.stringify({ text: 'x', customer: { name: 'a', phone: '13800138000' }, consent: false }), ['consent']],
    [
      'an unknown product',
      JSON.stringify({ text: 'x', customer: { name: 'a', phone: '13800138000' }, consent: true, product: 'CRYPTO' }),
      ['product'],
    ],
    [
      'a district instead of a province',
      JSON.stringify({ text: 'x', customer: { name: 'a', phone: '13800138000' }, consent: true, region: '310115' }),
      ['region'],
    ],
    [
      'an unknown region name',
      JSON.stringify({ text: 'x', customer: { name: 'a', phone: '13800138000' }, consent: true, region: '浦东新区' }),
      ['region'],
    ],
    [
      'a region as a number',
      JSON.stringify({ text: 'x', customer: { name: 'a', phone: '13800138000' }, consent: true, region: 310000 }),
      ['region'],
    ],
    [
      'a NUL character in the text',
      JSON.stringify({ text: '卡被盗刷\u0000了', customer: { name: 'a', phone: '13800138000' }, consent: true }),
      ['text'],
    ],
    [
      'a NUL character in a nested field',
      JSON.stringify({ text: 'x', customer: { name: 'a\u0000', phone: '13800138000' }, consent: true }),
      ['customer.name'],
    ],
  ])('400 for %s', async (_, body, expected) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
    expect(fields(res.body)).toEqual(expected);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('names the region rule in the words the customer site shows in English', async () => {
    const res = await post(JSON.stringify({ text: 'x', customer: { name: 'a', phone: '13800138000' }, consent: true, region: 'Atlantis' }));
    expect(res.body.errors).toEqual([{ field: 'region', message: RULE_MESSAGES.en.regionUnknown }]);
  });

  it.each([
    ['its code', '450000'],
    ['its Chinese name', '广西壮族自治区'],
    ['its name without the suffix', '广西'],
  ])('takes a region given as %s and carries the code as context.extra.region', async (_, region) => {
    const text = `存款利息少算了，地区 ${region} ${randomUUID()}`;
    const res = await post(JSON.stringify({ text, customer: { name: '李四', phone: uniquePhone().number }, consent: true, region }));
    expect(res.status).toBe(202);
    const [row] = await queryDb<{ context: unknown }>(
      "SELECT event->'complaint'->'context' AS context FROM intake_web.submissions WHERE event->'complaint'->'content'->>'text' = $1",
      [text],
    );
    expect(row?.context).toEqual({ extra: { region: '450000' } });
  });

  it('leaves the region out of the complaint when none is given', async () => {
    const text = `存款利息少算了，未填地区 ${randomUUID()}`;
    expect((await post(JSON.stringify({ text, customer: { name: '李四', phone: uniquePhone().number }, consent: true }))).status).toBe(202);
    const [row] = await queryDb<{ context: unknown }>(
      "SELECT event->'complaint'->'context' AS context FROM intake_web.submissions WHERE event->'complaint'->'content'->>'text' = $1",
      [text],
    );
    expect(row?.context).toEqual({});
  });

  it('400 for an empty body with a JSON content type, 415 for other content types', async () => {
    expect((await post('')).status).toBe(400);
    const wrongType = await post('hello', { 'content-type': 'text/plain' });
    expect(wrongType.status).toBe(415);
    expect(fields(wrongType.body)).toEqual(['Content-Type']);
  });

  it('400 for an unusable Idempotency-Key', async () => {
    const res = await post(JSON.stringify({ text: 'x', customer: { name: 'a', phone: '13800138000' }, consent: true }), {
      'content-type': 'application/json',
      'idempotency-key': 'has spaces in it',
    });
    expect(res.status).toBe(400);
    expect(fields(res.body)).toEqual(['Idempotency-Key']);
  });

  it('413 for a body over the limit (the fields and the most evidence, base64-encoded)', async () => {
    const res = await post(
      JSON.stringify({ text: 'x'.repeat(INTAKE_WEB_BODY_LIMIT_BYTES), customer: { name: 'a', phone: '13800138000' }, consent: true }),
    );
    expect(res.status).toBe(413);
    expect(res.type).toContain('application/problem+json');
  });

  it('serves health, metrics and the OpenAPI document', async () => {
    expect((await fetch(`${intake.url}/health/live`)).status).toBe(200);
    const ready = await fetch(`${intake.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok', info: { kafka: { status: 'up' }, database: { status: 'up' } } });
    const metrics = await (await fetch(`${intake.url}/metrics`)).text();
    expect(metrics).toContain('http_request_duration_seconds');
    const openapi = (await (await fetch(`${intake.url}/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties: Record<string, { enum?: string[] }>; required?: string[] }> };
    };
    expect(Object.keys(openapi.paths)).toContain('/v1/complaints');
    const complaint = openapi.components.schemas.SubmitComplaintDto;
    expect(complaint.properties.region?.enum).toEqual([...REGION_CODES]);
    expect(complaint.required).not.toContain('region');
  });
});

describe('intake-web rate limit', () => {
  let intake: RunningApp;

  beforeAll(async () => {
    intake = await startApp(IntakeWebModule.register(testConfig(IntakeWebConfig, { INTAKE_RATE_LIMIT_PER_MIN: '3' })));
  });
  afterAll(() => intake?.close());

  it('answers 429 problem+json with Retry-After once a client exceeds its complaints per minute', async () => {
    const body = JSON.stringify({ text: '网点排队太久', customer: { name: '王五', phone: '13700137000' }, consent: true });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await fetch(`${intake.url}/v1/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([202, 202, 202, 429]);
    expect(last!.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

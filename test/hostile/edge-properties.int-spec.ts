import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { sampleCall } from '../support/hotline-client';
import { customerToken } from '../support/mobile-client';
import { EdgeServices, Request, ServiceName } from './edge-services';

/**
 * Property-based tests over the public DTOs (fast-check): whatever JSON a stranger sends, or however a
 * valid body is mutated, no service answers 5xx; every refusal is problem+json without a stack trace.
 * The services run in-process against the real broker and database. 120 runs per property.
 */
const RUNS = 120;

/** One string unit: mostly any code point, sometimes a lone surrogate or a NUL. */
const unit = fc.oneof(
  { weight: 10, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff', '\u0000') },
);
const hostileString = fc.oneof(
  fc.string({ unit }),
  fc.string({ unit, maxLength: 3_000 }),
  fc.constantFrom(
    'a@' + '.'.repeat(5_000) + '@',
    '1e21',
    '9223372036854775808',
    'C20261129-W7K3Q9',
    '13800138000',
    '<script>alert(1)</script>',
  ),
);
const hostileNumber = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(1e21, -1e21, 2 ** 63, Number.MAX_VALUE, 5e-324, -0));
const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4, stringUnit: unit }) },
  { weight: 1, arbitrary: hostileString },
  { weight: 1, arbitrary: hostileNumber },
);

/** Dotted paths of every value in `value` (objects and arrays included). */
function paths(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => [[...prefix, key], ...paths(child, [...prefix, key])]);
}

/** `body` with each `[path, value]` applied: set (a new key too), or deleted when the value is undefined. */
function mutate(body: Record<string, unknown>, mutations: Array<[string[], unknown]>): unknown {
  const copy = structuredClone(body);
  for (const [path, value] of mutations) {
    let target: any = copy;
    for (const key of path.slice(0, -1)) {
      if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
      target = target[key];
    }
    const last = path[path.length - 1];
    if (value === undefined) delete target[last];
    else target[last] = value;
  }
  return copy;
}

function mutationsOf(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const known = paths(valid);
  const path = fc.oneof(
    fc.constantFrom(...known),
    fc.array(fc.string({ unit, minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 3 }),
  );
  const value = fc.oneof({ weight: 4, arbitrary: anyJson }, { weight: 1, arbitrary: fc.constant(undefined) });
  return fc.array(fc.tuple(path, value), { minLength: 1, maxLength: 3 }).map((mutations) => mutate(valid, mutations));
}

describe('property: no input gives a 5xx at the public edges', () => {
  let services: EdgeServices;
  let appToken: string;

  beforeAll(async () => {
    services = await EdgeServices.start(['web', 'mobile', 'hotline', 'notifier']);
    appToken = await customerToken(`cust-prop-${Date.now()}`);
  }, 120_000);
  afterAll(() => services?.close());

  interface Dto {
    name: string;
    service: ServiceName;
    valid: () => Record<string, unknown>;
    request: (body: unknown) => Request;
  }

  const app =
    (path: string) =>
    (body: unknown): Request => ({ path, body, headers: { authorization: `Bearer ${appToken}`, 'idempotency-key': randomUUID() } });
  const dtos: Dto[] = [
    {
      name: 'web complaint',
      service: 'web',
      valid: () => ({
        text: '信用卡被盗刷了',
        customer: { name: '张三', phone: '13800138000', email: 'zhang@example.com' },
        consent: true,
        product: 'CREDIT_CARD',
        region: '310000',
      }),
      request: (body) => ({ path: '/v1/complaints', body, headers: { 'idempotency-key': randomUUID() } }),
    },
    {
      name: 'web look-up',
      service: 'web',
      valid: () => ({ reference: 'C20261129-W7K3Q9', phoneLast4: '8000' }),
      request: (body) => ({ path: '/v1/complaints/lookup', body }),
    },
    {
      name: 'web rating',
      service: 'web',
      valid: () => ({ phoneLast4: '8000', score: 4, comment: '谢谢' }),
      request: (body) => ({ path: '/v1/complaints/C20261129-W7K3Q9/satisfaction', body }),
    },
    {
      name: 'mobile complaint',
      service: 'mobile',
      valid: () => ({ text: '转账失败但扣款了', product: 'PAYMENT', region: '440000' }),
      request: app('/v1/app/complaints'),
    },
    {
      name: 'mobile rating',
      service: 'mobile',
      valid: () => ({ score: 2, comment: '不满意' }),
      request: app('/v1/app/complaints/C20261129-W7K3Q9/satisfaction'),
    },
    {
      name: 'hotline push',
      service: 'hotline',
      valid: () => ({ calls: [sampleCall()] }),
      request: (body) => ({ path: '/v1/hotline/calls', body, signed: true }),
    },
    {
      name: 'SMS inbound',
      service: 'notifier',
      valid: () => ({ messageId: `MO-${randomUUID()}`, from: '+8613800138000', text: '满意' }),
      request: (body) => ({ path: '/v1/sms/inbound', body, signed: true }),
    },
  ];

  async function answersSafely(dto: Dto, body: unknown): Promise<void> {
    const reply = await services.send(dto.service, dto.request(body));
    if (reply.status >= 500)
      throw new Error(`${dto.name}: ${reply.status} for ${JSON.stringify(body).slice(0, 500)}: ${reply.text.slice(0, 300)}`);
    if (reply.status >= 400) expect(reply.type).toContain('application/problem+json');
    expect(reply.text).not.toMatch(/at .*\.(ts|js):\d+|node_modules|QueryFailedError/);
  }

  it.each(dtos.map((dto) => [dto.name, dto] as const))('%s: any JSON value as the body', async (_, dto) => {
    await fc.assert(
      fc.asyncProperty(anyJson, (body) => answersSafely(dto, body)),
      { numRuns: RUNS },
    );
  });

  it.each(dtos.map((dto) => [dto.name, dto] as const))('%s: a valid body with fields replaced, removed or added', async (_, dto) => {
    await fc.assert(
      fc.asyncProperty(
        fc.constant(null).chain(() => mutationsOf(dto.valid())),
        (body) => answersSafely(dto, body),
      ),
      { numRuns: RUNS },
    );
  });
});

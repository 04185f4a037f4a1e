import { Client } from 'pg';
import { IntakeWebConfig } from '../../apps/intake-web/src/intake-web.config';
import { IntakeWebModule } from '../../apps/intake-web/src/intake-web.module';
import { testConfig } from '../support/configs';
import { uniquePhone } from '../support/phones';
import { RunningApp, startApp } from '../support/running-app';

const LOCK_SECONDS = 3;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Guessing the last four digits (real PostgreSQL, two instances): every attempt at a reference counts,
 * look-ups and ratings together on every instance; after five the reference is locked (429 with
 * Retry-After), right digits included, until the lock is over; unknown references lock alike.
 */
describe("intake-web: attempts at a reference's digits are limited", () => {
  let one: RunningApp;
  let two: RunningApp;
  const db = new Client({ connectionString: process.env.DATABASE_URL });

  beforeAll(async () => {
    const config = () =>
      testConfig(IntakeWebConfig, { INTAKE_RATE_LIMIT_PER_MIN: '0', INTAKE_WEB_GUESS_LOCK_SECONDS: String(LOCK_SECONDS) });
    [one, two] = await Promise.all([startApp(IntakeWebModule.register(config())), startApp(IntakeWebModule.register(config()))]);
    await db.connect();
  });
  afterAll(async () => {
    await Promise.all([one?.close(), two?.close(), db.end()]);
  });

  async function post(app: RunningApp, path: string, body: unknown) {
    const res = await fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return {
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      type: res.headers.get('content-type'),
      body: (await res.json()) as Record<string, any>,
    };
  }
  const lookUp = (app: RunningApp, reference: string, phoneLast4: string) => post(app, '/v1/complaints/lookup', { reference, phoneLast4 });
  const rate = (app: RunningApp, reference: string, phoneLast4: string) =>
    post(app, `/v1/complaints/${reference}/satisfaction`, { phoneLast4, score: 1 });

  async function file() {
    const phone = uniquePhone();
    const res = await post(one, '/v1/complaints', {
      text: '网点柜员办理业务太慢，排队两个小时',
      customer: { name: '赵六', phone: phone.number },
      consent: true,
    });
    expect(res.status).toBe(202);
    const wrong = String((Number(phone.last4) + 1) % 10_000).padStart(4, '0');
    return { reference: res.body.reference as string, right: phone.last4, wrong };
  }

  it('locks a reference after five wrong attempts across both endpoints and both instances, refuses the right digits too, and opens again after the lock', async () => {
    const { reference, right, wrong } = await file();
    const misses = [
      await lookUp(one, reference, wrong),
      await rate(two, reference, wrong),
      await lookUp(two, reference, wrong),
      await rate(one, reference, wrong),
      await lookUp(one, reference, wrong),
    ];
    expect(misses.map((m) => m.status)).toEqual([404, 404, 404, 404, 404]);

    const locked = [await lookUp(two, reference, right), await rate(one, reference, right), await lookUp(one, reference, wrong)];
    expect(locked.map((l) => l.status)).toEqual([429, 429, 429]);
    for (const refusal of locked) {
      expect(refusal.type).toContain('application/problem+json');
      expect(refusal.body.type).toBe('https://complaints.example/problems/reference-locked');
      expect(Number(refusal.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(refusal.retryAfter)).toBeLessThanOrEqual(LOCK_SECONDS);
    }
    const { rows } = await db.query('SELECT attempts, locked_until FROM intake_web.reference_attempts WHERE reference = $1', [reference]);
    expect(rows).toEqual([{ attempts: 5, locked_until: expect.any(Date) }]);

    await sleep(LOCK_SECONDS * 1000 + 200);
    const open = await lookUp(two, reference, right);
    expect([open.status, open.body.reference]).toEqual([200, reference]);
    // The right digits forgave the count: the customer starts afresh.
    expect((await db.query('SELECT 1 FROM intake_web.reference_attempts WHERE reference = $1', [reference])).rowCount).toBe(0);
  });

  it('counts and locks an unknown reference exactly like a known one, so a lock reveals nothing', async () => {
    const known = await file();
    const unknown = 'C20200101-W00000';
    await db.query('DELETE FROM intake_web.reference_attempts WHERE reference = $1', [unknown]);
    const answers = async (reference: string, digits: string) => {
      const statuses: number[] = [];
      const bodies: Record<string, any>[] = [];
      for (let i = 0; i < 6; i++) {
        const res = i % 2 ? await rate(one, reference, digits) : await lookUp(two, reference, digits);
        statuses.push(res.status);
        bodies.push({ ...res.body, instance: undefined });
      }
      return { statuses, bodies };
    };
    const forKnown = await answers(known.reference, known.wrong);
    const forUnknown = await answers(unknown, known.wrong);
    expect(forKnown.statuses).toEqual([404, 404, 404, 404, 404, 429]);
    expect(forUnknown.statuses).toEqual(forKnown.statuses);
    expect(forUnknown.bodies.map((b) => b.type)).toEqual(forKnown.bodies.map((b) => b.type));
  });

  it('lets parallel guesses at one reference through no more than five at a time', async () => {
    const { reference, wrong } = await file();
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 ? rate(one, reference, wrong) : lookUp(two, reference, wrong))),
    );
    const statuses = guesses.map((g) => g.status);
    expect(statuses.filter((s) => s === 404)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });
});

/** Per-client limits behind a load balancer: X-Forwarded-For counts only when it comes from a trusted proxy. */
describe('intake-web: TRUSTED_PROXIES', () => {
  const LIMIT = 3;
  const config = () => testConfig(IntakeWebConfig, { INTAKE_RATE_LIMIT_PER_MIN: String(LIMIT) });
  let counter = 0;
  /** A fresh unknown reference each time, so the per-reference lock never answers first. */
  const freshReference = () => `C20200102-W${String(counter++).padStart(5, '0')}`;

  async function lookUpFrom(app: RunningApp, forwardedFor?: string) {
    const res = await fetch(`${app.url}/v1/complaints/lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
      body: JSON.stringify({ reference: freshReference(), phoneLast4: '1234' }),
    });
    await res.arrayBuffer();
    return res.status;
  }

  it('counts look-ups and ratings from one client against one budget', async () => {
    const app = await startApp(IntakeWebModule.register(config()));
    try {
      const rate = async () => {
        const res = await fetch(`${app.url}/v1/complaints/${freshReference()}/satisfaction`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ phoneLast4: '1234', score: 3 }),
        });
        await res.arrayBuffer();
        return res.status;
      };
      expect([await lookUpFrom(app), await rate(), await lookUpFrom(app), await rate(), await lookUpFrom(app)]).toEqual([
        404, 404, 404, 429, 429,
      ]);
    } finally {
      await app.close();
    }
  });

  it("ignores X-Forwarded-For by default: spoofed addresses still share the caller's bucket", async () => {
    const app = await startApp(IntakeWebModule.register(config()));
    try {
      const statuses: number[] = [];
      for (let i = 0; i < LIMIT + 2; i++) statuses.push(await lookUpFrom(app, `198.51.100.${i + 1}`));
      expect(statuses).toEqual([404, 404, 404, 429, 429]);
    } finally {
      await app.close();
    }
  });

  it("counts each real client behind a trusted proxy apart, and believes only the proxy's own hop", async () => {
    const app = await startApp(IntakeWebModule.register(config()), { trustedProxies: ['127.0.0.1'] });
    try {
      const clients: number[] = [];
      for (let i = 0; i < LIMIT + 2; i++) clients.push(await lookUpFrom(app, `203.0.113.${i + 1}`));
      expect(clients).toEqual([404, 404, 404, 404, 404]);

      const oneClient: number[] = [];
      for (let i = 0; i < LIMIT + 1; i++) oneClient.push(await lookUpFrom(app, '203.0.113.200'));
      expect(oneClient).toEqual([404, 404, 404, 429]);

      // A client forging earlier hops is still counted by the address the proxy saw.
      const forged: number[] = [];
      for (let i = 0; i < LIMIT + 1; i++) forged.push(await lookUpFrom(app, `10.9.9.${i + 1}, 203.0.113.201`));
      expect(forged).toEqual([404, 404, 404, 429]);
    } finally {
      await app.close();
    }
  });
});

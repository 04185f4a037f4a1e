import { createSecretKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import { UnsecuredJWT } from 'jose';
import { Client } from 'pg';
import type { Producer } from 'kafkajs';
import { CustomerResponseV1, REGION_CODES, regionRuleMessage, Topics } from '@complaints/contracts';
import { caseEvent, publishCaseEvents, testProducer } from '../support/case-events';
import { IntakeMobileConfig } from '../../apps/intake-mobile/src/intake-mobile.config';
import { IntakeMobileModule, intakeMobileHttpOptions } from '../../apps/intake-mobile/src/intake-mobile.module';
import { testConfig } from '../support/configs';
import { EXE, HTML, JPEG, PDF, PNG } from '../support/evidence-samples';
import { appRequest, AppResponse, customerToken, submitComplaint } from '../support/mobile-client';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { TopicReader } from '../support/topic-reader';

const MAX_ATTACHMENT_BYTES = 64 * 1024;
const RATE_LIMIT = 15;

interface ReceivedMessage {
  complaint: {
    complaintId: string;
    reference: string;
    channel: string;
    customer: { customerId?: string; contact: Record<string, string> };
    content: { text: string; attachments?: unknown[] };
    context: { extra?: Record<string, string> };
  };
}

/**
 * The app API against the real broker and database: tokens (HS256 dev secret and an RS256 public
 * key), Idempotency-Key, evidence, the customer's own view and the per-customer rate limit.
 */
describe('intake-mobile: app API', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicPem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  let mobile: RunningApp;
  let bodyLimitBytes: number;
  let received: TopicReader<ReceivedMessage>;
  let responses: TopicReader<CustomerResponseV1>;
  let producer: Producer;
  let db: Client;

  beforeAll(async () => {
    const config = testConfig(IntakeMobileConfig, {
      MOBILE_JWT_PUBLIC_KEY: publicPem,
      MOBILE_RATE_LIMIT_PER_MIN: String(RATE_LIMIT),
      MOBILE_MAX_ATTACHMENTS: '3',
      MOBILE_MAX_ATTACHMENT_BYTES: String(MAX_ATTACHMENT_BYTES),
    });
    bodyLimitBytes = intakeMobileHttpOptions(config).bodyLimitBytes!;
    mobile = await startApp(IntakeMobileModule.register(config), intakeMobileHttpOptions(config));
    received = await TopicReader.open<ReceivedMessage>(Topics.complaintReceivedV1);
    responses = await TopicReader.open<CustomerResponseV1>(Topics.customerResponsesV1);
    producer = await testProducer();
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await Promise.all([mobile?.close(), received?.close(), responses?.close(), producer?.disconnect(), db?.end()]);
  });

  const customer = () => `cust-${randomUUID()}`;
  const fields = (res: AppResponse) => (res.body.errors ?? []).map((e) => e.field).sort();
  const b64 = (bytes: Buffer) => bytes.toString('base64');

  function expectProblem(res: AppResponse, status: number) {
    expect(res.status).toBe(status);
    expect(res.type).toContain('application/problem+json');
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+/);
  }

  describe('authentication', () => {
    const post = (token: string | undefined) =>
      appRequest(mobile.url, '/v1/app/complaints', { token, idempotencyKey: randomUUID(), body: { text: 'x' } });

    it('accepts the dev HS256 token and an RS256 token of the configured key', async () => {
      expect((await post(await customerToken(customer()))).status).toBe(202);
      expect((await post(await customerToken(customer(), { alg: 'RS256', key: rsa.privateKey }))).status).toBe(202);
    });

    it.each<[string, () => Promise<string | undefined>, RegExp]>([
      ['no token', async () => undefined, /missing/],
      ['alg none', async () => new UnsecuredJWT({ sub: 'cust-1' }).setExpirationTime('10m').encode(), /none are not accepted/],
      [
        'HS256 signed with the RSA public key as secret (HS/RS confusion)',
        () => customerToken('cust-1', { key: createSecretKey(Buffer.from(publicPem)) }),
        /signature/,
      ],
      ['HS256 with a wrong secret', () => customerToken('cust-1', { key: new TextEncoder().encode('not-the-mobile-secret') }), /signature/],
      [
        'RS256 with another RSA key',
        () => customerToken('cust-1', { alg: 'RS256', key: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey }),
        /signature/,
      ],
      ['an expired token', () => customerToken('cust-1', { expiresInSec: -120 }), /expired/],
      ['a token not valid before ten minutes from now', () => customerToken('cust-1', { notBeforeSec: 600 }), /not valid yet/],
    ])('401 problem for %s', async (_, makeToken, reason) => {
      const res = await post(await makeToken());
      expectProblem(res, 401);
      expect(res.body.detail).toMatch(reason);
      expect(fields(res)).toEqual(['Authorization']);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="mobile"/);
    });

    it('refuses an unauthenticated submission before reading its body', async () => {
      // The body is not even JSON: answering 401 (not 400) shows it was never parsed.
      const res = await appRequest(mobile.url, '/v1/app/complaints', {
        token: 'a.b.c',
        idempotencyKey: randomUUID(),
        body: '{"text": "x", ',
      });
      expectProblem(res, 401);
      expect(res.body.instance).toBe('/v1/app/complaints');
      const wellFormed = await appRequest(mobile.url, '/v1/app/complaints', {
        token: await customerToken(customer()),
        idempotencyKey: randomUUID(),
        body: '{"text": "x", ',
      });
      expectProblem(wellFormed, 400);
    });

    it('guards the read endpoints too', async () => {
      expectProblem(await appRequest(mobile.url, '/v1/app/complaints'), 401);
      expectProblem(await appRequest(mobile.url, '/v1/app/complaints/C20261129-M00000', { token: 'a.b.c' }), 401);
    });
  });

  describe('submission', () => {
    it('requires an Idempotency-Key, naming it', async () => {
      const res = await appRequest(mobile.url, '/v1/app/complaints', { token: await customerToken(customer()), body: { text: 'x' } });
      expectProblem(res, 400);
      expect(fields(res)).toEqual(['Idempotency-Key']);
    });

    it('publishes the complaint for the token subject, masked and sealed, with evidence metadata but never the bytes', async () => {
      const who = customer();
      const res = await submitComplaint(mobile.url, who, {
        text: '信用卡 6222021234567890128 被盗刷 1999.50 元',
        product: 'CREDIT_CARD',
        accountRef: '6222021234567890128',
        amount: { value: 1999.5, currency: 'CNY' },
        transactionDate: '2026-11-28',
        phone: '13800138000',
        region: '浙江',
        attachments: [
          { data: b64(PNG), contentType: 'image/png', fileName: 'screen.png' },
          { data: b64(PDF), fileName: 'statement.pdf' },
        ],
      });
      expect(res.status).toBe(202);
      expect(res.body.reference).toMatch(/^C\d{8}-M[0-9A-Z]{5}$/);
      expect(res.body.attachments).toEqual([
        { id: expect.any(String), contentType: 'image/png', sizeBytes: PNG.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
        { id: expect.any(String), contentType: 'application/pdf', sizeBytes: PDF.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      ]);

      const message = await eventually(async () => received.messages.find((m) => m.value.complaint.complaintId === res.body.complaintId));
      const { complaint } = message.value;
      expect(message.key).toBe(res.body.complaintId);
      expect(complaint.channel).toBe('mobile');
      expect(complaint.customer.customerId).toBe(who);
      expect(complaint.content.text).toBe('信用卡 ***************0128 被盗刷 1999.50 元');
      expect(complaint.content.attachments).toEqual(res.body.attachments);
      expect(complaint.context.extra).toEqual({ transactionDate: '2026-11-28', region: '330000' });
      const raw = JSON.stringify(message.value);
      expect(raw).not.toContain('13800138000');
      expect(raw).not.toContain('6222021234567890128');
      expect(raw).not.toContain(b64(PNG).slice(0, 40));

      const stored = await db.query(
        'SELECT id, content_type, size_bytes, sha256, file_name, content FROM intake_mobile.attachments WHERE complaint_id = $1 ORDER BY position',
        [res.body.complaintId],
      );
      expect(
        stored.rows.map((r) => [r.content_type, r.file_name, (r.content as Buffer).equals(r.content_type === 'image/png' ? PNG : PDF)]),
      ).toEqual([
        ['image/png', 'screen.png', true],
        ['application/pdf', 'statement.pdf', true],
      ]);
      expect(stored.rows.map((r) => r.sha256)).toEqual((res.body.attachments as Array<{ sha256: string }>).map((a) => a.sha256));
    });

    it('answers a retry with the same key and body with the same reference, and publishes one complaint', async () => {
      const who = customer();
      const key = randomUUID();
      const body = { text: 'App retry on a flaky network', attachments: [{ data: b64(JPEG) }] };
      const first = await submitComplaint(mobile.url, who, body, key);
      const retry = await submitComplaint(mobile.url, who, { attachments: body.attachments, text: body.text }, key);
      expect(first.status).toBe(202);
      expect(retry.status).toBe(202);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');

      await eventually(async () =>
        received.messages.some((m) => m.value.complaint.complaintId === first.body.complaintId) ? true : undefined,
      );
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(received.messages.filter((m) => m.value.complaint.complaintId === first.body.complaintId)).toHaveLength(1);
      const rows = await db.query('SELECT count(*)::int AS n FROM intake_mobile.submissions WHERE customer_id = $1', [who]);
      expect(rows.rows[0].n).toBe(1);
    });

    it('refuses the same key with a different body (422), and scopes keys per customer', async () => {
      const who = customer();
      const key = randomUUID();
      const first = await submitComplaint(mobile.url, who, { text: 'first' }, key);
      const changed = await submitComplaint(mobile.url, who, { text: 'something else' }, key);
      expectProblem(changed, 422);
      expect(fields(changed)).toEqual(['Idempotency-Key']);

      const someoneElse = await submitComplaint(mobile.url, customer(), { text: 'first' }, key);
      expect(someoneElse.status).toBe(202);
      expect(someoneElse.body.reference).not.toBe(first.body.reference);
      expect(someoneElse.body.complaintId).not.toBe(first.body.complaintId);
    });

    it.each([
      ['an EXE declared as image/png', { data: b64(EXE), contentType: 'image/png', fileName: 'photo.png' }, 'attachments[0].data'],
      ['an HTML page declared as image/png', { data: b64(HTML), contentType: 'image/png', fileName: 'photo.png' }, 'attachments[0].data'],
      ['a JPEG declared as a PDF', { data: b64(JPEG), contentType: 'application/pdf', fileName: 'doc.pdf' }, 'attachments[0].contentType'],
      ['data that is not base64', { data: '<<not base64>>' }, 'attachments[0].data'],
    ])('400 naming the field for %s, and nothing stored', async (_, attachment, field) => {
      const key = randomUUID();
      const res = await submitComplaint(mobile.url, customer(), { text: 'see attachment', attachments: [attachment] }, key);
      expectProblem(res, 400);
      expect(fields(res)).toEqual([field]);
      const rows = await db.query('SELECT 1 FROM intake_mobile.submissions WHERE idempotency_key = $1', [key]);
      expect(rows.rowCount).toBe(0);
    });

    it('413 naming the attachment for a file over the size limit, and for too many files', async () => {
      const big = Buffer.concat([PNG, Buffer.alloc(MAX_ATTACHMENT_BYTES)]);
      const oversize = await submitComplaint(mobile.url, customer(), {
        text: 'big',
        attachments: [{ data: b64(PNG) }, { data: b64(big) }],
      });
      expectProblem(oversize, 413);
      expect(fields(oversize)).toEqual(['attachments[1].data']);

      const many = await submitComplaint(mobile.url, customer(), {
        text: 'many',
        attachments: [PNG, PNG, PNG, PNG].map((p) => ({ data: b64(p) })),
      });
      expectProblem(many, 413);
      expect(fields(many)).toEqual(['attachments']);
    });

    it('413 problem for a body beyond any allowed evidence', async () => {
      const res = await submitComplaint(mobile.url, customer(), { text: 'x'.repeat(bodyLimitBytes + 1) });
      expectProblem(res, 413);
    });

    it('400 naming the fields of bad complaint data', async () => {
      const res = await submitComplaint(mobile.url, customer(), {
        text: '',
        product: 'CRYPTO',
        amount: { value: -1, currency: 'yuan' },
        transactionDate: '28/11/2026',
        phone: 'call me',
        region: '310115',
        admin: true,
      });
      expectProblem(res, 400);
      expect(fields(res)).toEqual(
        expect.arrayContaining(['text', 'product', 'amount.value', 'amount.currency', 'transactionDate', 'phone', 'region', 'admin']),
      );
      expect(res.body.errors).toContainEqual({ field: 'region', message: regionRuleMessage('region') });
    });
  });

  describe("the customer's own view", () => {
    it("lists only my complaints, newest first, and answers 404 for someone else's reference", async () => {
      const me = customer();
      const other = customer();
      const mine1 = await submitComplaint(mobile.url, me, { text: 'first of mine' });
      const mine2 = await submitComplaint(mobile.url, me, { text: 'second of mine', product: 'PAYMENT' });
      const theirs = await submitComplaint(mobile.url, other, { text: 'not yours' });

      const token = await customerToken(me);
      const list = await appRequest<{ items: Array<{ reference: string; status: string; product: string | null }> }>(
        mobile.url,
        '/v1/app/complaints',
        { token },
      );
      expect(list.status).toBe(200);
      expect(list.body.items.map((i) => i.reference)).toEqual([mine2.body.reference, mine1.body.reference]);
      expect(list.body.items[0]).toMatchObject({ status: 'RECEIVED', product: 'PAYMENT' });

      const one = await appRequest<{ text: string; timeline: Array<{ event: string; status: string }> }>(
        mobile.url,
        `/v1/app/complaints/${mine1.body.reference}`,
        { token },
      );
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ reference: mine1.body.reference, status: 'RECEIVED', text: 'first of mine' });
      expect(one.body.timeline).toEqual([{ event: 'complaint.received', status: 'RECEIVED', message: null, at: expect.any(String) }]);

      const notMine = await appRequest(mobile.url, `/v1/app/complaints/${theirs.body.reference}`, { token });
      expectProblem(notMine, 404);
      expectProblem(await appRequest(mobile.url, '/v1/app/complaints/C20000101-M00000', { token }), 404);
      expectProblem(await appRequest(mobile.url, '/v1/app/complaints/not-a-reference', { token }), 404);
    });
  });

  describe('rating the handling (the survey sent on resolution)', () => {
    const rate = async (customerId: string, reference: string, body: unknown, idempotencyKey: string | undefined = randomUUID()) =>
      appRequest<{ reference: string; score: number; status: string; caseStatus?: string }>(
        mobile.url,
        `/v1/app/complaints/${reference}/satisfaction`,
        {
          token: await customerToken(customerId),
          idempotencyKey,
          body,
        },
      );

    /** The case of a complaint moves to `status` (as the cases service would publish it); waits until the customer's view has it. */
    async function caseMovesTo(
      customerId: string,
      complaint: { reference: string; complaintId: string },
      status: 'RESOLVED' | 'IN_PROGRESS',
    ) {
      await publishCaseEvents(
        producer,
        caseEvent({
          type: status === 'RESOLVED' ? 'case.resolved' : 'case.status_changed',
          case: { channel: 'mobile', customerId, status, reference: complaint.reference, complaintId: complaint.complaintId },
        }),
      );
      // Polled in the database: the customer's requests are rate-limited.
      await eventually(async () => {
        const { rows } = await db.query('SELECT case_status FROM intake_mobile.submissions WHERE complaint_id = $1', [
          complaint.complaintId,
        ]);
        return rows[0]?.case_status === status ? true : undefined;
      }, 30_000);
    }

    it("refuses a rating before the case has an answer (409), of someone else's complaint (404) and bad input (400 naming the field)", async () => {
      const me = customer();
      const { body: mine } = await submitComplaint(mobile.url, me);
      const early = await rate(me, mine.reference, { score: 5 });
      expectProblem(early, 409);
      expect(early.body).toMatchObject({ caseStatus: 'RECEIVED' });
      await caseMovesTo(me, mine, 'IN_PROGRESS');
      expectProblem(await rate(me, mine.reference, { score: 5 }), 409);
      await caseMovesTo(me, mine, 'RESOLVED');

      expectProblem(await rate(customer(), mine.reference, { score: 5 }), 404);
      expectProblem(await rate(me, 'C20000101-M00000', { score: 5 }), 404);
      for (const [body, field] of [
        [{ score: 6 }, 'score'],
        [{ score: 2.5 }, 'score'],
        [{}, 'score'],
        [{ score: 4, comment: 'x'.repeat(2001) }, 'comment'],
      ] as const) {
        const bad = await rate(me, mine.reference, body);
        expectProblem(bad, 400);
        expect(fields(bad)).toEqual([field]);
      }
      const noKey = await rate(me, mine.reference, { score: 5 }, '');
      expectProblem(noKey, 400);
      expect(fields(noKey)).toEqual(['Idempotency-Key']);
      const badReference = await rate(me, 'not-a-reference', { score: 5 });
      expectProblem(badReference, 400);
      expect(fields(badReference)).toEqual(['reference']);
      expect(responses.values((r) => r.complaintId === mine.complaintId)).toHaveLength(0);
    });

    it('publishes the rating of a resolved complaint once per Idempotency-Key, for the customer of the token', async () => {
      const me = customer();
      const { body: mine } = await submitComplaint(mobile.url, me);
      await caseMovesTo(me, mine, 'RESOLVED');
      const key = randomUUID();
      const first = await rate(me, mine.reference.toLowerCase(), { score: 2, comment: '退款金额不对' }, key);
      expect(first.status).toBe(202);
      expect(first.body).toMatchObject({ reference: mine.reference, score: 2, status: 'RECORDED' });
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      const retry = await rate(me, mine.reference, { score: 2, comment: '退款金额不对' }, key);
      expect(retry.status).toBe(202);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.body).toEqual(first.body);
      const reused = await rate(me, mine.reference, { score: 5 }, key);
      expectProblem(reused, 422);
      expect(fields(reused)).toEqual(['Idempotency-Key']);

      const [answer] = await eventually(async () => {
        const found = responses.values((r) => r.complaintId === mine.complaintId);
        return found.length ? found : undefined;
      }, 15_000);
      expect(answer).toMatchObject({
        eventType: 'customer.response',
        source: 'intake-mobile',
        kind: 'satisfaction',
        channel: 'mobile',
        reference: mine.reference,
        identity: { customerId: me },
        satisfaction: { score: 2, comment: '退款金额不对' },
      });
      expect(responses.messages.find((m) => m.value.eventId === answer.eventId)?.key).toBe(mine.complaintId);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(responses.values((r) => r.complaintId === mine.complaintId)).toHaveLength(1);
      const { rows } = await db.query('SELECT status FROM intake_mobile.ratings WHERE customer_id = $1', [me]);
      expect(rows).toEqual([{ status: 'accepted' }]);
    });
  });

  it('lets the customer download their own evidence, and nobody else', async () => {
    const me = customer();
    const filed = await submitComplaint(mobile.url, me, {
      text: 'receipt attached',
      attachments: [{ data: b64(PDF), contentType: 'application/pdf' }],
    });
    const [attachment] = filed.body.attachments as Array<{ id: string }>;
    const path = `/v1/app/complaints/${filed.body.reference}/attachments/${attachment.id}`;

    const mine = await fetch(`${mobile.url}${path}`, { headers: { authorization: `Bearer ${await customerToken(me)}` } });
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe('application/pdf');
    expect(mine.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await mine.arrayBuffer()).equals(PDF)).toBe(true);

    const token = await customerToken(customer());
    expectProblem(await appRequest(mobile.url, path, { token }), 404);
    expectProblem(
      await appRequest(mobile.url, `/v1/app/complaints/${filed.body.reference}/attachments/not-a-uuid`, { token: await customerToken(me) }),
      404,
    );
  });

  it('limits each customer to MOBILE_RATE_LIMIT_PER_MIN requests a minute with a clear 429, without slowing other customers', async () => {
    const busy = await customerToken(customer());
    for (let i = 0; i < RATE_LIMIT; i++) expect((await appRequest(mobile.url, '/v1/app/complaints', { token: busy })).status).toBe(200);
    const limited = await appRequest(mobile.url, '/v1/app/complaints', { token: busy });
    expectProblem(limited, 429);
    expect(limited.body.detail).toMatch(new RegExp(`at most ${RATE_LIMIT} a minute per customer`));
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await appRequest(mobile.url, '/v1/app/complaints', { token: await customerToken(customer()) })).status).toBe(200);
  });

  it('counts submissions and token refusals in /metrics', async () => {
    const text = await (await fetch(`${mobile.url}/metrics`)).text();
    expect(text).toMatch(/mobile_submissions_total\{[^}]*result="accepted"[^}]*\} [1-9]/);
    expect(text).toMatch(/mobile_submissions_total\{[^}]*result="replayed"[^}]*\} [1-9]/);
    expect(text).toMatch(/mobile_token_refusals_total\{[^}]*kind="invalid"[^}]*\} [1-9]/);
  });

  it('describes the API for app developers at /openapi.json', async () => {
    const res = await fetch(`${mobile.url}/openapi.json`);
    const doc = (await res.json()) as {
      paths: Record<string, Record<string, { parameters?: Array<{ name: string; required?: boolean }> }>>;
      components: { schemas: Record<string, { properties: Record<string, { enum?: string[] }>; required?: string[] }> };
    };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/app/complaints', '/v1/app/complaints/{reference}']));
    expect(doc.paths['/v1/app/complaints'].post.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', required: true })]),
    );
    expect(doc.paths['/v1/app/complaints/{reference}/satisfaction'].post.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Idempotency-Key', required: true }),
        expect.objectContaining({ name: 'reference' }),
      ]),
    );
    const complaint = doc.components.schemas.SubmitAppComplaintDto;
    expect(complaint.properties.region?.enum).toEqual([...REGION_CODES]);
    expect(complaint.required).not.toContain('region');
  });
});

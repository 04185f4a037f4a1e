import { Client } from 'pg';
import { ComplaintReceivedV1, REGION_CODES, regionRuleMessage, Topics } from '@complaints/contracts';
import { signPayload } from '@complaints/security';
import { IntakeHotlineConfig } from '../../apps/intake-hotline/src/intake-hotline.config';
import { IntakeHotlineModule, intakeHotlineHttpOptions } from '../../apps/intake-hotline/src/intake-hotline.module';
import { testConfig } from '../support/configs';
import { pushCalls, sampleCall } from '../support/hotline-client';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { TopicReader } from '../support/topic-reader';

const SETTINGS = {
  HOTLINE_SECRETS: 'cc-test:test-hotline-secret,cc-test:rotated-hotline-secret,cc-other:other-secret',
  HOTLINE_MAX_BODY_BYTES: String(1024 * 1024),
};

describe('intake-hotline: signed pushes of call records (real Kafka and PostgreSQL)', () => {
  let hotline: RunningApp;
  let received: TopicReader<ComplaintReceivedV1>;
  let db: Client;

  beforeAll(async () => {
    const config = testConfig(IntakeHotlineConfig, SETTINGS);
    hotline = await startApp(IntakeHotlineModule.register(config), intakeHotlineHttpOptions(config));
    received = await TopicReader.open<ComplaintReceivedV1>(Topics.complaintReceivedV1);
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await Promise.all([hotline?.close(), received?.close(), db?.end()]);
  });

  const publishedFor = (complaintId: string) => received.values((event) => event.complaint.complaintId === complaintId);

  describe('authentication: every refusal is a 401 problem naming the failed check', () => {
    const body = { calls: [sampleCall()] };

    it.each([
      ['a forged signature', { secret: 'guessed-secret' }, 'signature', 'X-Signature'],
      ['a stale timestamp (replay)', { timestamp: Math.floor(Date.now() / 1000) - 301 }, 'timestamp', 'X-Timestamp'],
      ['a timestamp in milliseconds', { timestamp: Date.now() }, 'timestamp', 'X-Timestamp'],
      ['an unknown call centre', { callcenterId: 'cc-nobody' }, 'callcenter-id', 'X-Callcenter-Id'],
      ['a secret of another call centre', { callcenterId: 'cc-other', secret: 'test-hotline-secret' }, 'signature', 'X-Signature'],
      ['a missing signature', { headers: { 'x-signature': '' } }, 'signature', 'X-Signature'],
    ])('refuses %s', async (_, options, check, field) => {
      const res = await pushCalls(hotline.url, body, options);
      expect(res.status).toBe(401);
      expect(res.type).toContain('application/problem+json');
      expect(res.body.check).toBe(check);
      expect(res.body.errors).toEqual([{ field, message: expect.any(String) }]);
      expect(JSON.stringify(res.body)).not.toMatch(/test-hotline-secret|rotated-hotline-secret|other-secret/);
    });

    it('refuses a body changed after signing', async () => {
      const raw = JSON.stringify({ calls: [sampleCall({ callerNumber: '13800138000' })] });
      const timestamp = Math.floor(Date.now() / 1000);
      const signature = signPayload('test-hotline-secret', String(timestamp), raw);
      const tampered = await pushCalls(hotline.url, undefined, {
        rawBody: raw.replace('13800138000', '13900139000'),
        headers: { 'x-timestamp': String(timestamp), 'x-signature': signature },
      });
      expect(tampered.status).toBe(401);
      expect(tampered.body.check).toBe('signature');
      const original = await pushCalls(hotline.url, undefined, {
        rawBody: raw,
        headers: { 'x-timestamp': String(timestamp), 'x-signature': signature },
      });
      expect(original.status).toBe(200);
    });

    it('accepts either secret while a call centre rotates keys', async () => {
      const res = await pushCalls(hotline.url, { calls: [sampleCall()] }, { secret: 'rotated-hotline-secret' });
      expect(res.status).toBe(200);
      expect(res.body.accepted).toBe(1);
    });
  });

  describe('the batch envelope', () => {
    it('415 for a body that is not JSON', async () => {
      const res = await pushCalls(hotline.url, undefined, {
        rawBody: 'callId=1',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(res.status).toBe(415);
      expect(res.body.errors).toEqual([{ field: 'Content-Type', message: expect.any(String) }]);
    });

    it.each([
      ['an empty batch', { calls: [] }, 'calls'],
      ['no calls array', { records: [] }, 'records'],
      ['a JSON array', [sampleCall()], 'body'],
    ])('400 for %s', async (_, body, field) => {
      const res = await pushCalls(hotline.url, body);
      expect(res.status).toBe(400);
      expect(res.type).toContain('application/problem+json');
      expect(res.body.errors?.map((e) => e.field)).toContain(field);
    });

    it('rejects the one call holding a NUL character, naming it, and accepts the others of the batch', async () => {
      const calls = [sampleCall(), sampleCall({ transcript: [{ speaker: 'customer', text: '卡被盗刷\u0000了' }] })];
      const res = await pushCalls(hotline.url, { calls });
      expect(res.status).toBe(200);
      expect(res.body.results?.map((r) => r.status)).toEqual(['accepted', 'rejected']);
      expect(res.body.results?.[1]?.errors).toEqual([{ field: 'calls[1].transcript.0.text', message: expect.stringContaining('NUL') }]);
      const stored = await db.query('SELECT call_id FROM intake_hotline.calls WHERE call_id = ANY($1)', [calls.map((c) => c.callId)]);
      expect(stored.rows.map((row) => row.call_id)).toEqual([calls[0].callId]);
    });

    it('413 for more calls than a batch may hold, accepting none of them', async () => {
      const calls = Array.from({ length: 501 }, () => sampleCall({ transcript: [{ speaker: 'customer', text: '短' }] }));
      const res = await pushCalls(hotline.url, { calls });
      expect(res.status).toBe(413);
      expect(res.body.errors).toEqual([{ field: 'calls', message: expect.stringContaining('500') }]);
      const stored = await db.query('SELECT count(*)::int AS n FROM intake_hotline.calls WHERE call_id = ANY($1)', [
        calls.map((c) => c.callId),
      ]);
      expect(stored.rows[0].n).toBe(0);
    });

    it('413 for a body over the size limit', async () => {
      const res = await pushCalls(hotline.url, { calls: [sampleCall({ summary: 'x'.repeat(1_100_000) })] });
      expect(res.status).toBe(413);
      expect(res.type).toContain('application/problem+json');
    });
  });

  describe('per-call results', () => {
    it('accepts the good records and rejects the malformed ones, naming their fields', async () => {
      const good = [sampleCall({ callerNumber: '13800138000' }), sampleCall()];
      const calls = [
        good[0],
        { ...sampleCall(), startedAt: 'yesterday', speakerless: true },
        'not a call',
        sampleCall({ callerNumber: '95588' }),
        sampleCall({ transcript: [{ speaker: 'robot', text: 'beep' }] }),
        good[1],
        sampleCall({ transcript: [{ speaker: 'agent', text: '喂？您好？' }] }),
      ];
      const res = await pushCalls(hotline.url, { calls });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ received: 7, accepted: 2, duplicate: 0, rejected: 5 });
      const results = res.body.results!;
      expect(results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'rejected', 'rejected', 'rejected', 'accepted', 'rejected']);
      expect(results[1].errors!.map((e) => e.field).sort()).toEqual(['calls[1].speakerless', 'calls[1].startedAt']);
      expect(results[2].errors!.map((e) => e.field)).toEqual(['calls[2]']);
      expect(results[3].errors!.map((e) => e.field)).toEqual(['calls[3].callerNumber']);
      expect(results[4].errors!.map((e) => e.field)).toEqual(['calls[4].transcript.0.speaker']);
      expect(results[6].errors!.map((e) => e.field)).toEqual(['calls[6].transcript']);
      expect(results[0].reference).toMatch(/^C\d{8}-H[0-9A-Z]{5}$/);

      const event = await eventually(async () => publishedFor(results[0].complaintId!)[0]);
      expect(event.complaint).toMatchObject({
        channel: 'hotline',
        reference: results[0].reference,
        source: { system: 'cc-test', messageId: good[0].callId },
        content: { language: 'zh', text: '我的信用卡昨天晚上被盗刷了三笔，我人在北京，交易却在国外\n请马上冻结并退款' },
        context: { extra: { agentId: 'A-17', queue: 'cards' } },
      });
      expect(event.complaint.content.transcript).toHaveLength(3);
      expect(event.complaint.customer.contact.phone).toMatch(/^pii:v1:/);
      expect(JSON.stringify(event)).not.toContain('13800138000');
    });

    it("carries the caller's region as its code, and rejects only the record whose region is unknown", async () => {
      const calls = [
        sampleCall({ callerRegion: '广东省' }),
        sampleCall({ callerRegion: '火星' }),
        sampleCall({ callerRegion: '650000' }),
        sampleCall(),
      ];
      const res = await pushCalls(hotline.url, { calls });
      expect(res.status).toBe(200);
      const results = res.body.results!;
      expect(results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'accepted', 'accepted']);
      expect(results[1].errors).toEqual([{ field: 'calls[1].callerRegion', message: regionRuleMessage('callerRegion') }]);
      const regions = await Promise.all(
        [0, 2, 3].map(
          async (i) => (await eventually(async () => publishedFor(results[i].complaintId!)[0])).complaint.context.extra?.region,
        ),
      );
      expect(regions).toEqual(['440000', '650000', undefined]);
    });

    it('takes a plain-text transcript with speaker labels and offsets', async () => {
      const call = sampleCall({
        transcript:
          '[00:00:02] Agent: Thank you for calling.\n[00:00:06] Customer: My card 4111 1111 1111 1111 was charged twice.\nAgent: I see.',
      });
      const res = await pushCalls(hotline.url, { calls: [call] });
      expect(res.body.results?.[0]?.status).toBe('accepted');
      const event = await eventually(async () => publishedFor(res.body.results![0].complaintId!)[0]);
      expect(event.complaint.content).toMatchObject({
        language: 'en',
        text: 'My card **** **** **** 1111 was charged twice.',
        transcript: [
          { speaker: 'agent', text: 'Thank you for calling.', offsetMs: 2_000 },
          { speaker: 'customer', text: 'My card **** **** **** 1111 was charged twice.', offsetMs: 6_000 },
          { speaker: 'agent', text: 'I see.' },
        ],
      });
    });

    it('rejects a plain-text transcript it cannot attribute', async () => {
      const res = await pushCalls(hotline.url, { calls: [sampleCall({ transcript: 'someone said something' })] });
      expect(res.body.results?.[0]).toMatchObject({ status: 'rejected', errors: [{ field: 'calls[0].transcript' }] });
    });

    it('never creates a second complaint for a re-pushed call, in a later batch or the same one', async () => {
      const call = sampleCall();
      const first = await pushCalls(hotline.url, { calls: [call] });
      const original = first.body.results![0];
      expect(original.status).toBe('accepted');

      const again = await pushCalls(hotline.url, { calls: [{ ...call, summary: 'pushed again' }, sampleCall({ callId: call.callId })] });
      expect(again.body.results).toEqual([
        { index: 0, callId: call.callId, status: 'duplicate', reference: original.reference, complaintId: original.complaintId },
        { index: 1, callId: call.callId, status: 'duplicate', reference: original.reference, complaintId: original.complaintId },
      ]);

      const fresh = sampleCall();
      const inOneBatch = await pushCalls(hotline.url, { calls: [fresh, fresh] });
      expect(inOneBatch.body.results!.map((r) => r.status)).toEqual(['accepted', 'duplicate']);
      expect(inOneBatch.body.results![1].reference).toBe(inOneBatch.body.results![0].reference);

      // Another call centre may use the same callId for its own, different call.
      const other = await pushCalls(hotline.url, { calls: [call] }, { callcenterId: 'cc-other', secret: 'other-secret' });
      expect(other.body.results![0]).toMatchObject({ status: 'accepted' });
      expect(other.body.results![0].reference).not.toBe(original.reference);

      await eventually(async () => (publishedFor(inOneBatch.body.results![0].complaintId!).length > 0 ? true : undefined));
      expect(publishedFor(inOneBatch.body.results![0].complaintId!)).toHaveLength(1);
      expect(publishedFor(original.complaintId!)).toHaveLength(1);
      const rows = await db.query('SELECT count(*)::int AS n FROM intake_hotline.calls WHERE call_id = $1', [call.callId]);
      expect(rows.rows[0].n).toBe(2);
    });

    it('takes a 500-call batch in one request, every call durable and published once', async () => {
      const calls = Array.from({ length: 500 }, () => sampleCall());
      const res = await pushCalls(hotline.url, { calls });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ received: 500, accepted: 500, rejected: 0, duplicate: 0 });
      const references = new Set(res.body.results!.map((r) => r.reference));
      expect(references.size).toBe(500);
      const ids = new Set(res.body.results!.map((r) => r.complaintId!));
      await eventually(async () => (received.values((e) => ids.has(e.complaint.complaintId)).length >= 500 ? true : undefined));
      expect(received.values((e) => ids.has(e.complaint.complaintId))).toHaveLength(500);
      const stored = await db.query(
        `SELECT count(*)::int AS n FROM intake_hotline.calls WHERE status = 'accepted' AND complaint_id = ANY($1)`,
        [[...ids]],
      );
      expect(stored.rows[0].n).toBe(500);
    });
  });

  it('serves health, metrics and the OpenAPI document of the push API', async () => {
    const metrics = await (await fetch(`${hotline.url}/metrics`)).text();
    expect(metrics).toMatch(/hotline_calls_total\{[^}]*callcenter="cc-test"[^}]*status="accepted"[^}]*\} [1-9]/);
    expect(metrics).toMatch(/hotline_calls_total\{[^}]*status="rejected"[^}]*\} [1-9]/);
    const ready = await fetch(`${hotline.url}/health/ready`);
    expect(await ready.json()).toMatchObject({ status: 'ok', info: { kafka: { status: 'up' }, database: { status: 'up' } } });
    const openapi = (await (await fetch(`${hotline.url}/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties: Record<string, { enum?: string[] }>; required?: string[] }> };
    };
    expect(Object.keys(openapi.paths)).toContain('/v1/hotline/calls');
    const call = openapi.components.schemas.HotlineCallDto;
    expect(call.properties.callerRegion?.enum).toEqual([...REGION_CODES]);
    expect(call.required).not.toContain('callerRegion');
  });
});

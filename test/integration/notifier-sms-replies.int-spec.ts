import { Producer } from 'kafkajs';
import { Client } from 'pg';
import { CaseEventV1, CustomerResponseV1, customerResponseIdFor, Topics } from '@complaints/contracts';
import { PiiCipher, signPayload } from '@complaints/security';
import { PurgeExpiredSmsSurveysUseCase } from '../../apps/notifier/src/application/sms-surveys/purge-expired-sms-surveys.use-case';
import { NOTIFIER_GROUP } from '../../apps/notifier/src/interface/case-events.consumer';
import { NotifierConfig } from '../../apps/notifier/src/notifier.config';
import { NotifierModule } from '../../apps/notifier/src/notifier.module';
import { notifierHttpOptions } from '../../apps/notifier/src/sms-surveys.providers';
import { caseEvent, publishCaseEvents, testProducer } from '../support/case-events';
import { testConfig } from '../support/configs';
import { skipToEnd } from '../support/consumer-lag';
import { uniquePhone } from '../support/phones';
import { RecordingServer } from '../support/recording-server';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { deliverSms, uniqueMessageId } from '../support/sms-gateway-client';
import { TopicReader } from '../support/topic-reader';

const HOUR = 3_600_000;
const TTL_HOURS = 24;

/**
 * Customers' SMS replies to the satisfaction survey, on the real broker and database: case events on
 * the real topic, a real local HTTP server standing in for the SMS gateway (outbound texts), and the
 * test delivering the customers' replies as the gateway does (signed webhooks).
 */
describe('notifier: SMS replies to the satisfaction survey', () => {
  let notifier: RunningApp;
  let sms: RecordingServer;
  let producer: Producer;
  let responses: TopicReader<CustomerResponseV1>;
  let db: Client;
  let cipher: PiiCipher;

  beforeAll(async () => {
    sms = await RecordingServer.start();
    const config = testConfig(NotifierConfig, {
      SMS_GATEWAY_URL: `${sms.url}/v1/sms`,
      SMS_GATEWAY_TOKEN: 'test-sms-token',
      SMS_INBOUND_SECRETS: 'sms-test:test-inbound-secret,sms-test:rotated-inbound-secret,sms-other:other-secret',
      SMS_SURVEY_TTL_HOURS: String(TTL_HOURS),
      SMS_SURVEY_PURGE_INTERVAL_MS: '300',
      NOTIFY_POLL_MS: '50',
      NOTIFY_BACKOFF_MS: '50',
    });
    cipher = PiiCipher.fromSetting(config.PII_KEYS, config.PII_ACTIVE_KEY_ID);
    await skipToEnd(NOTIFIER_GROUP, Topics.caseEventsV1);
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    await db.query(
      `DO $$ BEGIN IF to_regclass('notifier.deliveries') IS NOT NULL THEN DELETE FROM notifier.deliveries WHERE status <> 'delivered'; END IF; END $$`,
    );
    [notifier, producer, responses] = await Promise.all([
      startApp(NotifierModule.register(config), notifierHttpOptions()),
      testProducer(),
      TopicReader.open<CustomerResponseV1>(Topics.customerResponsesV1),
    ]);
  });
  afterAll(async () => {
    await Promise.all([notifier?.close(), producer?.disconnect(), responses?.close(), db?.end()]);
    await sms?.close();
  });

  const textsTo = (e164: string) =>
    sms.requests
      .map((r) => ({ ...(JSON.parse(r.body) as { to: string; text: string; reference: string }), key: r.headers['idempotency-key'] }))
      .filter((m) => m.to === e164);
  const responsesFor = (reference: string) => responses.values((r) => r.reference === reference);

  /** A hotline case resolved at `at` (default now), its survey texted to `phone`; resolves once the survey SMS went out. */
  async function resolvedCase(phone: { e164: string; last4: string }, at?: Date): Promise<CaseEventV1> {
    const event = caseEvent({
      type: 'case.resolved',
      case: { channel: 'hotline', contact: { phone: cipher.seal(phone.e164), phoneLast4: phone.last4 } },
      message: '已退还年费。',
    });
    if (at) event.at = at.toISOString();
    await publishCaseEvents(producer, event);
    await eventually(async () =>
      textsTo(phone.e164).find((m) => m.reference === event.case.reference && m.text.includes('请直接回复 1-5')),
    );
    return event;
  }

  const reply = (from: string, text: string, messageId = uniqueMessageId()) => ({
    messageId,
    from,
    to: '95588',
    text,
    receivedAt: new Date().toISOString(),
  });

  describe('authentication: every refusal is a 401 problem naming the failed check', () => {
    const body = reply('+8613900000000', '满意');

    it.each([
      ['no gateway id', { headers: { 'x-gateway-id': '' } }, 'gateway-id', 'X-Gateway-Id'],
      ['an unknown gateway', { gatewayId: 'sms-nobody' }, 'gateway-id', 'X-Gateway-Id'],
      ['a secret of another gateway', { gatewayId: 'sms-other', secret: 'test-inbound-secret' }, 'signature', 'X-Signature'],
      ['a stale timestamp', { timestamp: Math.floor(Date.now() / 1000) - 301 }, 'timestamp', 'X-Timestamp'],
      ['a malformed signature', { headers: { 'x-signature': 'md5=abc' } }, 'signature', 'X-Signature'],
    ])('refuses %s', async (_, options, check, field) => {
      const res = await deliverSms(notifier.url, body, options);
      expect(res.status).toBe(401);
      expect(res.type).toContain('application/problem+json');
      expect(res.headers.get('www-authenticate')).toBe('HMAC-SHA256 realm="sms-inbound"');
      expect(res.body).toMatchObject({
        status: 401,
        check,
        type: `https://complaints.example/problems/sms-inbound-${check}`,
        errors: [{ field }],
      });
      expect(JSON.stringify(res.body)).not.toMatch(/test-inbound-secret|rotated-inbound-secret|other-secret/);
    });

    it('refuses a body changed after signing', async () => {
      const raw = JSON.stringify(body);
      const timestamp = String(Math.floor(Date.now() / 1000));
      const tampered = await deliverSms(notifier.url, body, {
        rawBody: raw.replace('满意', '不满意'),
        headers: { 'x-timestamp': timestamp, 'x-signature': signPayload('test-inbound-secret', timestamp, raw) },
      });
      expect(tampered.status).toBe(401);
      expect(tampered.body.check).toBe('signature');
    });

    it('accepts every active secret of a gateway while it rotates', async () => {
      const res = await deliverSms(notifier.url, reply('+8613900000000', '你好'), { secret: 'rotated-inbound-secret' });
      expect(res.status).toBe(200);
      expect(res.body.outcome).toBe('not-an-answer');
    });
  });

  describe('field errors: a 400 problem naming the field', () => {
    it.each([
      ['messageId', { messageId: undefined }],
      ['messageId', { messageId: 'has spaces in it' }],
      ['from', { from: undefined }],
      ['from', { from: '12' }],
      ['text', { text: 42 }],
      ['text', { text: 'x'.repeat(1_601) }],
      ['receivedAt', { receivedAt: 'yesterday' }],
      ['receivedAt', { receivedAt: new Date(Date.now() + 3_600_000).toISOString() }],
      ['sender', { sender: '+8613900000000' }],
    ])('names %s', async (field, change) => {
      const res = await deliverSms(notifier.url, { ...reply('+8613900000000', '满意'), ...change });
      expect(res.status).toBe(400);
      expect(res.type).toContain('application/problem+json');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('names the body when it is not a JSON object', async () => {
      const res = await deliverSms(notifier.url, null, { rawBody: '["满意"]' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'body', message: expect.any(String) }]);
    });
  });

  it('documents the webhook, its signature headers and outcomes in the OpenAPI document', async () => {
    const document = (await (await fetch(`${notifier.url}/openapi.json`)).json()) as {
      paths: Record<string, any>;
      components: { schemas: Record<string, any> };
    };
    const operation = document.paths['/v1/sms/inbound']?.post;
    expect(operation.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['X-Gateway-Id', 'X-Signature', 'X-Timestamp']);
    expect(operation.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/InboundSmsDto');
    expect(document.components.schemas.InboundSmsDto.required.sort()).toEqual(['from', 'messageId', 'text']);
    expect(document.components.schemas.InboundSmsResultDto.properties.outcome.enum).toEqual([
      'survey-answered',
      'not-an-answer',
      'no-survey',
    ]);
  });

  it('files 满意 against the resolved case once, however often the gateway delivers it, and thanks the customer once', async () => {
    const phone = uniquePhone();
    const resolved = await resolvedCase(phone);
    const message = reply(phone.number, '满意');

    const first = await deliverSms(notifier.url, message);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ messageId: message.messageId, outcome: 'survey-answered' });
    const again = await deliverSms(notifier.url, message, { secret: 'rotated-inbound-secret' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);

    const eventId = customerResponseIdFor('hotline', `sms:sms-test:${message.messageId}`);
    const thanks = await eventually(async () => textsTo(phone.e164).find((m) => m.key === `${eventId}:sms`));
    expect(thanks.text).toBe(`感谢您的评价（5分）！您对投诉 ${resolved.case.reference} 处理结果的反馈已记录。`);
    const [response] = await eventually(async () =>
      responsesFor(resolved.case.reference).length ? responsesFor(resolved.case.reference) : undefined,
    );
    expect(response).toMatchObject({
      eventId,
      eventType: 'customer.response',
      source: 'notifier',
      kind: 'satisfaction',
      channel: 'hotline',
      reference: resolved.case.reference,
      complaintId: resolved.case.complaintId,
      satisfaction: { score: 5 },
      receivedAt: new Date(message.receivedAt).toISOString(),
    });
    expect(await deliverSms(notifier.url, message)).toMatchObject({ status: 200, body: first.body });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(responsesFor(resolved.case.reference)).toHaveLength(1);
    expect(textsTo(phone.e164).filter((m) => m.text.includes('感谢您的评价'))).toHaveLength(1);

    // Neither table holds the number: the survey and the reply know the phone by its keyed fingerprint only.
    const stored = await db.query(
      `SELECT s::text AS survey, r::text AS reply FROM notifier.sms_surveys s JOIN notifier.sms_replies r ON r.reference = s.reference WHERE s.reference = $1`,
      [resolved.case.reference],
    );
    expect(stored.rows).toHaveLength(1);
    expect(JSON.stringify(stored.rows[0])).not.toContain(phone.number);
  });

  it('takes "2" as the answer to the most recent of the phone’s open surveys, and a later answer to it as no survey', async () => {
    const phone = uniquePhone();
    const older = await resolvedCase(phone, new Date(Date.now() - 2 * HOUR));
    const latest = await resolvedCase(phone);

    const answer = await deliverSms(
      notifier.url,
      reply(`+86 ${phone.number.slice(0, 3)} ${phone.number.slice(3, 7)} ${phone.number.slice(7)}`, '2'),
    );
    expect(answer.body.outcome).toBe('survey-answered');
    const [response] = await eventually(async () =>
      responsesFor(latest.case.reference).length ? responsesFor(latest.case.reference) : undefined,
    );
    expect(response.satisfaction).toEqual({ score: 2 });
    const thanks = await eventually(async () =>
      textsTo(phone.e164).find((m) => m.reference === latest.case.reference && m.text.includes('上级部门将重新跟进')),
    );
    expect(thanks.text).toContain('（2分）');

    // The older survey is still open: the next score answers it.
    expect((await deliverSms(notifier.url, reply(phone.number, '不满意'))).body.outcome).toBe('survey-answered');
    await eventually(async () => (responsesFor(older.case.reference).length ? true : undefined));
    expect((await deliverSms(notifier.url, reply(phone.number, '5'))).body.outcome).toBe('no-survey');
  });

  it('records but does not publish a text that is no score, a score without a survey, and a reply after the survey expired', async () => {
    const phone = uniquePhone();
    const expired = await resolvedCase(phone, new Date(Date.now() - TTL_HOURS * HOUR - 60_000));
    const chat = reply(phone.number, '请问退款什么时候到账？');
    expect((await deliverSms(notifier.url, chat)).body.outcome).toBe('not-an-answer');
    expect((await deliverSms(notifier.url, reply(phone.number, '满意'))).body.outcome).toBe('no-survey');
    expect((await deliverSms(notifier.url, reply(uniquePhone().number, '3'))).body.outcome).toBe('no-survey');

    const { rows } = await db.query(`SELECT outcome, reference, response_event_id FROM notifier.sms_replies WHERE message_id = $1`, [
      chat.messageId,
    ]);
    expect(rows).toEqual([{ outcome: 'not-an-answer', reference: null, response_event_id: null }]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(responsesFor(expired.case.reference)).toEqual([]);
  });

  it('ends the SMS survey when the case is reopened, so a later reply answers nothing', async () => {
    const phone = uniquePhone();
    const resolved = await resolvedCase(phone);
    const reopened = caseEvent({ type: 'case.reopened', case: { ...resolved.case } });
    await publishCaseEvents(producer, reopened);
    await eventually(async () => textsTo(phone.e164).find((m) => m.text.includes('已重新打开')));
    expect((await deliverSms(notifier.url, reply(phone.number, '满意'))).body.outcome).toBe('no-survey');
  });

  it('purges expired surveys periodically, and by the clock it is given', async () => {
    const phone = uniquePhone();
    const surveyOf = async (reference: string) =>
      (await db.query('SELECT status FROM notifier.sms_surveys WHERE reference = $1', [reference])).rows[0];

    // Open for two more seconds: outstanding now, then gone by the periodic job (every 300 ms here).
    const expiring = await resolvedCase(phone, new Date(Date.now() - TTL_HOURS * HOUR + 2_000));
    expect(await surveyOf(expiring.case.reference)).toEqual({ status: 'outstanding' });
    await eventually(async () => ((await surveyOf(expiring.case.reference)) ? undefined : true), 15_000, 100);

    // The job's work with a clock of our choosing: a survey open for ten more minutes stays until then.
    const open = await resolvedCase(phone, new Date(Date.now() - TTL_HOURS * HOUR + 10 * 60_000));
    const purge = notifier.app.get(PurgeExpiredSmsSurveysUseCase);
    await purge.execute(new Date(Date.now() + 5 * 60_000));
    expect(await surveyOf(open.case.reference)).toEqual({ status: 'outstanding' });
    expect(await purge.execute(new Date(Date.now() + 11 * 60_000))).toBeGreaterThanOrEqual(1);
    expect(await surveyOf(open.case.reference)).toBeUndefined();
  });

  it('keeps the record of each reply for SMS_REPLY_RETENTION_DAYS (90 by default), then deletes it', async () => {
    const phone = uniquePhone();
    const text = reply(phone.number, '你好');
    expect((await deliverSms(notifier.url, text)).body.outcome).toBe('not-an-answer');
    const recorded = async () => (await db.query('SELECT outcome FROM notifier.sms_replies WHERE message_id = $1', [text.messageId])).rows;
    const purge = notifier.app.get(PurgeExpiredSmsSurveysUseCase);
    const daysAhead = (days: number) => new Date(Date.now() + days * 24 * HOUR);

    await purge.execute(daysAhead(89));
    expect(await recorded()).toEqual([{ outcome: 'not-an-answer' }]);

    expect(await purge.execute(daysAhead(91))).toBeGreaterThanOrEqual(1);
    expect(await recorded()).toEqual([]);
  });
});

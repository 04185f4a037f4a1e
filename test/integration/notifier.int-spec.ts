import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { Producer } from 'kafkajs';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { CaseEventType, CaseEventV1, Channel, Topics } from '@complaints/contracts';
import { PiiCipher } from '@complaints/security';
import { NotifierConfig } from '../../apps/notifier/src/notifier.config';
import { NOTIFIER_GROUP } from '../../apps/notifier/src/interface/case-events.consumer';
import { NotifierModule } from '../../apps/notifier/src/notifier.module';
import { caseEvent, publishCaseEvents, testProducer } from '../support/case-events';
import { testConfig } from '../support/configs';
import { skipToEnd } from '../support/consumer-lag';
import { RecordingServer } from '../support/recording-server';
import { eventually, RunningApp, startApp } from '../support/running-app';

interface ReceivedMail {
  to: string[];
  raw: string;
}

/**
 * The notifier against real local servers standing in for the WeChat API, the Weibo API, the push
 * and SMS gateways (HTTP) and a mail server (SMTP), with case events on the real topic.
 */
describe('notifier: customers told on their own channel', () => {
  let notifier: RunningApp;
  let wechat: RecordingServer;
  let weibo: RecordingServer;
  let push: RecordingServer;
  let sms: RecordingServer;
  let smtp: SMTPServer;
  const mails: ReceivedMail[] = [];
  let producer: Producer;
  let db: Client;
  let cipher: PiiCipher;
  let wechatSends = 0;

  beforeAll(async () => {
    wechat = await RecordingServer.start((request) => {
      if (request.url.startsWith('/cgi-bin/token'))
        return { status: 200, body: { access_token: `TOKEN-${randomUUID()}`, expires_in: 7200 } };
      wechatSends += 1;
      // The first send finds the token expired (42001): the next attempt must fetch a new one.
      return { status: 200, body: wechatSends === 1 ? { errcode: 42001, errmsg: 'access_token expired' } : { errcode: 0, errmsg: 'ok' } };
    });
    weibo = await RecordingServer.start(() => ({ status: 200, body: { result: true } }));
    push = await RecordingServer.start(() => 500);
    sms = await RecordingServer.start((_, index) => (index < 2 ? 502 : 200));
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const smtpPort = (smtp.server.address() as AddressInfo).port;

    const config = testConfig(NotifierConfig, {
      WECHAT_API_BASE_URL: wechat.url,
      WECHAT_APP_SECRET: 'test-wechat-app-secret',
      WEIBO_API_URL: weibo.url,
      WEIBO_ACCESS_TOKEN: 'test-weibo-token',
      PUSH_GATEWAY_URL: `${push.url}/v1/push`,
      PUSH_GATEWAY_TOKEN: 'test-push-token',
      SMS_GATEWAY_URL: `${sms.url}/v1/sms`,
      SMS_GATEWAY_TOKEN: 'test-sms-token',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      EMAIL_FROM: 'Complaints <complaints@bank.example>',
      NOTIFY_BACKOFF_MS: '50',
      NOTIFY_MAX_ATTEMPTS: '3',
      NOTIFY_POLL_MS: '50',
    });
    cipher = PiiCipher.fromSetting(config.PII_KEYS, config.PII_ACTIVE_KEY_ID);
    // Only this test's events: earlier tests' case events (other customers) are not for these stand-in gateways.
    await skipToEnd(NOTIFIER_GROUP, Topics.caseEventsV1);
    // Nor are deliveries that earlier tests' notifiers left waiting for a retry in the outbox.
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    await db.query(
      `DO $$ BEGIN IF to_regclass('notifier.deliveries') IS NOT NULL THEN DELETE FROM notifier.deliveries WHERE status <> 'delivered'; END IF; END $$`,
    );
    notifier = await startApp(NotifierModule.register(config));
    producer = await testProducer();
  });
  afterAll(async () => {
    await Promise.all([notifier?.close(), producer?.disconnect(), db?.end()]);
    await Promise.all([
      wechat?.close(),
      weibo?.close(),
      push?.close(),
      sms?.close(),
      new Promise((resolve) => smtp?.close(() => resolve(undefined))),
    ]);
  });

  interface EventSpec {
    channel: Channel;
    type: CaseEventType;
    contact: CaseEventV1['case']['contact'];
    customerId?: string;
    language?: 'zh' | 'en';
    customerVisible?: boolean;
    message?: string;
  }

  const caseEventFor = (spec: EventSpec) =>
    caseEvent({
      type: spec.type,
      case: {
        channel: spec.channel,
        contact: spec.contact,
        language: spec.language ?? 'zh',
        ...(spec.customerId ? { customerId: spec.customerId } : {}),
      },
      customerVisible: spec.customerVisible,
      message: spec.message,
    });
  const publish = (...events: CaseEventV1[]) => publishCaseEvents(producer, ...events);

  const deliveryOf = async (id: string) =>
    (await db.query('SELECT status, attempts, last_error FROM notifier.deliveries WHERE id = $1', [id])).rows[0] as
      { status: string; attempts: number; last_error: string | null } | undefined;

  it('answers a WeChat customer through the customer-service message API, fetching a new token when WeChat says it expired', async () => {
    const event = caseEventFor({ channel: 'wechat', type: 'case.opened', contact: { openId: 'oWECHAT-1' } });
    await publish(event);
    const delivery = await eventually(async () =>
      (await deliveryOf(`${event.eventId}:wechat`))?.status === 'delivered' ? deliveryOf(`${event.eventId}:wechat`) : undefined,
    );
    expect(delivery).toMatchObject({ attempts: 2 });

    const tokenRequests = wechat.requests.filter((r) => r.url.startsWith('/cgi-bin/token'));
    expect(tokenRequests).toHaveLength(2);
    expect(tokenRequests[0].url).toContain('appid=wxdev0000000000000');
    const sends = wechat.requests.filter((r) => r.url.startsWith('/cgi-bin/message/custom/send'));
    expect(sends).toHaveLength(2);
    const tokens = tokenRequests.map((_, i) => new URL(`http://x${sends[i].url}`).searchParams.get('access_token'));
    expect(tokens[0]).not.toBe(tokens[1]);
    expect(JSON.parse(sends[1].body)).toEqual({
      touser: 'oWECHAT-1',
      msgtype: 'text',
      text: { content: `您的投诉已受理，编号 ${event.case.reference}。我们将在 48 小时内与您联系，并在 15 日内给出处理结果。` },
    });
  });

  it('replies to a Weibo fan through the reply API, in English when the complaint was', async () => {
    const event = caseEventFor({
      channel: 'weibo',
      type: 'case.feedback_sent',
      contact: { uid: '5566778899' },
      language: 'en',
      message: 'We have asked the branch for the CCTV.',
    });
    await publish(event);
    await eventually(async () => (weibo.requests.length > 0 ? true : undefined));
    const form = new URLSearchParams(weibo.requests[0].body);
    expect(weibo.requests[0].url).toBe('/2/messages/reply.json');
    expect(form.get('access_token')).toBe('test-weibo-token');
    expect(form.get('receiver_id')).toBe('5566778899');
    expect(JSON.parse(form.get('data')!)).toEqual({
      text: `About your complaint ${event.case.reference}: We have asked the branch for the CCTV.`,
    });
  });

  it('texts a hotline caller through the SMS gateway, retrying until it answers, with the phone opened only to send', async () => {
    const event = caseEventFor({
      channel: 'hotline',
      type: 'case.resolved',
      contact: { phone: cipher.seal('+8613800138000'), phoneLast4: '8000' },
      message: '已退还年费。',
    });
    await publish(event);
    await eventually(async () => (sms.requests.some((r) => r.answeredWith === 200) ? true : undefined));
    expect(sms.requests.map((r) => r.answeredWith)).toEqual([502, 502, 200]);
    const delivered = sms.requests[2];
    expect(delivered.headers.authorization).toBe('Bearer test-sms-token');
    expect(delivered.headers['idempotency-key']).toBe(`${event.eventId}:sms`);
    expect(JSON.parse(delivered.body)).toEqual({
      to: '+8613800138000',
      reference: event.case.reference,
      text: expect.stringMatching(/^您的投诉 C\d{8}-H\w{5} 已处理完毕。处理结果：已退还年费。请直接回复 1-5/),
    });
    const stored = await db.query('SELECT payload::text AS payload FROM notifier.deliveries WHERE id = $1', [`${event.eventId}:sms`]);
    expect(stored.rows[0].payload).not.toContain('13800138000');
  });

  it('e-mails a web customer who gave an address, over SMTP', async () => {
    const event = caseEventFor({
      channel: 'web',
      type: 'case.closed',
      contact: { email: cipher.seal('li.lei@example.com') },
      language: 'en',
    });
    await publish(event);
    const mail = await eventually(async () => mails.find((m) => m.raw.includes(event.case.reference)));
    expect(mail.to).toEqual(['li.lei@example.com']);
    expect(mail.raw).toContain(`Subject: Complaint closed ${event.case.reference}`);
    expect(mail.raw).toContain(`X-Complaint-Reference: ${event.case.reference}`);
    expect(mail.raw).toContain('Thank you for telling us.');
  });

  it('keeps a dead letter when the push gateway keeps failing', async () => {
    const event = caseEventFor({ channel: 'mobile', type: 'case.opened', contact: {}, customerId: 'cust-42' });
    await publish(event);
    const dead = await eventually(async () => {
      const row = await deliveryOf(`${event.eventId}:push`);
      return row?.status === 'dead' ? row : undefined;
    });
    expect(dead).toEqual({ status: 'dead', attempts: 3, last_error: 'push gateway answered HTTP 500' });
    const body = JSON.parse(push.requests[0].body);
    expect(body).toMatchObject({ customerId: 'cust-42', data: { reference: event.case.reference, event: 'case.opened' } });
  });

  it('tells the customer once per event however often it is delivered, and never about internal notes', async () => {
    const note = caseEventFor({
      channel: 'weibo',
      type: 'case.note_added',
      contact: { uid: '42' },
      customerVisible: false,
      message: 'internal',
    });
    const feedback = caseEventFor({ channel: 'weibo', type: 'case.feedback_sent', contact: { uid: '42' }, message: '已联系网点核实。' });
    await publish(note, feedback, feedback);
    await eventually(async () => ((await deliveryOf(`${feedback.eventId}:weibo`))?.status === 'delivered' ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const toFan = weibo.requests.filter((r) => new URLSearchParams(r.body).get('receiver_id') === '42');
    expect(toFan).toHaveLength(1);
    expect(JSON.parse(new URLSearchParams(toFan[0].body).get('data')!).text).toContain('已联系网点核实。');
    expect(await deliveryOf(`${note.eventId}:weibo`)).toBeUndefined();
  });
});

import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { Client } from 'pg';
import { CustomerResponseV1, Topics } from '@complaints/contracts';
import { PiiCipher } from '@complaints/security';
import { IntakeMobileConfig } from '../../apps/intake-mobile/src/intake-mobile.config';
import { IntakeSocialConfig } from '../../apps/intake-social/src/intake-social.config';
import { IntakeSocialModule, intakeSocialHttpOptions } from '../../apps/intake-social/src/intake-social.module';
import { IntakeMobileModule, intakeMobileHttpOptions } from '../../apps/intake-mobile/src/intake-mobile.module';
import { NOTIFIER_GROUP } from '../../apps/notifier/src/interface/case-events.consumer';
import { NotifierConfig } from '../../apps/notifier/src/notifier.config';
import { NotifierModule } from '../../apps/notifier/src/notifier.module';
import { notifierHttpOptions } from '../../apps/notifier/src/sms-surveys.providers';
import { caseEvent, publishCaseEvents, testProducer } from '../support/case-events';
import { testConfig } from '../support/configs';
import { skipToEnd } from '../support/consumer-lag';
import { appRequest, AppResponse, customerToken, submitComplaint } from '../support/mobile-client';
import { uniquePhone } from '../support/phones';
import { RecordingServer } from '../support/recording-server';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { deliverSms, uniqueMessageId } from '../support/sms-gateway-client';
import { TopicReader } from '../support/topic-reader';
import {
  nextMsgId,
  postWechat,
  publishSurveyEvent,
  REFERENCE,
  replyContent,
  textMessage,
  WECHAT,
} from '../integration/intake-social-client';

/**
 * Hostile survey answers (finding 2, unlimited ratings): repeat ratings, scores out of range or of the
 * wrong type, ratings of other customers' complaints, ratings before the answer, oversized comments,
 * Idempotency-Key abuse, at the app API and at the SMS reply webhook. Every case asserts the safe
 * status and that nothing was published (the topic read back) or stored for the refused request.
 */
describe('hostile: survey answers are taken once per case and customer', () => {
  let mobile: RunningApp;
  let notifier: RunningApp;
  let social: RunningApp;
  let sms: RecordingServer;
  let responses: TopicReader<CustomerResponseV1>;
  let producer: Producer;
  let cipher: PiiCipher;
  const db = new Client({ connectionString: process.env.DATABASE_URL });

  beforeAll(async () => {
    sms = await RecordingServer.start();
    const mobileConfig = testConfig(IntakeMobileConfig, { MOBILE_RATE_LIMIT_PER_MIN: '1000' });
    const notifierConfig = testConfig(NotifierConfig, {
      SMS_GATEWAY_URL: `${sms.url}/v1/sms`,
      SMS_GATEWAY_TOKEN: 'test-sms-token',
      SMS_INBOUND_SECRETS: 'sms-test:test-inbound-secret',
      NOTIFY_POLL_MS: '50',
      NOTIFY_BACKOFF_MS: '50',
    });
    cipher = PiiCipher.fromSetting(notifierConfig.PII_KEYS, notifierConfig.PII_ACTIVE_KEY_ID);
    await skipToEnd(NOTIFIER_GROUP, Topics.caseEventsV1);
    await db.connect();
    const socialConfig = testConfig(IntakeSocialConfig, {
      WECHAT_TOKEN: WECHAT.token,
      WECHAT_APP_ID: WECHAT.appId,
      WECHAT_ENCODING_AES_KEY: WECHAT.aesKey,
      SOCIAL_QUIET_WINDOW_SEC: '2',
      SOCIAL_PUBLISH_POLL_MS: '200',
    });
    [mobile, notifier, social, responses, producer] = await Promise.all([
      startApp(IntakeMobileModule.register(mobileConfig), intakeMobileHttpOptions(mobileConfig)),
      startApp(NotifierModule.register(notifierConfig), notifierHttpOptions()),
      startApp(IntakeSocialModule.register(socialConfig), intakeSocialHttpOptions(socialConfig)),
      TopicReader.open<CustomerResponseV1>(Topics.customerResponsesV1),
      testProducer(),
    ]);
  });
  afterAll(async () => {
    await Promise.all([mobile?.close(), notifier?.close(), social?.close(), responses?.close(), producer?.disconnect(), db.end()]);
    await sms?.close();
  });

  const published = (reference: string) => responses.values((r) => r.reference === reference);

  /** Waits until the topic holds `count` answers for the reference (the accepted ones), then answers them. */
  async function onTopic(reference: string, count: number) {
    await eventually(async () => (published(reference).length >= count ? true : undefined), 15_000);
    return published(reference);
  }

  describe('the app API (POST /v1/app/complaints/{reference}/satisfaction)', () => {
    const me = `cust-${randomUUID()}`;
    const someoneElse = `cust-${randomUUID()}`;
    const firstKey = randomUUID();
    const firstBody = { score: 1, comment: '处理结果不合理' };
    let rated: { reference: string; complaintId: string };
    let unrated: { reference: string; complaintId: string };
    let notAnswered: { reference: string; complaintId: string };
    let theirs: { reference: string; complaintId: string };

    async function complaintOf(customerId: string, status: 'RESOLVED' | 'IN_PROGRESS' | null) {
      const { body } = await submitComplaint(mobile.url, customerId);
      if (status) {
        await publishCaseEvents(
          producer,
          caseEvent({
            type: status === 'RESOLVED' ? 'case.resolved' : 'case.status_changed',
            case: { channel: 'mobile', customerId, status, reference: body.reference, complaintId: body.complaintId },
          }),
        );
        await eventually(async () => {
          const { rows } = await db.query('SELECT case_status FROM intake_mobile.submissions WHERE complaint_id = $1', [body.complaintId]);
          return rows[0]?.case_status === status ? true : undefined;
        }, 30_000);
      }
      return { reference: body.reference, complaintId: body.complaintId };
    }

    beforeAll(async () => {
      rated = await complaintOf(me, 'RESOLVED');
      unrated = await complaintOf(me, 'RESOLVED');
      notAnswered = await complaintOf(me, 'IN_PROGRESS');
      theirs = await complaintOf(someoneElse, 'RESOLVED');
      const first = await rating({ body: firstBody, key: firstKey });
      expect(first.status).toBe(202);
      await onTopic(rated.reference, 1);
    });

    interface Attempt {
      customer?: string;
      reference?: () => string;
      body?: unknown;
      key?: string | null;
      headers?: Record<string, string>;
      token?: string | null;
    }

    async function rating(attempt: Attempt): Promise<AppResponse> {
      const reference = attempt.reference?.() ?? rated.reference;
      const token = attempt.token === null ? undefined : (attempt.token ?? (await customerToken(attempt.customer ?? me)));
      return appRequest(mobile.url, `/v1/app/complaints/${reference}/satisfaction`, {
        token,
        idempotencyKey: attempt.key === null ? undefined : (attempt.key ?? randomUUID()),
        body: attempt.body ?? { score: 1 },
        headers: attempt.headers,
      });
    }

    const references = () => [rated, unrated, notAnswered, theirs].map((c) => c.reference);
    const storedRatings = async () =>
      (
        await db.query<{ n: number }>('SELECT count(*)::int AS n FROM intake_mobile.ratings WHERE customer_id = ANY($1)', [
          [me, someoneElse],
        ])
      ).rows[0].n;

    const cases: Array<[string, Attempt, number, string | null]> = [
      ['a second rating under a new key, the same score', { body: firstBody }, 409, null],
      ['a second rating under a new key, another score', { body: { score: 5 } }, 409, null],
      ['a second 1 to reopen and escalate the case again', { body: { score: 1 } }, 409, null],
      [
        'a second rating with the reference in lower case',
        { reference: () => rated.reference.toLowerCase(), body: { score: 2 } },
        409,
        null,
      ],
      ['the first key with another score', { key: firstKey, body: { score: 5 } }, 422, 'Idempotency-Key'],
      ['the first key with another comment', { key: firstKey, body: { score: 1, comment: '再评一次' } }, 422, 'Idempotency-Key'],
      [
        'the first key on another of my complaints',
        { key: firstKey, reference: () => unrated.reference, body: firstBody },
        422,
        'Idempotency-Key',
      ],
      ["a rating of another customer's complaint", { reference: () => theirs.reference, body: { score: 1 } }, 404, null],
      ["another customer's rating of my complaint", { customer: someoneElse, body: { score: 1 } }, 404, null],
      ['a rating before the case has an answer', { reference: () => notAnswered.reference, body: { score: 1 } }, 409, null],
      ['a rating of a reference that does not exist', { reference: () => 'C20000101-M00000', body: { score: 1 } }, 404, null],
      ['a malformed reference', { reference: () => 'C2026%2F..%2F..-X', body: { score: 1 } }, 400, 'reference'],
      ['a long reference', { reference: () => 'C'.repeat(90), body: { score: 1 } }, 400, 'reference'],
      ['score 0', { reference: () => unrated.reference, body: { score: 0 } }, 400, 'score'],
      ['score 6', { reference: () => unrated.reference, body: { score: 6 } }, 400, 'score'],
      ['score -1', { reference: () => unrated.reference, body: { score: -1 } }, 400, 'score'],
      ['score 2.5', { reference: () => unrated.reference, body: { score: 2.5 } }, 400, 'score'],
      ['score as a string', { reference: () => unrated.reference, body: { score: '5' } }, 400, 'score'],
      ['score null', { reference: () => unrated.reference, body: { score: null } }, 400, 'score'],
      ['score true', { reference: () => unrated.reference, body: { score: true } }, 400, 'score'],
      ['score as an array', { reference: () => unrated.reference, body: { score: [1] } }, 400, 'score'],
      ['score as an operator object', { reference: () => unrated.reference, body: { score: { $gt: 0 } } }, 400, 'score'],
      ['score 1e400 (Infinity)', { reference: () => unrated.reference, body: '{"score":1e400}' }, 400, 'score'],
      ['no score', { reference: () => unrated.reference, body: { comment: '只有评论' } }, 400, 'score'],
      [
        'a comment over 2,000 characters',
        { reference: () => unrated.reference, body: { score: 1, comment: '差'.repeat(2_001) } },
        400,
        'comment',
      ],
      ['a comment that is not a string', { reference: () => unrated.reference, body: { score: 1, comment: 42 } }, 400, 'comment'],
      [
        'a field of its own (customerId)',
        { reference: () => unrated.reference, body: { score: 1, customerId: someoneElse } },
        400,
        'customerId',
      ],
      ['no Idempotency-Key', { reference: () => unrated.reference, key: null }, 400, 'Idempotency-Key'],
      ['an Idempotency-Key of 256 characters', { reference: () => unrated.reference, key: 'k'.repeat(256) }, 400, 'Idempotency-Key'],
      ['a body that is a JSON array', { reference: () => unrated.reference, body: '[{"score":1}]' }, 400, null],
      ['a body that is not JSON', { reference: () => unrated.reference, body: '{"score": 1,' }, 400, null],
      ['no token', { reference: () => unrated.reference, token: null }, 401, null],
      ['a forged token', { reference: () => unrated.reference, token: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' }, 401, null],
    ];

    it.each(cases)('%s: refused, nothing published', async (_, attempt, status, field) => {
      const before = references().map((r) => published(r).length);
      const stored = await storedRatings();
      const res = await rating(attempt);
      expect(res.status).toBe(status);
      expect(res.type).toContain('application/problem+json');
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+/);
      if (field) expect((res.body.errors ?? []).map((e) => e.field)).toContain(field);
      if (status === 409 && attempt.reference === undefined)
        expect(res.body).toMatchObject({
          type: 'https://complaints.example/problems/already-rated',
          rated: { reference: rated.reference, score: 1 },
        });
      expect(await storedRatings()).toBe(stored);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(references().map((r) => published(r).length)).toEqual(before);
    });

    it('after all of it, the topic holds the one rating given, and the first key still replays it', async () => {
      const replay = await rating({ body: firstBody, key: firstKey });
      expect(replay.status).toBe(202);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(published(rated.reference).map((r) => r.satisfaction)).toEqual([firstBody]);
      for (const other of [unrated, notAnswered, theirs]) expect(published(other.reference)).toEqual([]);
    });
  });

  describe('SMS replies (POST /v1/sms/inbound): a survey is answered once', () => {
    const phone = uniquePhone();
    let answered: { reference: string };
    const reply = (text: string, from = phone.number, messageId = uniqueMessageId()) => ({
      messageId,
      from,
      to: '95588',
      text,
      receivedAt: new Date().toISOString(),
    });
    const firstAnswer = reply('1');
    const surveyIs = (reference: string, status: string) =>
      eventually(async () => {
        const { rows } = await db.query('SELECT status FROM notifier.sms_surveys WHERE reference = $1', [reference]);
        return rows[0]?.status === status ? true : undefined;
      }, 30_000);

    beforeAll(async () => {
      const event = caseEvent({
        type: 'case.resolved',
        case: { channel: 'hotline', contact: { phone: cipher.seal(phone.e164), phoneLast4: phone.last4 } },
        message: '已退还年费。',
      });
      await publishCaseEvents(producer, event);
      answered = { reference: event.case.reference };
      await surveyIs(answered.reference, 'outstanding');
      // Out of range first: no answer, the survey stays open.
      expect((await deliverSms(notifier.url, reply('6'))).body.outcome).toBe('not-an-answer');
      expect((await deliverSms(notifier.url, firstAnswer)).body.outcome).toBe('survey-answered');
      await onTopic(answered.reference, 1);
      // The case is resolved again later (reopened by the 1, worked, resolved): the survey stays answered.
      const again = caseEvent({ type: 'case.resolved', case: { ...event.case } });
      again.at = new Date(Date.now() + 1_000).toISOString();
      // A survey of another phone's case on the same key (partition) behind it shows it was consumed.
      const marker = caseEvent({
        type: 'case.resolved',
        case: {
          channel: 'hotline',
          complaintId: event.case.complaintId,
          contact: { phone: cipher.seal(uniquePhone().e164), phoneLast4: '0000' },
        },
      });
      await publishCaseEvents(producer, again, marker);
      await surveyIs(marker.case.reference, 'outstanding');
      await surveyIs(answered.reference, 'answered');
    });

    const smsCases: Array<[string, () => ReturnType<typeof reply>, number, string | null]> = [
      ['a second score from the same phone', () => reply('1'), 200, 'no-survey'],
      ['a second 不满意 from the same phone', () => reply('不满意'), 200, 'no-survey'],
      ['a second 满意 from the same phone', () => reply('满意'), 200, 'no-survey'],
      ['the first message id again with another score', () => ({ ...firstAnswer, text: '5' }), 200, 'survey-answered'],
      ['a score from a phone that was never surveyed', () => reply('1', uniquePhone().number), 200, 'no-survey'],
      ['a score out of range', () => reply('0'), 200, 'not-an-answer'],
      ['a text over 1,600 characters', () => reply('1'.repeat(1_601)), 400, null],
      ['a sender that is no phone number', () => reply('1', '12'), 400, null],
    ];

    it.each(smsCases)('%s: nothing published', async (_, message, status, outcome) => {
      const before = published(answered.reference).length;
      const res = await deliverSms(notifier.url, message());
      expect(res.status).toBe(status);
      if (outcome) expect(res.body.outcome).toBe(outcome);
      else expect(res.type).toContain('application/problem+json');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(published(answered.reference)).toHaveLength(before);
    });

    it('after all of it, the topic holds the one answer given', async () => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(published(answered.reference).map((r) => r.satisfaction)).toEqual([{ score: 1 }]);
      const { rows } = await db.query(`SELECT status FROM notifier.sms_surveys WHERE reference = $1`, [answered.reference]);
      expect(rows).toEqual([{ status: 'answered' }]);
    });
  });

  describe('WeChat replies (intake-social): a survey is answered once; a later score is an ordinary message', () => {
    const user = `oHostile_${randomUUID().slice(0, 8)}`;
    const firstMsgId = nextMsgId();
    let answered: { reference: string };
    const surveyIs = (reference: string, status: string) =>
      eventually(async () => {
        const { rows } = await db.query('SELECT status FROM intake_social.surveys WHERE reference = $1', [reference]);
        return rows[0]?.status === status ? true : undefined;
      }, 30_000);

    beforeAll(async () => {
      const resolved = await publishSurveyEvent(producer, db, { type: 'case.resolved', channel: 'wechat', userId: user });
      answered = { reference: resolved.case.reference };
      expect(replyContent((await postWechat(social.url, textMessage(user, '1', firstMsgId))).text)).toContain('感谢您的评价');
      await onTopic(answered.reference, 1);
      // Resolved again later (the 1 reopened it): the survey stays answered. A survey of another user's
      // case on the same key (partition) behind it shows it was consumed.
      const again = caseEvent({ type: 'case.resolved', case: { ...resolved.case } });
      again.at = new Date(Date.now() + 1_000).toISOString();
      const marker = caseEvent({
        type: 'case.resolved',
        case: {
          channel: 'wechat',
          status: 'RESOLVED',
          complaintId: resolved.case.complaintId,
          contact: { openId: `oMarker_${randomUUID().slice(0, 8)}` },
        },
      });
      await publishCaseEvents(producer, again, marker);
      await surveyIs(marker.case.reference, 'outstanding');
      await surveyIs(answered.reference, 'answered');
    });

    const wechatCases: Array<[string, () => string, 'ordinary' | 'thanks-again']> = [
      ['a second 1 from the same user', () => textMessage(user, '1'), 'ordinary'],
      ['a second 不满意 from the same user', () => textMessage(user, '不满意'), 'ordinary'],
      ['a second 满意 from the same user', () => textMessage(user, '满意'), 'ordinary'],
      ['a full-width ５ from the same user', () => textMessage(user, '５'), 'ordinary'],
      ['the first MsgId again with another score', () => textMessage(user, '5', firstMsgId), 'thanks-again'],
      ['a score from a user who was never surveyed', () => textMessage(`oStranger_${randomUUID().slice(0, 8)}`, '1'), 'ordinary'],
    ];

    it.each(wechatCases)('%s: nothing published', async (_, xml, expected) => {
      const before = published(answered.reference).length;
      const res = await postWechat(social.url, xml());
      expect(res.status).toBe(200);
      const reply = replyContent(res.text);
      if (expected === 'ordinary') {
        expect(reply).toMatch(REFERENCE);
        expect(reply).not.toContain('感谢您的评价');
      } else {
        expect(reply).toContain('感谢您的评价（1分）');
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(published(answered.reference)).toHaveLength(before);
    });

    it('after all of it, the topic holds the one answer given', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(published(answered.reference).map((r) => [r.identity, r.satisfaction])).toEqual([[{ openId: user }, { score: 1 }]]);
    });
  });
});

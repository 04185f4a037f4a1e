import { randomUUID } from 'node:crypto';
import { Admin, Consumer, IHeaders, Kafka, logLevel, Producer } from 'kafkajs';
import { Client } from 'pg';
import { ComplaintReceivedV1, ComplaintRoutedV1, CustomerResponseV1, dlqTopic } from '@complaints/contracts';
import { decodeHeaders } from '@complaints/messaging';
import { AnalyticsConfig } from '../../apps/analytics/src/analytics.config';
import { AnalyticsModule } from '../../apps/analytics/src/analytics.module';
import { CasesConfig } from '../../apps/cases/src/cases.config';
import { CasesModule } from '../../apps/cases/src/cases.module';
import { CASES_GROUP } from '../../apps/cases/src/interface/complaint-routed.consumer';
import { CUSTOMER_RESPONSES_GROUP } from '../../apps/cases/src/interface/customer-responses.consumer';
import { ConversationStore } from '../../apps/intake-social/src/application/receive-message/conversation.store';
import { IntakeSocialConfig } from '../../apps/intake-social/src/intake-social.config';
import { IntakeSocialModule, intakeSocialHttpOptions } from '../../apps/intake-social/src/intake-social.module';
import { RouterConfig } from '../../apps/router/src/router.config';
import { RouterModule } from '../../apps/router/src/router.module';
import { ROUTER_GROUP } from '../../apps/router/src/interface/complaint-received.consumer';
import { routedComplaint } from '../integration/cases-support';
import { WECHAT } from '../integration/intake-social-client';
import { receivedComplaint, reference } from '../integration/router-fixtures';
import { testConfig } from '../support/configs';
import { eventually, RunningApp, startApp } from '../support/running-app';

/**
 * Poison pills (issue 16, finding 4): each is published straight onto a topic, as any producer could,
 * followed by an ordinary message under the SAME key (so on the same partition, right after it). The
 * consumer must dead-letter the pill to `<topic>.dlq` with its own headers and why, and move on: the
 * ordinary complaint becomes a case within seconds, the consumer group's committed offset passes both,
 * and nothing of the pill was stored.
 */
describe('poison messages do not stop the consumers (real Kafka and PostgreSQL)', () => {
  const brokers = process.env.KAFKA_BROKERS!.split(',');
  const kafka = new Kafka({ clientId: 'poison-test', brokers, logLevel: logLevel.NOTHING });
  const watched = [ComplaintReceivedV1.topic, ComplaintRoutedV1.topic, CustomerResponseV1.topic].map(dlqTopic);
  const deadLetters: { topic: string; key: string | null; value: string | null; headers: Record<string, string> }[] = [];
  let router: RunningApp;
  let cases: RunningApp;
  let social: RunningApp;
  let analytics: RunningApp;
  const analyticsConfig = testConfig(AnalyticsConfig);
  /** The read model's group on complaints.received.v1 (a batch consumer like the router's). */
  const analyticsReceivedGroup = `${analyticsConfig.ANALYTICS_CONSUMER_GROUP}.${ComplaintReceivedV1.topic}`;
  let db: Client;
  let producer: Producer;
  let admin: Admin;
  let dlqReader: Consumer;

  beforeAll(async () => {
    const socialConfig = testConfig(IntakeSocialConfig, {
      WECHAT_TOKEN: WECHAT.token,
      WECHAT_APP_ID: WECHAT.appId,
      SOCIAL_QUIET_WINDOW_SEC: '1',
      SOCIAL_PUBLISH_POLL_MS: '200',
    });
    [router, cases, social, analytics] = await Promise.all([
      startApp(RouterModule.register(testConfig(RouterConfig))),
      startApp(CasesModule.register(testConfig(CasesConfig))),
      startApp(IntakeSocialModule.register(socialConfig), intakeSocialHttpOptions(socialConfig)),
      startApp(AnalyticsModule.register(analyticsConfig)),
    ]);
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    admin = kafka.admin();
    await admin.connect();
    dlqReader = kafka.consumer({ groupId: `poison-dlq-${randomUUID()}` });
    await dlqReader.connect();
    await dlqReader.subscribe({ topics: watched, fromBeginning: true });
    await dlqReader.run({
      eachMessage: async ({ topic, message }) => {
        deadLetters.push({
          topic,
          key: message.key?.toString('utf8') ?? null,
          value: message.value?.toString('utf8') ?? null,
          headers: decodeHeaders(message.headers),
        });
      },
    });
  });
  afterAll(async () => {
    await Promise.all([dlqReader?.disconnect(), producer?.disconnect(), admin?.disconnect(), db?.end()]);
    await Promise.all([social?.close(), router?.close(), cases?.close(), analytics?.close()]);
  });

  const caseOf = async (ref: string) =>
    (await db.query('SELECT reference, status FROM cases.cases WHERE reference = $1', [ref])).rows[0] as { reference: string } | undefined;
  const decisionOf = async (complaintId: string) =>
    (await db.query('SELECT routed_event FROM routing.decisions WHERE complaint_id = $1', [complaintId])).rows[0]?.routed_event as
      ComplaintRoutedV1 | undefined;

  async function committedOffset(groupId: string, topic: string, partition: number): Promise<bigint> {
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return BigInt(offsets.partitions.find((p) => p.partition === partition)?.offset ?? '-1');
  }

  /** Kafka headers as a producer of the platform sets them. */
  const headersOf = (correlationId: string, eventType: string): IHeaders => ({
    'correlation-id': correlationId,
    'event-id': randomUUID(),
    'event-type': eventType,
    'content-type': 'application/json',
  });

  const survey = (key: string, comment: string) => ({
    eventId: randomUUID(),
    eventType: 'customer.response',
    eventVersion: 1,
    occurredAt: new Date().toISOString(),
    correlationId: `corr-${key}`,
    causationId: null,
    source: 'intake-web',
    kind: 'satisfaction',
    channel: 'web',
    reference: reference(),
    complaintId: key,
    identity: {},
    satisfaction: { score: 1, comment },
    receivedAt: new Date().toISOString(),
  });
  const complaintWith = (text: string, patch: (event: Record<string, any>) => void = () => undefined) => {
    const event = JSON.parse(JSON.stringify(receivedComplaint('x'))) as Record<string, any>;
    event.complaint.content.text = text;
    patch(event);
    return event;
  };

  interface Pill {
    name: string;
    topic: string;
    /** The consumer group that must dead-letter it. */
    group: string;
    /** The poison, as raw message text (null: a message without a value, a tombstone). */
    value(key: string): string | null;
    /** The ordinary message that follows it under the same key, on the same topic. */
    follower(key: string): { value: string; eventType: string };
    /** The dlq-reason, or several acceptable ones. */
    reason: string | RegExp;
    sqlState?: RegExp;
    /** Check that the analytics read model, another batch consumer of the topic, records the ordinary complaint and moves past both. */
    readModel?: boolean;
  }

  const ordinaryComplaint = (key: string) => {
    const event = receivedComplaint('信用卡年费未经同意被扣除,要求退还。');
    event.complaint.complaintId = key;
    return event;
  };

  const pills: Pill[] = [
    {
      name: 'a lone surrogate in a web survey comment (complaints.customer-responses.v1)',
      topic: CustomerResponseV1.topic,
      group: CUSTOMER_RESPONSES_GROUP,
      value: (key) => JSON.stringify(survey(key, 'terrible \ud800 service')),
      follower: (key) => ({
        value: JSON.stringify(survey(key, 'an ordinary comment for a case that does not exist')),
        eventType: 'customer.response.v1',
      }),
      reason: 'contract-violation',
    },
    {
      name: 'a lone surrogate in a complaint text (complaints.received.v1)',
      topic: ComplaintReceivedV1.topic,
      group: ROUTER_GROUP,
      value: () => JSON.stringify(complaintWith('my card \udc00 was charged twice')),
      follower: (key) => ({ value: JSON.stringify(ordinaryComplaint(key)), eventType: 'complaint.received.v1' }),
      reason: 'contract-violation',
    },
    {
      name: 'an emoji cut at the 20,000 limit by an older producer (a lone high surrogate at the end)',
      topic: ComplaintReceivedV1.topic,
      group: ROUTER_GROUP,
      value: () => JSON.stringify(complaintWith(`${'钱'.repeat(19_999)}\u{1F600}`.slice(0, 20_000))),
      follower: (key) => ({ value: JSON.stringify(ordinaryComplaint(key)), eventType: 'complaint.received.v1' }),
      reason: 'contract-violation',
    },
    {
      name: 'an oversize WeChat conversation as it used to be published (a transcript turn over 20,000 characters)',
      topic: ComplaintReceivedV1.topic,
      group: ROUTER_GROUP,
      value: () =>
        JSON.stringify(
          complaintWith('我的信用卡被盗刷了', (event) => {
            event.complaint.channel = 'wechat';
            event.complaint.content.transcript = [{ speaker: 'customer', text: '钱'.repeat(20_001), offsetMs: 0 }];
          }),
        ),
      follower: (key) => ({ value: JSON.stringify(ordinaryComplaint(key)), eventType: 'complaint.received.v1' }),
      reason: 'contract-violation',
    },
    {
      name: 'an event that breaks its contract (no reference, an unknown field)',
      topic: ComplaintReceivedV1.topic,
      group: ROUTER_GROUP,
      value: () =>
        JSON.stringify(
          complaintWith('信用卡年费被扣', (event) => {
            delete event.complaint.reference;
            event.injected = { $where: 'sleep(1000)' };
          }),
        ),
      follower: (key) => ({ value: JSON.stringify(ordinaryComplaint(key)), eventType: 'complaint.received.v1' }),
      reason: 'contract-violation',
    },
    {
      name: 'a message that is not JSON',
      topic: ComplaintReceivedV1.topic,
      group: ROUTER_GROUP,
      value: () => '{"eventId": "truncated',
      follower: (key) => ({ value: JSON.stringify(ordinaryComplaint(key)), eventType: 'complaint.received.v1' }),
      reason: 'invalid-json',
    },
    {
      name: 'a lone surrogate in a property name',
      topic: ComplaintReceivedV1.topic,
      group: ROUTER_GROUP,
      value: () => JSON.stringify(complaintWith('信用卡年费被扣', (event) => (event.complaint.context = { ['branch\ud800']: 'x' }))),
      follower: (key) => ({ value: JSON.stringify(ordinaryComplaint(key)), eventType: 'complaint.received.v1' }),
      reason: 'contract-violation',
    },
    {
      name: 'a message without a value (a tombstone)',
      topic: ComplaintReceivedV1.topic,
      group: ROUTER_GROUP,
      value: () => null,
      follower: (key) => ({ value: JSON.stringify(ordinaryComplaint(key)), eventType: 'complaint.received.v1' }),
      reason: 'contract-violation',
    },
    {
      name: 'a JSON array instead of an event',
      topic: ComplaintReceivedV1.topic,
      group: ROUTER_GROUP,
      value: () => JSON.stringify([complaintWith('信用卡年费被扣')]),
      follower: (key) => ({ value: JSON.stringify(ordinaryComplaint(key)), eventType: 'complaint.received.v1' }),
      reason: 'contract-violation',
    },
    {
      name: 'an event nested 100,000 levels deep',
      topic: ComplaintReceivedV1.topic,
      group: ROUTER_GROUP,
      value: () => JSON.stringify(complaintWith('信用卡年费被扣')).replace(/}$/, `,"deep":${'['.repeat(100_000)}${']'.repeat(100_000)}}`),
      follower: (key) => ({ value: JSON.stringify(ordinaryComplaint(key)), eventType: 'complaint.received.v1' }),
      reason: /^(contract-violation|invalid-json|unreadable)$/,
    },
    {
      name: "another topic's event (a routed complaint on complaints.received.v1)",
      topic: ComplaintReceivedV1.topic,
      group: ROUTER_GROUP,
      value: () => JSON.stringify(routedComplaint()),
      follower: (key) => ({ value: JSON.stringify(ordinaryComplaint(key)), eventType: 'complaint.received.v1' }),
      reason: 'contract-violation',
    },
    {
      name: 'a complaint text of 300,000 characters',
      topic: ComplaintReceivedV1.topic,
      group: ROUTER_GROUP,
      value: () => JSON.stringify(complaintWith('钱'.repeat(300_000))),
      follower: (key) => ({ value: JSON.stringify(ordinaryComplaint(key)), eventType: 'complaint.received.v1' }),
      reason: 'contract-violation',
    },
    {
      name: 'a survey answer out of range (score 0, a 3,000-character comment)',
      topic: CustomerResponseV1.topic,
      group: CUSTOMER_RESPONSES_GROUP,
      value: (key) => JSON.stringify({ ...survey(key, 'x'.repeat(3_000)), satisfaction: { score: 0, comment: 'x'.repeat(3_000) } }),
      follower: (key) => ({
        value: JSON.stringify(survey(key, 'an ordinary comment for a case that does not exist')),
        eventType: 'customer.response.v1',
      }),
      reason: 'contract-violation',
    },
    {
      name: 'a NUL character in a complaint text: PostgreSQL refuses it in the batch the router stores (SQLSTATE class 22)',
      topic: ComplaintReceivedV1.topic,
      group: ROUTER_GROUP,
      value: () => JSON.stringify(complaintWith('信用卡年费\u0000被扣除')),
      follower: (key) => ({ value: JSON.stringify(ordinaryComplaint(key)), eventType: 'complaint.received.v1' }),
      reason: 'data-error',
      sqlState: /^22/,
      readModel: true,
    },
    {
      name: 'a NUL character in a routed complaint: PostgreSQL refuses it in the case cases opens (SQLSTATE class 22)',
      topic: ComplaintRoutedV1.topic,
      group: CASES_GROUP,
      value: () => {
        const event = JSON.parse(JSON.stringify(routedComplaint())) as Record<string, any>;
        event.complaint.content.text = '信用卡年费\u0000被扣除';
        return JSON.stringify(event);
      },
      follower: (key) => ({ value: JSON.stringify(routedComplaint({ complaintId: key })), eventType: 'complaint.routed.v1' }),
      reason: 'data-error',
      sqlState: /^22/,
    },
  ];

  it.each(pills)('$name: dead-lettered with its headers, and the next complaint on its partition becomes a case', async (pill) => {
    const key = randomUUID();
    const correlationId = `poison-${key}`;
    const poison = pill.value(key);
    const follower = pill.follower(key);
    const [sent] = await producer.send({
      topic: pill.topic,
      acks: -1,
      // One request: the pill and the ordinary message are adjacent on the partition (and in one batch for batch consumers).
      messages: [
        { key, value: poison, headers: headersOf(correlationId, 'poison') },
        { key, value: follower.value, headers: headersOf(`ordinary-${key}`, follower.eventType) },
      ],
    });
    const pillOffset = BigInt(sent.baseOffset!);

    // The ordinary complaint under the same key becomes a case within seconds.
    let ordinaryReference: string;
    if (pill.topic === CustomerResponseV1.topic) {
      const complaint = ordinaryComplaint(key);
      await producer.send({
        topic: ComplaintReceivedV1.topic,
        acks: -1,
        messages: [{ key, value: JSON.stringify(complaint), headers: headersOf(`ordinary-${key}`, 'complaint.received.v1') }],
      });
      ordinaryReference = complaint.complaint.reference;
    } else {
      ordinaryReference = (JSON.parse(follower.value) as { complaint: { reference: string } }).complaint.reference;
    }
    await eventually(() => caseOf(ordinaryReference), 45_000, 200);

    // The pill is on <topic>.dlq, byte for byte, with its own headers and why it was refused.
    const dead = await eventually(
      async () => deadLetters.find((m) => m.key === key && m.headers['dlq-consumer-group'] === pill.group),
      30_000,
      200,
    );
    expect(dead.topic).toBe(dlqTopic(pill.topic));
    expect(dead.value).toBe(poison);
    if (typeof pill.reason === 'string') expect(dead.headers['dlq-reason']).toBe(pill.reason);
    else expect(dead.headers['dlq-reason']).toMatch(pill.reason);
    expect(dead.headers).toMatchObject({
      'correlation-id': correlationId,
      'event-type': 'poison',
      'dlq-original-topic': pill.topic,
      'dlq-original-partition': String(sent.partition),
      'dlq-original-offset': String(pillOffset),
    });
    if (pill.sqlState) expect(dead.headers['dlq-sqlstate']).toMatch(pill.sqlState);
    else expect(dead.headers['dlq-sqlstate']).toBeUndefined();

    // The group moved past the pill and the ordinary message after it.
    await eventually(
      async () => ((await committedOffset(pill.group, pill.topic, sent.partition)) >= pillOffset + 2n ? true : undefined),
      30_000,
      200,
    );
    // Dead-lettered once by its group, and nothing of it was stored.
    expect(deadLetters.filter((m) => m.key === key && m.headers['dlq-consumer-group'] === pill.group)).toHaveLength(1);
    if (pill.readModel) {
      // The analytics read model (a batch consumer of the same topic, which keeps only what it reports on) is not held up either.
      await eventually(
        async () =>
          (await db.query('SELECT 1 FROM analytics.complaint_facts WHERE complaint_id = $1', [key])).rowCount ? true : undefined,
        45_000,
        200,
      );
      await eventually(
        async () => ((await committedOffset(analyticsReceivedGroup, pill.topic, sent.partition)) >= pillOffset + 2n ? true : undefined),
        30_000,
        200,
      );
    }
    const pillEvent = poison === null ? undefined : tryParse(poison);
    if (pillEvent?.complaint?.reference) expect(await caseOf(pillEvent.complaint.reference)).toBeUndefined();
  });

  describe('intake-social: conversations over the limits', () => {
    const quietMs = 1_000;
    async function record(userId: string, text: string): Promise<{ complaintId: string; reference: string }> {
      const store = social.app.get(ConversationStore);
      const candidate = { complaintId: randomUUID(), reference: reference(), eventId: randomUUID() };
      const receivedAt = new Date();
      await store.record({
        message: {
          channel: 'wechat',
          account: WECHAT.appId,
          userId,
          messageId: `poison-${randomUUID()}`,
          text,
          sentAt: receivedAt,
          via: 'official-account',
        },
        receivedAt,
        correlationId: `corr-${candidate.complaintId}`,
        quietWindowMs: quietMs,
        maxConversationMs: 60_000,
        candidate,
        replyFor: (_, ref) => `收到，编号 ${ref}`,
      });
      return candidate;
    }
    const statusOf = async (complaintId: string) =>
      (await db.query('SELECT status, publish_error FROM intake_social.conversations WHERE complaint_id = $1', [complaintId])).rows[0] as {
        status: string;
        publish_error: string | null;
      };

    it('a message over 20,000 characters and an emoji at the limit are cut at a code point, and every conversation of the pass becomes a case', async () => {
      const oversize = await record(`oPoisonBig_${Date.now()}`, '钱'.repeat(25_000));
      const emoji = await record(`oPoisonEmoji_${Date.now()}`, `${'a'.repeat(19_999)}\u{1F600}\u{1F600}`);
      const ordinary = await record(`oOrdinary_${Date.now()}`, '我的信用卡昨晚被盗刷了两笔');

      for (const conversation of [oversize, emoji, ordinary]) await eventually(() => caseOf(conversation.reference), 45_000, 200);
      const big = (await decisionOf(oversize.complaintId))!;
      expect(big.complaint.content.text).toBe('钱'.repeat(20_000));
      expect(big.complaint.context.extra).toMatchObject({ truncated: 'true' });
      const cut = (await decisionOf(emoji.complaintId))!;
      expect(cut.complaint.content.text).toBe(`${'a'.repeat(19_999)}\u{1F600}`);
      expect(cut.complaint.content.text.isWellFormed()).toBe(true);
      expect((await decisionOf(ordinary.complaintId))!.complaint.context.extra?.truncated).toBeUndefined();
      for (const conversation of [oversize, emoji, ordinary]) expect((await statusOf(conversation.complaintId)).status).toBe('published');
    });

    it('a conversation that can never satisfy the contract is set aside as rejected, with the reason, and the others are published', async () => {
      const impossible = await record(`o${'x'.repeat(200)}`, '我的信用卡被盗刷了'); // an openId longer than the contract's 128
      const ordinary = await record(`oOrdinary2_${Date.now()}`, '信用卡年费未经同意被扣除');
      await eventually(() => caseOf(ordinary.reference), 45_000, 200);
      const rejected = await eventually(
        async () => ((await statusOf(impossible.complaintId)).status === 'rejected' ? statusOf(impossible.complaintId) : undefined),
        30_000,
        200,
      );
      expect(rejected.publish_error).toMatch(/openId/);
      expect(await caseOf(impossible.reference)).toBeUndefined();
    });
  });
});

function tryParse(text: string): Record<string, any> | undefined {
  try {
    return JSON.parse(text) as Record<string, any>;
  } catch {
    return undefined;
  }
}

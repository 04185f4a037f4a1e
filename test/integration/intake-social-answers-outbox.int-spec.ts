import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { CustomerResponseV1, customerResponseIdFor, newReference, satisfactionResponse, Topics } from '@complaints/contracts';
import { createKafka, EventPublisher, PostgresOutboxRelay } from '@complaints/messaging';
import { dropDatabase, ensureDatabase, migrate } from '@complaints/persistence';
import { ReceiveMessageUseCase } from '../../apps/intake-social/src/application/receive-message/receive-message.use-case';
import { IntakeSocialConfig } from '../../apps/intake-social/src/intake-social.config';
import { surveyAnswersOutbox } from '../../apps/intake-social/src/infrastructure/messaging/survey-answers-outbox';
import {
  INTAKE_SOCIAL_SCHEMA,
  intakeSocialDataSourceOptions,
} from '../../apps/intake-social/src/infrastructure/persistence/intake-social.data-source';
import { CreateConversations1764600000000 } from '../../apps/intake-social/src/infrastructure/persistence/migrations/1764600000000-create-conversations';
import { SurveyReplies1764700000000 } from '../../apps/intake-social/src/infrastructure/persistence/migrations/1764700000000-survey-replies';
import { SurveyExpiry1765100000000 } from '../../apps/intake-social/src/infrastructure/persistence/migrations/1765100000000-survey-expiry';
import { SurveyAnswersOutbox1766100000000 } from '../../apps/intake-social/src/infrastructure/persistence/migrations/1766100000000-survey-answers-outbox';
import { CallbackReplayGuard1766200000000 } from '../../apps/intake-social/src/infrastructure/persistence/migrations/1766200000000-callback-replay-guard';
import { PostgresConversationStore } from '../../apps/intake-social/src/infrastructure/persistence/postgres-conversation.store';
import { PostgresSurveyStore } from '../../apps/intake-social/src/infrastructure/persistence/postgres-survey.store';
import { testConfig } from '../support/configs';
import { eventually } from '../support/running-app';
import { TopicReader } from '../support/topic-reader';
import { databaseOfItsOwn } from '../support/own-database';

interface OutboxRow {
  event_id: string;
  message_key: string;
  attempts: number;
  last_error: string | null;
  published_at: Date | null;
}

/**
 * intake-social's survey answers wait in `intake_social.outbox` while Kafka is unreachable and go out
 * once a relay runs: answers left pending by the service's former relay (columns of `messages`) are
 * carried over by the migration, and an answer recorded while the broker is down is published by the
 * next relay. A database of its own, so no running service's relay races these.
 */
describe('intake-social: survey answers outbox (real Kafka and PostgreSQL)', () => {
  const url = databaseOfItsOwn('answers');
  const config = testConfig(IntakeSocialConfig, { DATABASE_URL: url, SOCIAL_PUBLISH_POLL_MS: '100' });
  const logger = new PinoLogger({ pinoHttp: { level: 'silent' } });
  const silent = pino({ level: 'silent' });
  const brokerDown = new EventPublisher(
    createKafka({ brokers: ['127.0.0.1:1'], clientId: 'social-outbox-down', logger: silent, connectionTimeoutMs: 200 }),
    1_000,
  );
  const brokerUp = new EventPublisher(createKafka({ brokers: config.kafkaBrokers, clientId: 'social-outbox-up', logger: silent }));
  const options = intakeSocialDataSourceOptions(url);
  let responses: TopicReader<CustomerResponseV1>;
  let db: DataSource;

  const outboxRow = async (eventId: string) =>
    (
      await db.query<OutboxRow[]>(
        'SELECT event_id, message_key, attempts, last_error, published_at FROM intake_social.outbox WHERE event_id = $1',
        [eventId],
      )
    )[0];
  const onTopic = (eventId: string) => responses.messages.filter((m) => m.value.eventId === eventId);

  function answer(messageId: string, score: number, receivedAt: Date) {
    return satisfactionResponse({
      eventId: customerResponseIdFor('wechat', messageId),
      source: 'intake-social',
      channel: 'wechat',
      reference: newReference('wechat', receivedAt),
      complaintId: randomUUID(),
      identity: { openId: `oOutbox_${randomUUID().slice(0, 8)}` },
      score,
      correlationId: randomUUID(),
      receivedAt,
    });
  }

  beforeAll(async () => {
    await dropDatabase(url);
    await ensureDatabase(url);
    responses = await TopicReader.open<CustomerResponseV1>(Topics.customerResponsesV1);
  });

  afterAll(async () => {
    await Promise.all([responses?.close(), brokerDown.disconnect().catch(() => undefined), brokerUp.disconnect()]);
    await db?.destroy();
    await dropDatabase(url);
  });

  it('carries answers the former relay left pending into the outbox, and publishes them once Kafka answers', async () => {
    // The schema as the service's own relay left it: answers waiting in columns of `messages`.
    const before = await new DataSource({
      ...options,
      migrations: [CreateConversations1764600000000, SurveyReplies1764700000000, SurveyExpiry1765100000000],
    }).initialize();
    await migrate(before, INTAKE_SOCIAL_SCHEMA);
    const receivedAt = new Date(Date.now() - 60_000);
    const pending = [answer('outbox-pending-1', 5, receivedAt), answer('outbox-pending-2', 2, new Date(receivedAt.getTime() + 1_000))];
    const published = answer('outbox-published', 4, new Date(receivedAt.getTime() - 1_000));
    const insert = (messageId: string, response: CustomerResponseV1, status: 'pending' | 'published', at: Date) =>
      before.query(
        `INSERT INTO intake_social.messages (channel, account, message_id, complaint_id, outcome, text, via, sent_at, received_at,
                                             reply, reply_status, response, response_status, response_after)
         VALUES ('wechat', 'wxtest00000000001', $1, NULL, 'survey-answered', '满意', 'official-account', $2, $2, '感谢您的评价', 'in-response', $3, $4, $5)`,
        // A lease in the future: the former relay had claimed it when the service stopped.
        [messageId, at, JSON.stringify(response), status, new Date(Date.now() + 600_000)],
      );
    await insert('outbox-pending-2', pending[1], 'pending', new Date(receivedAt.getTime() + 1_000));
    await insert('outbox-pending-1', pending[0], 'pending', receivedAt);
    await insert('outbox-published', published, 'published', new Date(receivedAt.getTime() - 1_000));
    await before.destroy();

    // Up to the callback replay guard, so undoing the last two migrations (below) undoes the outbox's.
    db = await new DataSource({
      ...options,
      migrations: [
        CreateConversations1764600000000,
        SurveyReplies1764700000000,
        SurveyExpiry1765100000000,
        SurveyAnswersOutbox1766100000000,
        CallbackReplayGuard1766200000000,
      ],
    }).initialize();
    expect(await migrate(db, INTAKE_SOCIAL_SCHEMA)).toEqual(['SurveyAnswersOutbox1766100000000', 'CallbackReplayGuard1766200000000']);
    const moved = await db.query<OutboxRow[]>('SELECT event_id, message_key, attempts, published_at FROM intake_social.outbox ORDER BY id');
    // In the order they were received, under their event ids and case keys; the published one is not sent again.
    expect(moved).toEqual(pending.map((r) => ({ event_id: r.eventId, message_key: r.complaintId, attempts: 0, published_at: null })));
    const columns = await db.query<{ column_name: string }[]>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'intake_social' AND table_name = 'messages'`,
    );
    expect(columns.map((c) => c.column_name)).toEqual(expect.arrayContaining(['response']));
    expect(columns.map((c) => c.column_name)).not.toEqual(expect.arrayContaining(['response_status']));
    // CallbackReplayGuard: every message has its sender, here from the answer's identity.
    const senders = await db.query<{ message_id: string; user_id: string }[]>(
      `SELECT message_id, user_id FROM intake_social.messages ORDER BY message_id`,
    );
    expect(senders).toEqual([
      { message_id: 'outbox-pending-1', user_id: pending[0].identity.openId },
      { message_id: 'outbox-pending-2', user_id: pending[1].identity.openId },
      { message_id: 'outbox-published', user_id: published.identity.openId },
    ]);

    // Kafka unreachable: the relay fails, says why, and keeps them.
    const downRelay = new PostgresOutboxRelay(db, brokerDown, logger, surveyAnswersOutbox(config));
    expect(await downRelay.drain()).toBe(0);
    for (const r of pending)
      expect(await outboxRow(r.eventId)).toMatchObject({
        attempts: 1,
        last_error: expect.stringMatching(/Kafka did not acknowledge/),
        published_at: null,
      });

    const upRelay = new PostgresOutboxRelay(db, brokerUp, logger, surveyAnswersOutbox(config));
    expect(await upRelay.drain()).toBe(2);
    expect(await upRelay.drain()).toBe(0);
    await eventually(async () => (pending.every((r) => onTopic(r.eventId).length > 0) ? true : undefined), 15_000);
    for (const r of pending) {
      expect(onTopic(r.eventId)).toEqual([
        expect.objectContaining({
          key: r.complaintId,
          value: expect.objectContaining({ eventId: r.eventId, satisfaction: r.satisfaction }),
        }),
      ]);
      expect(await outboxRow(r.eventId)).toMatchObject({ attempts: 2, last_error: null, published_at: expect.any(Date) });
    }
    expect(onTopic(published.eventId)).toHaveLength(0);
  });

  it('keeps an answer recorded while Kafka is unreachable and publishes it, once, when the relay runs', async () => {
    const userId = `oOutbox_${randomUUID().slice(0, 8)}`;
    const resolvedAt = new Date(Date.now() - 60_000);
    const survey = { channel: 'wechat' as const, userId, reference: newReference('wechat', resolvedAt), complaintId: randomUUID() };
    expect(
      await new PostgresSurveyStore(db).apply({
        kind: 'sent',
        ...survey,
        account: 'wxtest00000000001',
        at: resolvedAt,
        expiresAt: new Date(Date.now() + 3_600_000),
      }),
    ).toBe('applied');

    const downRelay = new PostgresOutboxRelay(db, brokerDown, logger, surveyAnswersOutbox(config));
    const receive = new ReceiveMessageUseCase(new PostgresConversationStore(db), downRelay, 120, 1_800, 'intake-social');
    const messageId = `outbox-${randomUUID()}`;
    const message = {
      channel: 'wechat' as const,
      account: 'wxtest00000000001',
      userId,
      messageId,
      text: '满意',
      sentAt: new Date(),
      via: 'official-account',
    };
    const recorded = await receive.execute(message, randomUUID());
    expect(recorded).toMatchObject({ outcome: 'survey-answered', reference: survey.reference, complaintId: survey.complaintId });
    // The answer kicked the relay, which could not reach Kafka: the answer waits in the outbox.
    await downRelay.whenIdle();
    const eventId = customerResponseIdFor('wechat', `${userId}|${messageId}`);
    expect(await outboxRow(eventId)).toMatchObject({
      message_key: survey.complaintId,
      attempts: 1,
      last_error: expect.stringMatching(/Kafka did not acknowledge/),
      published_at: null,
    });
    // The same message again (WeChat's retry) adds nothing to the outbox.
    expect(await receive.execute(message, randomUUID())).toMatchObject({ outcome: 'duplicate', reference: survey.reference });
    await downRelay.whenIdle();
    expect((await db.query('SELECT count(*)::int AS n FROM intake_social.outbox WHERE event_id = $1', [eventId]))[0].n).toBe(1);

    // The relay the service starts (polling every SOCIAL_PUBLISH_POLL_MS) publishes it.
    const relay = new PostgresOutboxRelay(db, brokerUp, logger, surveyAnswersOutbox(config));
    relay.start();
    try {
      await eventually(async () => ((await outboxRow(eventId)).published_at ? true : undefined), 15_000);
      await eventually(async () => (onTopic(eventId).length > 0 ? true : undefined), 15_000);
      await new Promise((resolve) => setTimeout(resolve, 500)); // more passes: nothing goes out twice
    } finally {
      await relay.stop();
    }
    expect(onTopic(eventId)).toEqual([
      expect.objectContaining({
        key: survey.complaintId,
        value: expect.objectContaining({ reference: survey.reference, identity: { openId: userId }, satisfaction: { score: 5 } }),
      }),
    ]);
  });

  it('can be migrated back: answers still in the outbox are pending again for the former relay, the others published', async () => {
    const stuck = answer('outbox-stuck', 3, new Date());
    // Recorded as the service records an answer: the message with its response, the response in the outbox; not published yet.
    await db.query(
      `INSERT INTO intake_social.messages (channel, account, message_id, complaint_id, outcome, text, via, sent_at, received_at, reply, reply_status, response, user_id)
       VALUES ('wechat', 'wxtest00000000001', 'outbox-stuck', NULL, 'survey-answered', '3', 'official-account', now(), now(), '感谢您的评价', 'in-response', $1, $2)`,
      [JSON.stringify(stuck), stuck.identity.openId],
    );
    await db.query('INSERT INTO intake_social.outbox (event_id, topic, message_key, payload) VALUES ($1, $2, $3, $4)', [
      stuck.eventId,
      Topics.customerResponsesV1,
      stuck.complaintId,
      JSON.stringify(stuck),
    ]);
    await db.undoLastMigration({ transaction: 'each' }); // CallbackReplayGuard, then the outbox's
    await db.undoLastMigration({ transaction: 'each' });
    const statuses = await db.query(
      `SELECT message_id, response_status FROM intake_social.messages WHERE outcome = 'survey-answered' ORDER BY message_id`,
    );
    expect(statuses).toEqual([
      { message_id: expect.stringMatching(/^outbox-[0-9a-f]{8}-/), response_status: 'published' }, // the previous test's
      { message_id: 'outbox-pending-1', response_status: 'published' },
      { message_id: 'outbox-pending-2', response_status: 'published' },
      { message_id: 'outbox-published', response_status: 'published' },
      { message_id: 'outbox-stuck', response_status: 'pending' },
    ]);
    expect((await db.query(`SELECT to_regclass('intake_social.outbox') AS t`))[0].t).toBeNull();
  });
});

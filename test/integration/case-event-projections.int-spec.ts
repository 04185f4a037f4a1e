import { randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import { Client } from 'pg';
import { CaseEventType, CaseEventV1, CaseStatus, Channel, dlqTopic, newReference, Topics } from '@complaints/contracts';
import { PiiCipher } from '@complaints/security';
import { IntakeMobileConfig } from '../../apps/intake-mobile/src/intake-mobile.config';
import { IntakeMobileModule, intakeMobileHttpOptions } from '../../apps/intake-mobile/src/intake-mobile.module';
import { IntakeWebConfig } from '../../apps/intake-web/src/intake-web.config';
import { INTAKE_WEB_GROUP } from '../../apps/intake-web/src/interface/case-events.consumer';
import { IntakeWebModule } from '../../apps/intake-web/src/intake-web.module';
import { NOTIFIER_GROUP } from '../../apps/notifier/src/interface/case-events.consumer';
import { NotifierConfig } from '../../apps/notifier/src/notifier.config';
import { NotifierModule } from '../../apps/notifier/src/notifier.module';
import { caseEvent, testProducer } from '../support/case-events';
import { testConfig } from '../support/configs';
import { skipToEnd } from '../support/consumer-lag';
import { RecordingServer } from '../support/recording-server';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { TopicReader } from '../support/topic-reader';

/**
 * The case-event projections of the intakes and the notifier take the events of a batch together (one
 * fetch, one statement) on the real topic: a case's status follows its last event, each event counts
 * once however often it is delivered, other channels' events are passed over unread, and an invalid
 * event of the service's own channel is dead-lettered with the dlq-* headers while the rest of the
 * batch is applied.
 */
describe('case-event projections: batches on the real topic', () => {
  let producer: Producer;
  let db: Client;

  beforeAll(async () => {
    producer = await testProducer();
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await Promise.all([producer?.disconnect(), db?.end()]);
  });

  /** Sends messages in one request, each keyed by its complaint (so one complaint's stay in order). */
  const send = (messages: Array<{ key: string; value: unknown }>) =>
    producer.send({ topic: Topics.caseEventsV1, messages: messages.map((m) => ({ key: m.key, value: JSON.stringify(m.value) })) });
  const message = (event: CaseEventV1) => ({ key: event.case.complaintId, value: event });
  /** The event with a status no case has: a contract violation. */
  const poisoned = (event: CaseEventV1) => ({ ...event, case: { ...event.case, status: 'NOT_A_STATUS' } });

  function eventOf(
    complaint: { reference: string; complaintId: string; channel: Channel },
    type: CaseEventType,
    status: CaseStatus,
    options: { customerVisible?: boolean; at?: Date; contact?: CaseEventV1['case']['contact'] } = {},
  ): CaseEventV1 {
    const event = caseEvent({
      type,
      case: { ...complaint, status, ...(options.contact ? { contact: options.contact } : {}) },
      customerVisible: options.customerVisible ?? true,
    });
    if (options.at) event.at = options.at.toISOString();
    return event;
  }

  describe('intake-web', () => {
    let intake: RunningApp;
    let deadLetters: TopicReader<CaseEventV1>;

    beforeAll(async () => {
      intake = await startApp(IntakeWebModule.register(testConfig(IntakeWebConfig, { INTAKE_RATE_LIMIT_PER_MIN: '0' })));
      deadLetters = await TopicReader.open<CaseEventV1>(dlqTopic(Topics.caseEventsV1));
    });
    afterAll(async () => {
      await Promise.all([intake?.close(), deadLetters?.close()]);
    });

    it('applies a batch of web cases, once per event, passes over other channels, and dead-letters only its own poison', async () => {
      const web = [1, 2, 3].map(() => ({ reference: newReference('web', new Date()), complaintId: randomUUID(), channel: 'web' as const }));
      const feedback = eventOf(web[1], 'case.feedback_sent', 'IN_PROGRESS');
      const perCase = web.map((c) => [
        eventOf(c, 'case.opened', 'RECEIVED'),
        eventOf(c, 'case.assigned', 'ASSIGNED', { customerVisible: false }),
      ]);
      perCase[1].push(feedback, feedback);
      perCase[2].push(eventOf(web[2], 'case.resolved', 'RESOLVED'));
      const mobile = { reference: newReference('mobile', new Date()), complaintId: randomUUID(), channel: 'mobile' as const };
      // Two invalid events under one key (one partition, in this order): a mobile one, then a web one.
      const poisonKey = randomUUID();
      const mobilePoison = poisoned(eventOf(mobile, 'case.opened', 'RECEIVED'));
      const webPoison = poisoned(eventOf(web[0], 'case.closed', 'CLOSED'));
      await send([
        ...perCase.flat().map(message),
        message(eventOf(mobile, 'case.opened', 'RECEIVED')),
        { key: poisonKey, value: mobilePoison },
        { key: poisonKey, value: webPoison },
      ]);

      const ours = web.map((c) => c.reference);
      const expected = { [web[0].reference]: 'ASSIGNED', [web[1].reference]: 'IN_PROGRESS', [web[2].reference]: 'RESOLVED' };
      const statuses = async () => {
        const rows = await db.query<{ reference: string; status: string }>(
          'SELECT reference, status FROM intake_web.case_progress WHERE reference = ANY($1)',
          [ours],
        );
        return Object.fromEntries(rows.rows.map((r) => [r.reference, r.status]));
      };
      await eventually(async () => (JSON.stringify(await statuses()) === JSON.stringify(expected) ? true : undefined), 60_000).catch(
        () => undefined,
      );
      expect(await statuses()).toEqual(expected);
      const updates = await db.query<{ reference: string; kind: string }>(
        'SELECT reference, kind FROM intake_web.case_updates WHERE reference = ANY($1) ORDER BY reference, at, kind',
        [ours],
      );
      // Customer-visible events only, the feedback once although it came twice.
      expect(updates.rows.map((r) => `${r.reference}:${r.kind}`).sort()).toEqual(
        [
          `${web[0].reference}:opened`,
          `${web[1].reference}:opened`,
          `${web[1].reference}:feedback_sent`,
          `${web[2].reference}:opened`,
          `${web[2].reference}:resolved`,
        ].sort(),
      );
      const mobileRows = await db.query('SELECT 1 FROM intake_web.case_progress WHERE reference = $1', [mobile.reference]);
      expect(mobileRows.rowCount).toBe(0);

      // The web poison is dead-lettered by intake-web, with where it came from and why.
      const letter = await eventually(async () =>
        deadLetters.messages.find((m) => m.value.eventId === webPoison.eventId && m.headers['dlq-consumer-group'] === INTAKE_WEB_GROUP),
      );
      expect(letter.key).toBe(poisonKey);
      expect(letter.headers).toMatchObject({
        'dlq-reason': 'contract-violation',
        'dlq-error-type': 'ContractViolation',
        'dlq-original-topic': Topics.caseEventsV1,
        'dlq-consumer-group': INTAKE_WEB_GROUP,
      });
      // The mobile poison came first on the same partition: intake-web passed over it (it is not the web intake's).
      expect(
        deadLetters.messages.filter(
          (m) => m.value.eventId === mobilePoison.eventId && m.headers['dlq-consumer-group'] === INTAKE_WEB_GROUP,
        ),
      ).toEqual([]);
    });
  });

  describe('intake-mobile', () => {
    let mobile: RunningApp;

    beforeAll(async () => {
      const config = testConfig(IntakeMobileConfig, { MOBILE_RATE_LIMIT_PER_MIN: '0' });
      mobile = await startApp(IntakeMobileModule.register(config), intakeMobileHttpOptions(config));
    });
    afterAll(async () => {
      await mobile?.close();
    });

    it("applies a batch: each complaint's status follows its latest update by time (the later on a tie), each event once, unknown complaints ignored", async () => {
      const [a, b] = [1, 2].map(() => ({
        reference: newReference('mobile', new Date()),
        complaintId: randomUUID(),
        channel: 'mobile' as const,
      }));
      for (const c of [a, b]) {
        await db.query(
          `INSERT INTO intake_mobile.submissions (complaint_id, customer_id, idempotency_key, reference, request_hash, status, event, received_at)
           VALUES ($1, $2, $4, $3, 'h', 'accepted', '{}'::jsonb, now())`,
          [c.complaintId, `cust-${randomUUID()}`, c.reference, randomUUID()],
        );
      }
      const t0 = Date.now();
      const at = (s: number) => new Date(t0 + s * 1000);
      const opened = eventOf(a, 'case.opened', 'RECEIVED', { at: at(1) });
      const unknown = { reference: newReference('mobile', new Date()), complaintId: randomUUID(), channel: 'mobile' as const };
      await send(
        [
          opened,
          eventOf(a, 'case.assigned', 'ASSIGNED', { customerVisible: false, at: at(3) }),
          // Arrives last but happened earlier: recorded, the status stays ASSIGNED.
          eventOf(a, 'case.feedback_sent', 'IN_PROGRESS', { at: at(2) }),
          opened,
          eventOf(b, 'case.feedback_sent', 'IN_PROGRESS', { at: at(5) }),
          eventOf(b, 'case.resolution_proposed', 'RESPONDED', { at: at(5) }),
          eventOf(unknown, 'case.opened', 'RECEIVED'),
        ].map(message),
      );

      const counts = await eventually(async () => {
        const rows = await db.query<{ complaint_id: string; n: string }>(
          'SELECT complaint_id, count(*) AS n FROM intake_mobile.case_updates WHERE complaint_id = ANY($1) GROUP BY complaint_id',
          [[a.complaintId, b.complaintId, unknown.complaintId]],
        );
        const byId = Object.fromEntries(rows.rows.map((r) => [r.complaint_id, Number(r.n)]));
        return byId[a.complaintId] === 3 && byId[b.complaintId] === 2 ? byId : undefined;
      }, 60_000);
      expect(counts).toEqual({ [a.complaintId]: 3, [b.complaintId]: 2 });
      const statuses = await db.query<{ complaint_id: string; case_status: string; case_updated_at: Date }>(
        'SELECT complaint_id, case_status, case_updated_at FROM intake_mobile.submissions WHERE complaint_id = ANY($1)',
        [[a.complaintId, b.complaintId]],
      );
      expect(Object.fromEntries(statuses.rows.map((r) => [r.complaint_id, [r.case_status, r.case_updated_at.toISOString()]]))).toEqual({
        [a.complaintId]: ['ASSIGNED', at(3).toISOString()],
        [b.complaintId]: ['RESPONDED', at(5).toISOString()],
      });
    });
  });

  describe('notifier', () => {
    let notifier: RunningApp;
    let sms: RecordingServer;
    let cipher: PiiCipher;

    beforeAll(async () => {
      sms = await RecordingServer.start(() => 200);
      const config = testConfig(NotifierConfig, {
        SMS_GATEWAY_URL: `${sms.url}/v1/sms`,
        SMS_GATEWAY_TOKEN: 'test-sms-token',
        NOTIFY_POLL_MS: '50',
      });
      cipher = PiiCipher.fromSetting(config.PII_KEYS, config.PII_ACTIVE_KEY_ID);
      // Only what this test publishes: earlier tests' events would be notified too.
      await skipToEnd(NOTIFIER_GROUP, Topics.caseEventsV1);
      notifier = await startApp(NotifierModule.register(config));
    });
    afterAll(async () => {
      await Promise.all([notifier?.close(), sms?.close()]);
    });

    it('queues the notifications of a batch once per event and route, and nothing for internal events', async () => {
      const contact = { phone: cipher.seal('+8613700137001'), phoneLast4: '7001' };
      const cases = [1, 2].map(() => ({ reference: newReference('web', new Date()), complaintId: randomUUID(), channel: 'web' as const }));
      const opened = cases.map((c) => eventOf(c, 'case.opened', 'RECEIVED', { contact }));
      const internal = eventOf(cases[0], 'case.assigned', 'ASSIGNED', { customerVisible: false, contact });
      const feedback = eventOf(cases[1], 'case.feedback_sent', 'IN_PROGRESS', { contact });
      await send([opened[0], opened[1], internal, feedback, feedback, opened[0]].map(message));

      const wanted = [...opened, feedback].map((e) => `${e.eventId}:sms`);
      const rows = await eventually(async () => {
        const found = await db.query<{ id: string }>('SELECT id FROM notifier.deliveries WHERE id LIKE ANY($1)', [
          [...opened, internal, feedback].map((e) => `${e.eventId}:%`),
        ]);
        return found.rows.length >= wanted.length ? found.rows.map((r) => r.id).sort() : undefined;
      }, 60_000);
      expect(rows).toEqual(wanted.sort());
    });
  });
});

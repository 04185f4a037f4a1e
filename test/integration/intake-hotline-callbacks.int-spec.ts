import { Producer } from 'kafkajs';
import { Client } from 'pg';
import { CaseEventType, Channel } from '@complaints/contracts';
import { signPayload } from '@complaints/security';
import { IntakeHotlineConfig } from '../../apps/intake-hotline/src/intake-hotline.config';
import { IntakeHotlineModule, intakeHotlineHttpOptions } from '../../apps/intake-hotline/src/intake-hotline.module';
import { caseEvent, publishCaseEvents, testProducer } from '../support/case-events';
import { testConfig } from '../support/configs';
import { pushCalls, sampleCall } from '../support/hotline-client';
import { RecordingServer } from '../support/recording-server';
import { eventually, RunningApp, startApp } from '../support/running-app';

/**
 * Status callbacks to call centres, against real local HTTP servers standing in for them. The case
 * events are published on the real topic, in the shape the cases service publishes them.
 */
describe('intake-hotline: status callbacks to the call centre', () => {
  let hotline: RunningApp;
  let flaky: RecordingServer;
  let down: RecordingServer;
  let producer: Producer;
  let db: Client;

  beforeAll(async () => {
    flaky = await RecordingServer.start((_, index) => (index < 2 ? 500 : 200));
    down = await RecordingServer.start(() => 503);
    const config = testConfig(IntakeHotlineConfig, {
      HOTLINE_SECRETS: 'cc-flaky:flaky-secret,cc-down:down-secret',
      HOTLINE_CALLBACK_URLS: `cc-flaky:${flaky.url}/callbacks,cc-down:${down.url}/callbacks`,
      HOTLINE_CALLBACK_BACKOFF_MS: '50',
      HOTLINE_CALLBACK_MAX_ATTEMPTS: '3',
      HOTLINE_CALLBACK_POLL_MS: '50',
    });
    hotline = await startApp(IntakeHotlineModule.register(config), intakeHotlineHttpOptions(config));
    producer = await testProducer();
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await Promise.all([hotline?.close(), producer?.disconnect(), db?.end()]);
    await Promise.all([flaky?.close(), down?.close()]);
  });

  async function acceptedCall(callcenterId: string, secret: string) {
    const call = sampleCall();
    const res = await pushCalls(hotline.url, { calls: [call] }, { callcenterId, secret });
    const result = res.body.results![0];
    expect(result.status).toBe('accepted');
    return { callId: call.callId as string, reference: result.reference!, complaintId: result.complaintId! };
  }

  async function publishCaseEvent(
    type: CaseEventType,
    call: { callId: string; reference: string; complaintId: string },
    callcenterId: string,
    channel: Channel = 'hotline',
  ) {
    const event = caseEvent({
      type,
      case: {
        channel,
        reference: call.reference,
        complaintId: call.complaintId,
        source: { system: callcenterId, messageId: call.callId, receivedAt: new Date().toISOString() },
        contact: { phoneLast4: '8000' },
        status: type === 'case.closed' ? 'CLOSED' : 'RECEIVED',
        department: 'FRAUD',
      },
    });
    // Twice: Kafka delivers at least once, and the call centre must still hear about it once.
    await publishCaseEvents(producer, event, event);
    return event.eventId;
  }

  it('tells the call centre when the case opens, retrying a failing endpoint until it answers, signed like a push', async () => {
    const call = await acceptedCall('cc-flaky', 'flaky-secret');
    const eventId = await publishCaseEvent('case.opened', call, 'cc-flaky');

    await eventually(async () => (flaky.requests.some((r) => r.answeredWith === 200) ? true : undefined));
    const attempts = flaky.requests.filter((r) => JSON.parse(r.body).eventId === eventId);
    expect(attempts.map((r) => r.answeredWith)).toEqual([500, 500, 200]);

    const delivered = attempts[2];
    expect(delivered.url).toBe('/callbacks');
    expect(JSON.parse(delivered.body)).toEqual({
      event: 'case.opened',
      eventId,
      callId: call.callId,
      reference: call.reference,
      complaintId: call.complaintId,
      status: 'RECEIVED',
      department: 'FRAUD',
      occurredAt: expect.any(String),
    });
    expect(delivered.headers['x-callcenter-id']).toBe('cc-flaky');
    expect(delivered.headers['idempotency-key']).toBe(eventId);
    expect(delivered.headers['x-signature']).toBe(signPayload('flaky-secret', String(delivered.headers['x-timestamp']), delivered.body));

    const row = await db.query('SELECT status, attempts FROM intake_hotline.deliveries WHERE id = $1', [eventId]);
    expect(row.rows).toEqual([{ status: 'delivered', attempts: 3 }]);
  });

  it('tells it when the case closes, and ignores other events and other channels', async () => {
    const call = await acceptedCall('cc-flaky', 'flaky-secret');
    await publishCaseEvent('case.assigned', call, 'cc-flaky');
    await publishCaseEvent('case.closed', call, 'cc-flaky', 'web');
    const closed = await publishCaseEvent('case.closed', call, 'cc-flaky');
    await eventually(async () =>
      flaky.requests.some((r) => JSON.parse(r.body).eventId === closed && r.answeredWith === 200) ? true : undefined,
    );
    const forCall = flaky.requests.filter((r) => JSON.parse(r.body).callId === call.callId);
    expect(forCall.map((r) => JSON.parse(r.body).event)).toEqual(['case.closed']);
  });

  it('keeps a dead-letter record when the call centre keeps failing', async () => {
    const call = await acceptedCall('cc-down', 'down-secret');
    const eventId = await publishCaseEvent('case.opened', call, 'cc-down');
    const row = await eventually(async () => {
      const result = await db.query('SELECT status, attempts, last_error FROM intake_hotline.deliveries WHERE id = $1', [eventId]);
      return result.rows[0]?.status === 'dead' ? result.rows[0] : undefined;
    });
    expect(row).toEqual({ status: 'dead', attempts: 3, last_error: 'call centre answered HTTP 503' });
    expect(down.requests.filter((r) => JSON.parse(r.body).eventId === eventId)).toHaveLength(3);
  });
});

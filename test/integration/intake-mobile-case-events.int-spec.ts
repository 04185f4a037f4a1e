import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { CaseEventType, CaseEventV1, CaseStatus, Topics } from '@complaints/contracts';
import { IntakeMobileConfig } from '../../apps/intake-mobile/src/intake-mobile.config';
import { IntakeMobileModule, intakeMobileHttpOptions } from '../../apps/intake-mobile/src/intake-mobile.module';
import { testConfig } from '../support/configs';
import { PNG } from '../support/evidence-samples';
import { appRequest, customerToken, submitComplaint } from '../support/mobile-client';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { TopicReader } from '../support/topic-reader';

interface Detail {
  reference: string;
  status: CaseStatus;
  updatedAt: string;
  attachments: unknown[];
  timeline: Array<{ event: string; status: string; message: string | null; at: string }>;
}

interface Received {
  complaint: {
    complaintId: string;
    reference: string;
    channel: string;
    source: { system: string; messageId: string | null; receivedAt: string };
    customer: { customerId?: string };
  };
}

/**
 * End to end on the real broker: a complaint filed in the app is on complaints.received.v1; case
 * events published on complaints.case-events.v1 (in the shape the cases service publishes them)
 * change what the customer sees, and internal notes never show.
 */
describe('intake-mobile: the customer follows their case', () => {
  let mobile: RunningApp;
  let received: TopicReader<Received>;
  let producer: Producer;

  beforeAll(async () => {
    const config = testConfig(IntakeMobileConfig, { MOBILE_RATE_LIMIT_PER_MIN: '0' });
    mobile = await startApp(IntakeMobileModule.register(config), intakeMobileHttpOptions(config));
    received = await TopicReader.open<Received>(Topics.complaintReceivedV1);
    producer = new Kafka({ clientId: 'test-cases', brokers: process.env.KAFKA_BROKERS!.split(','), logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
  });
  afterAll(async () => {
    await Promise.all([mobile?.close(), received?.close(), producer?.disconnect()]);
  });

  function caseEvent(
    complaint: Received['complaint'],
    eventType: CaseEventType,
    status: CaseStatus,
    at: Date,
    extra: { customerVisible: boolean; message?: string; channel?: string },
  ): CaseEventV1 {
    return Object.assign(new CaseEventV1(), {
      eventId: randomUUID(),
      eventType,
      eventVersion: 1 as const,
      occurredAt: at.toISOString(),
      correlationId: randomUUID(),
      causationId: null,
      source: 'cases',
      case: {
        reference: complaint.reference,
        complaintId: complaint.complaintId,
        channel: extra.channel ?? complaint.channel,
        source: complaint.source,
        contact: {},
        customerId: complaint.customer.customerId,
        language: 'zh',
        status,
        department: 'PAYMENTS',
        priority: 'P2',
        assignee: eventType === 'case.opened' ? null : 'agent-7',
      },
      actor: { type: eventType === 'case.opened' ? 'system' : 'staff', id: eventType === 'case.opened' ? 'cases' : 'agent-7' },
      customerVisible: extra.customerVisible,
      ...(extra.message ? { message: extra.message } : {}),
      at: at.toISOString(),
    });
  }

  const publish = (events: CaseEventV1[]) =>
    producer.send({ topic: Topics.caseEventsV1, messages: events.map((e) => ({ key: e.case.complaintId, value: JSON.stringify(e) })) });

  it('shows status and the customer-visible timeline from case events, once each, without internal notes', async () => {
    const customerId = `cust-${randomUUID()}`;
    const token = await customerToken(customerId);
    const filed = await submitComplaint(mobile.url, customerId, {
      text: '转账失败但扣款,要求退回',
      product: 'PAYMENT',
      attachments: [{ data: PNG.toString('base64') }],
    });
    expect(filed.status).toBe(202);

    const message = await eventually(async () => received.messages.find((m) => m.value.complaint.complaintId === filed.body.complaintId));
    const complaint = message.value.complaint;
    expect(complaint).toMatchObject({ reference: filed.body.reference, channel: 'mobile', customer: { customerId } });

    const t0 = Date.now();
    const at = (seconds: number) => new Date(t0 + seconds * 1000);
    const opened = caseEvent(complaint, 'case.opened', 'RECEIVED', at(1), { customerVisible: true, message: '我们已收到您的投诉' });
    const assigned = caseEvent(complaint, 'case.assigned', 'ASSIGNED', at(2), { customerVisible: false });
    const note = caseEvent(complaint, 'case.note_added', 'ASSIGNED', at(3), {
      customerVisible: false,
      message: 'INTERNAL: customer called twice, check the ledger',
    });
    const feedback = caseEvent(complaint, 'case.feedback_sent', 'IN_PROGRESS', at(4), {
      customerVisible: true,
      message: '款项正在核查,预计3个工作日内退回',
    });
    // Delivered twice (at least once delivery): must count once.
    await publish([opened, assigned, note, feedback, feedback]);

    const url = `/v1/app/complaints/${filed.body.reference}`;
    const inProgress = await eventually(async () => {
      const res = await appRequest<Detail>(mobile.url, url, { token });
      return res.body.status === 'IN_PROGRESS' ? res.body : undefined;
    });
    expect(inProgress.timeline).toEqual([
      { event: 'complaint.received', status: 'RECEIVED', message: null, at: expect.any(String) },
      { event: 'case.opened', status: 'RECEIVED', message: '我们已收到您的投诉', at: at(1).toISOString() },
      { event: 'case.feedback_sent', status: 'IN_PROGRESS', message: '款项正在核查,预计3个工作日内退回', at: at(4).toISOString() },
    ]);
    expect(JSON.stringify(inProgress)).not.toContain('INTERNAL');
    expect(inProgress.updatedAt).toBe(at(4).toISOString());
    expect(inProgress.attachments).toHaveLength(1);

    // A late, older event does not roll the status back; a newer one moves it on.
    const stale = caseEvent(complaint, 'case.status_changed', 'ASSIGNED', at(2.5), { customerVisible: false });
    const resolved = caseEvent(complaint, 'case.resolved', 'RESOLVED', at(5), { customerVisible: true, message: '已退回 1999.50 元' });
    await publish([stale, resolved]);
    const done = await eventually(async () => {
      const res = await appRequest<Detail>(mobile.url, url, { token });
      return res.body.status === 'RESOLVED' ? res.body : undefined;
    });
    expect(done.timeline.map((t) => t.event)).toEqual(['complaint.received', 'case.opened', 'case.feedback_sent', 'case.resolved']);

    const list = await appRequest<{ items: Array<{ reference: string; status: string }> }>(mobile.url, '/v1/app/complaints', { token });
    expect(list.body.items).toEqual([expect.objectContaining({ reference: filed.body.reference, status: 'RESOLVED' })]);

    // Another customer still cannot see it.
    const other = await appRequest(mobile.url, url, { token: await customerToken(`cust-${randomUUID()}`) });
    expect(other.status).toBe(404);
  });

  it('accepts a full-size 10 MB photo (the default limit) and keeps it intact', async () => {
    const customerId = `cust-${randomUUID()}`;
    const photo = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024 - PNG.length, 7)]);
    const started = Date.now();
    const filed = await submitComplaint(mobile.url, customerId, {
      text: 'photo of the ATM screen',
      attachments: [{ data: photo.toString('base64'), contentType: 'image/png' }],
    });
    const elapsedMs = Date.now() - started;
    expect(filed.status).toBe(202);
    expect(filed.body.attachments).toEqual([expect.objectContaining({ sizeBytes: 10 * 1024 * 1024, contentType: 'image/png' })]);
    const path = `/v1/app/complaints/${filed.body.reference}/attachments/${(filed.body.attachments[0] as { id: string }).id}`;
    const download = await fetch(`${mobile.url}${path}`, { headers: { authorization: `Bearer ${await customerToken(customerId)}` } });
    expect(Buffer.from(await download.arrayBuffer()).equals(photo)).toBe(true);
    process.stdout.write(`10 MB attachment accepted in ${elapsedMs} ms\n`);
  });

  it('ignores case events of other channels and of complaints it did not issue', async () => {
    const customerId = `cust-${randomUUID()}`;
    const token = await customerToken(customerId);
    const filed = await submitComplaint(mobile.url, customerId, { text: 'second complaint' });
    const complaint = (
      await eventually(async () => received.messages.find((m) => m.value.complaint.complaintId === filed.body.complaintId))
    ).value.complaint;
    const now = new Date();
    const webEvent = caseEvent(complaint, 'case.closed', 'CLOSED', now, {
      customerVisible: true,
      channel: 'web',
      message: 'closed on the web',
    });
    const stranger = caseEvent({ ...complaint, complaintId: randomUUID() }, 'case.closed', 'CLOSED', now, { customerVisible: true });
    const marker = caseEvent(complaint, 'case.assigned', 'ASSIGNED', now, { customerVisible: true, message: '已分配专人处理' });
    await publish([webEvent, stranger, marker]);
    const view = await eventually(async () => {
      const res = await appRequest<Detail>(mobile.url, `/v1/app/complaints/${filed.body.reference}`, { token });
      return res.body.status === 'ASSIGNED' ? res.body : undefined;
    });
    expect(view.timeline.map((t) => t.message)).toEqual([null, '已分配专人处理']);
  });
});

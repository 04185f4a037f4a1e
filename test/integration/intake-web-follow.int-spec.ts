import { randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import { CaseEventType, CaseStatus, CustomerResponseV1, newReference, Topics } from '@complaints/contracts';
import { IntakeWebConfig } from '../../apps/intake-web/src/intake-web.config';
import { IntakeWebModule } from '../../apps/intake-web/src/intake-web.module';
import { caseEvent, publishCaseEvents, testProducer } from '../support/case-events';
import { testConfig } from '../support/configs';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { uniquePhone } from '../support/phones';
import { TopicReader } from '../support/topic-reader';

/** A web customer follows their complaint: status look-up and the satisfaction survey, fed by case events on the real topic. */
describe('intake-web: the customer follows their complaint', () => {
  let digits = '7000';
  beforeEach(() => {
    digits = uniquePhone().last4;
  });
  const otherDigits = () => String((Number(digits) + 1) % 10_000).padStart(4, '0');
  let intake: RunningApp;
  let producer: Producer;
  let responses: TopicReader<CustomerResponseV1>;

  beforeAll(async () => {
    intake = await startApp(IntakeWebModule.register(testConfig(IntakeWebConfig, { INTAKE_RATE_LIMIT_PER_MIN: '0' })));
    producer = await testProducer();
    responses = await TopicReader.open<CustomerResponseV1>(Topics.customerResponsesV1);
  });
  afterAll(async () => {
    await Promise.all([intake?.close(), producer?.disconnect(), responses?.close()]);
  });

  async function post(path: string, body: unknown) {
    const res = await fetch(`${intake.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as Record<string, any> };
  }

  /** The test's customer files a complaint (each test its own customer: same customer and matter would be a repeat). */
  async function fileComplaint() {
    const res = await post('/v1/complaints', {
      text: '网点柜员办理业务太慢，排队两个小时',
      customer: { name: '王五', phone: `1370013${digits}` },
      consent: true,
    });
    expect(res.status).toBe(202);
    return { reference: res.body.reference as string, complaintId: res.body.complaintId as string };
  }

  function tellCase(
    complaint: { reference: string; complaintId: string },
    type: CaseEventType,
    status: CaseStatus,
    options: { customerVisible?: boolean; message?: string } = {},
  ) {
    return publishCaseEvents(
      producer,
      caseEvent({
        type,
        case: { channel: 'web', reference: complaint.reference, complaintId: complaint.complaintId, status, department: 'RETAIL_BANKING' },
        ...options,
      }),
    );
  }

  it('shows the status and the updates the customer was told about, for the reference and the phone’s last four digits', async () => {
    const complaint = await fileComplaint();
    const fresh = await post('/v1/complaints/lookup', { reference: complaint.reference, phoneLast4: digits });
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({ reference: complaint.reference, status: 'RECEIVED', updates: [] });

    await tellCase(complaint, 'case.opened', 'RECEIVED');
    await tellCase(complaint, 'case.note_added', 'IN_PROGRESS', { customerVisible: false, message: 'internal: branch manager on leave' });
    await tellCase(complaint, 'case.feedback_sent', 'IN_PROGRESS', { message: '已联系网点负责人核实排队情况。' });

    const later = await eventually(async () => {
      const res = await post('/v1/complaints/lookup', { reference: complaint.reference, phoneLast4: digits });
      return res.body.updates?.length === 2 ? res : undefined;
    });
    expect(later.body.status).toBe('IN_PROGRESS');
    expect(later.body.updates.map((u: { kind: string }) => u.kind)).toEqual(['opened', 'feedback_sent']);
    expect(later.body.updates[1].message).toBe('已联系网点负责人核实排队情况。');
    expect(JSON.stringify(later.body)).not.toContain('internal');
  });

  it('answers 404 alike for wrong digits and unknown references, and 400 naming the field for malformed ones', async () => {
    const complaint = await fileComplaint();
    const wrongDigits = await post('/v1/complaints/lookup', { reference: complaint.reference, phoneLast4: otherDigits() });
    const unknown = await post('/v1/complaints/lookup', { reference: 'C20200101-W00000', phoneLast4: digits });
    expect(wrongDigits.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(wrongDigits.body).toEqual(unknown.body);
    expect(wrongDigits.type).toContain('application/problem+json');
    const malformed = await post('/v1/complaints/lookup', { reference: 'nope', phoneLast4: '70' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['phoneLast4', 'reference']);
  });

  it('takes the satisfaction score once the complaint is answered, and hands it to the case service', async () => {
    const complaint = await fileComplaint();
    const early = await post(`/v1/complaints/${complaint.reference}/satisfaction`, { phoneLast4: digits, score: 5 });
    expect(early.status).toBe(409);

    await tellCase(complaint, 'case.resolved', 'RESOLVED', { message: '已对柜员进行培训。' });
    await eventually(async () =>
      (await post('/v1/complaints/lookup', { reference: complaint.reference, phoneLast4: digits })).body.status === 'RESOLVED'
        ? true
        : undefined,
    );

    expect((await post(`/v1/complaints/${complaint.reference}/satisfaction`, { phoneLast4: digits, score: 9 })).body.errors).toEqual([
      { field: 'score', message: 'score must be a whole number from 1 to 5' },
    ]);
    expect((await post(`/v1/complaints/${complaint.reference}/satisfaction`, { phoneLast4: otherDigits(), score: 2 })).status).toBe(404);
    const rated = await post(`/v1/complaints/${complaint.reference}/satisfaction`, { phoneLast4: digits, score: 2, comment: '等太久了' });
    expect(rated.status).toBe(202);

    const response = await eventually(async () => responses.values((r) => r.reference === complaint.reference)[0]);
    expect(response).toMatchObject({
      eventType: 'customer.response',
      kind: 'satisfaction',
      channel: 'web',
      complaintId: complaint.complaintId,
      satisfaction: { score: 2, comment: '等太久了' },
    });

    // One answer per complaint: a second one (even two at once) is 409 and publishes nothing.
    const again = await Promise.all(
      [1, 1, 5].map((score) => post(`/v1/complaints/${complaint.reference}/satisfaction`, { phoneLast4: digits, score })),
    );
    expect(again.map((r) => [r.status, r.body.type])).toEqual(Array(3).fill([409, 'https://complaints.example/problems/already-rated']));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(responses.values((r) => r.reference === complaint.reference)).toHaveLength(1);
  });

  it('takes one answer when two arrive at the same moment', async () => {
    const complaint = await fileComplaint();
    await tellCase(complaint, 'case.resolved', 'RESOLVED', { message: '已处理。' });
    await eventually(async () =>
      (await post('/v1/complaints/lookup', { reference: complaint.reference, phoneLast4: digits })).body.status === 'RESOLVED'
        ? true
        : undefined,
    );
    const answers = await Promise.all(
      [1, 2, 3, 4].map((score) => post(`/v1/complaints/${complaint.reference}/satisfaction`, { phoneLast4: digits, score })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([202, 409, 409, 409]);
    await eventually(async () => responses.values((r) => r.reference === complaint.reference)[0]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(responses.values((r) => r.reference === complaint.reference)).toHaveLength(1);
  });

  it('never shows another case through a reference, even one that says it merged this complaint', async () => {
    const complaint = await fileComplaint();
    await tellCase(complaint, 'case.opened', 'RECEIVED');
    // Someone else's case (by phone) with a linked_complaint naming this web complaint: its events are not this customer's.
    const other = {
      channel: 'hotline' as const,
      reference: newReference('hotline', new Date()),
      complaintId: randomUUID(),
      department: 'RETAIL_BANKING' as const,
    };
    const otherEvents = [
      caseEvent({ type: 'case.feedback_sent', case: { ...other, status: 'IN_PROGRESS' }, message: '已受理电话投诉，客户账户尾号 1234。' }),
      caseEvent({
        type: 'case.linked_complaint',
        case: { ...other, status: 'RESOLVED', priority: 'P1' },
        message: `您的新投诉 ${complaint.reference} 与投诉 ${other.reference} 为同一事项。`,
        data: {
          linkedReference: complaint.reference,
          linkedComplaintId: complaint.complaintId,
          channel: 'web',
          priority: 'P1',
          previousPriority: 'P2',
        },
      }),
    ];
    // Keyed like this complaint's own events, so they are consumed before its next one.
    await producer.send({
      topic: Topics.caseEventsV1,
      messages: otherEvents.map((e) => ({ key: complaint.complaintId, value: JSON.stringify(e) })),
    });
    await tellCase(complaint, 'case.feedback_sent', 'IN_PROGRESS', { message: '正在核实。' });
    const shown = await eventually(async () => {
      const res = await post('/v1/complaints/lookup', { reference: complaint.reference, phoneLast4: digits });
      return res.body.updates?.length === 2 ? res : undefined;
    });
    expect(shown.body).toEqual({
      reference: complaint.reference,
      status: 'IN_PROGRESS',
      receivedAt: expect.any(String),
      updatedAt: expect.any(String),
      updates: [expect.objectContaining({ kind: 'opened' }), expect.objectContaining({ kind: 'feedback_sent', message: '正在核实。' })],
    });
    expect(JSON.stringify(shown.body)).not.toContain(other.reference);
    // Nor can it be rated through this reference: this complaint's own case has no answer yet.
    expect((await post(`/v1/complaints/${complaint.reference}/satisfaction`, { phoneLast4: digits, score: 1 })).body.type).toContain(
      'complaint-not-resolved',
    );
  });
});

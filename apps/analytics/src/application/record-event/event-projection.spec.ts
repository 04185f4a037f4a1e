import { CaseEventV1, ComplaintReceivedV1, ComplaintRoutedV1 } from '@complaints/contracts';
import { projectCaseEvent, projectReceived, projectRouted } from './event-projection';

const AT = '2026-11-29T02:00:00.000Z';
const CASE_ID = '11111111-1111-4111-8111-111111111111';
const REPEAT_ID = '22222222-2222-4222-8222-222222222222';

function caseEvent(eventType: string, data: Record<string, unknown>): CaseEventV1 {
  return Object.assign(new CaseEventV1(), {
    eventId: '33333333-3333-4333-8333-333333333333',
    eventType,
    eventVersion: 1,
    occurredAt: AT,
    correlationId: 'c',
    causationId: null,
    source: 'cases',
    case: {
      reference: 'C20261129-AAAAAA',
      complaintId: CASE_ID,
      channel: 'web',
      source: { system: 'web-form', messageId: null, receivedAt: AT },
      contact: { phone: 'pii:v1:k:a:b:c', phoneLast4: '8000' },
      customerId: 'cust-1',
      language: 'zh',
      status: 'IN_PROGRESS',
      department: 'FRAUD',
      priority: 'P1',
      assignee: 'agent-1',
    },
    actor: { type: 'staff', id: 'agent-1' },
    customerVisible: true,
    message: '您好,张三先生',
    data,
    at: AT,
  });
}

describe('event projections', () => {
  it('keep no personal data or free text of a case event but the closure fields', () => {
    const [p] = projectCaseEvent(
      caseEvent('case.linked_complaint', { linkedComplaintId: CASE_ID, text: '我的卡被盗刷', priority: 'P1' }),
      7,
    );
    const stored = JSON.stringify(p);
    for (const secret of ['pii:v1', '8000', 'cust-1', '张三', '盗刷', 'agent-1']) expect(stored).not.toContain(secret);
    expect(p).toMatchObject({
      complaintId: CASE_ID,
      topic: 'case',
      offset: 7,
      at: AT,
      caseEvent: { kind: 'linked_complaint', department: 'FRAUD', priority: 'P1' },
    });
  });

  it('file a merged repeat complaint under both complaints', () => {
    const projections = projectCaseEvent(
      caseEvent('case.linked_complaint', { linkedComplaintId: REPEAT_ID, linkedReference: 'C20261129-BBBBBB' }),
      8,
    );
    expect(projections.map((p) => p.complaintId)).toEqual([CASE_ID, REPEAT_ID]);
  });

  it('take the routing and the repeat link from a routed complaint, keyed by its own time', () => {
    const routed = {
      eventId: '44444444-4444-4444-8444-444444444444',
      occurredAt: AT,
      complaint: {
        complaintId: REPEAT_ID,
        reference: 'C20261129-BBBBBB',
        channel: 'wechat',
        receivedAt: AT,
        context: { branch: 'SH-001', extra: { region: '310000' } },
      },
      routing: {
        department: 'FRAUD',
        category: { product: 'CREDIT_CARD', reason: 'FUNDS_SECURITY', servicePoint: 'ONLINE' },
        priority: 'P1',
        escalation: true,
        linkedCaseReference: 'C20261129-AAAAAA',
        routedAt: '2026-11-29T02:00:01.000Z',
      },
    } as unknown as ComplaintRoutedV1;
    const [p] = projectRouted(routed, 3);
    expect(p).toEqual({
      eventId: routed.eventId,
      complaintId: REPEAT_ID,
      topic: 'routed',
      offset: 3,
      at: '2026-11-29T02:00:01.000Z',
      complaint: { reference: 'C20261129-BBBBBB', channel: 'wechat', receivedAt: AT, branch: 'SH-001', region: '310000' },
      routing: {
        product: 'CREDIT_CARD',
        reason: 'FUNDS_SECURITY',
        servicePoint: 'ONLINE',
        department: 'FRAUD',
        priority: 'P1',
        escalation: true,
        linkedCaseReference: 'C20261129-AAAAAA',
      },
    });
  });

  it.each([
    ['a province code', { region: '440000' }, '440000'],
    ['a Chinese name', { region: '广东省' }, '440000'],
    ['a name the intakes would not take', { region: 'Guangdong' }, '440000'],
    ['a district code', { region: '440305' }, null],
    ['free text', { region: '华南' }, null],
    ['no region', { branch: 'SZ-01' }, null],
  ])('keep the region of a received complaint with %s as its province code, else none (UNKNOWN)', (_, extra, region) => {
    const received = {
      eventId: '55555555-5555-4555-8555-555555555555',
      occurredAt: AT,
      complaint: { complaintId: CASE_ID, reference: 'C20261129-AAAAAA', channel: 'web', receivedAt: AT, context: { extra } },
    } as unknown as ComplaintReceivedV1;
    expect(projectReceived(received, 1)[0].complaint).toMatchObject({ region });
  });
});

import { randomUUID } from 'node:crypto';
import { CaseEventType, CaseEventV1, CaseStatus, Channel } from '@complaints/contracts';
import { CallbackPayload } from '../../domain/callback';
import { InMemoryDeliveryOutbox } from '../in-memory/in-memory-delivery-outbox';
import { QueueCallbackUseCase } from './queue-callback.use-case';

const now = new Date('2026-12-01T09:00:00.000Z');

function caseEvent(
  eventType: CaseEventType,
  status: CaseStatus,
  snapshot: { channel?: Channel; system?: string; callId?: string | null } = {},
) {
  return Object.assign(new CaseEventV1(), {
    eventId: randomUUID(),
    eventType,
    eventVersion: 1 as const,
    occurredAt: '2026-12-01T08:59:00.000Z',
    correlationId: 'corr-1',
    causationId: null,
    source: 'cases',
    case: {
      reference: 'C20261201-H7K3Q9',
      complaintId: '0b8a4cf4-43a5-5b5e-9d6c-000000000001',
      channel: snapshot.channel ?? 'hotline',
      source: {
        system: snapshot.system ?? 'cc-1',
        messageId: snapshot.callId === undefined ? 'call-1' : snapshot.callId,
        receivedAt: '2026-12-01T08:00:00.000Z',
      },
      contact: {},
      language: 'zh' as const,
      status,
      department: 'LENDING' as const,
      priority: 'P2' as const,
      assignee: null,
    },
    actor: { type: 'system' as const, id: 'cases' },
    customerVisible: true,
    at: '2026-12-01T08:59:00.000Z',
  });
}

function callbacks() {
  const outbox = new InMemoryDeliveryOutbox<CallbackPayload>();
  const queue = new QueueCallbackUseCase(
    outbox,
    (callcenterId) => callcenterId === 'cc-1',
    () => now,
  );
  return { outbox, queue };
}

describe('QueueCallbackUseCase', () => {
  it('queues a status callback to the call centre the call came from when its case opens', async () => {
    const { outbox, queue } = callbacks();
    const event = caseEvent('case.opened', 'RECEIVED');

    await expect(queue.execute(event)).resolves.toBe(true);

    expect(await outbox.claimDue(10, 30_000, now)).toEqual([
      {
        id: event.eventId,
        target: 'cc-1',
        attempts: 0,
        payload: {
          event: 'case.opened',
          eventId: event.eventId,
          callId: 'call-1',
          reference: 'C20261201-H7K3Q9',
          complaintId: '0b8a4cf4-43a5-5b5e-9d6c-000000000001',
          status: 'RECEIVED',
          department: 'LENDING',
          occurredAt: '2026-12-01T08:59:00.000Z',
        },
      },
    ]);
  });

  it('queues one callback per event however often Kafka delivers it', async () => {
    const { outbox, queue } = callbacks();
    const closed = caseEvent('case.closed', 'CLOSED');

    await expect(queue.execute(closed)).resolves.toBe(true);
    await expect(queue.execute(closed)).resolves.toBe(false);

    expect(outbox.entries.size).toBe(1);
  });

  it.each([
    ['another event of a hotline case', caseEvent('case.assigned', 'ASSIGNED')],
    ['a case of another channel', caseEvent('case.opened', 'RECEIVED', { channel: 'web' })],
    ['a call centre without a callback URL', caseEvent('case.opened', 'RECEIVED', { system: 'cc-2' })],
    ['a case without the call id', caseEvent('case.opened', 'RECEIVED', { callId: null })],
  ])('owes no callback for %s', async (_what, event) => {
    const { outbox, queue } = callbacks();

    await expect(queue.execute(event)).resolves.toBe(false);
    expect(outbox.entries.size).toBe(0);
  });

  it('reads unchecked JSON the same way, without tripping over anything malformed', () => {
    const { queue } = callbacks();
    const json = (event: CaseEventV1): unknown => JSON.parse(JSON.stringify(event));

    expect(queue.concerns(json(caseEvent('case.closed', 'CLOSED')))).toBe(true);
    expect(queue.concerns(json(caseEvent('case.assigned', 'ASSIGNED')))).toBe(false);
    expect(queue.concerns(json(caseEvent('case.opened', 'RECEIVED', { channel: 'mobile' })))).toBe(false);
    expect(queue.concerns(json(caseEvent('case.opened', 'RECEIVED', { system: 'cc-2' })))).toBe(false);
    for (const junk of [
      null,
      'x',
      {},
      { eventType: 7, case: { channel: 'hotline' } },
      { eventType: 'case.opened', case: { channel: 'hotline', source: null } },
    ])
      expect(queue.concerns(junk)).toBe(false);
  });
});

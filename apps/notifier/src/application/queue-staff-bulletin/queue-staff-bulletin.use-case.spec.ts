import { randomUUID } from 'node:crypto';
import { StaffBulletinV1 } from '@complaints/contracts';
import type { Notification } from '../../domain/notification';
import type { StaffMessage } from '../../domain/staff-message';
import { InMemoryDeliveryOutbox } from '../in-memory/in-memory-delivery.outbox';
import { QueueStaffBulletinUseCase } from './queue-staff-bulletin.use-case';

const NOW = new Date('2026-12-01T01:00:00.000Z');

const row = (key: string) => ({
  key,
  volume: { value: 3, previous: 1, change: 2 },
  cases: { value: 3, previous: 1, change: 2 },
  measures: [],
});

const bulletin = (): StaffBulletinV1 =>
  Object.assign(new StaffBulletinV1(), {
    eventId: randomUUID(),
    eventType: StaffBulletinV1.type,
    eventVersion: 1 as const,
    occurredAt: NOW.toISOString(),
    correlationId: 'bulletin-2026-W48',
    causationId: null,
    source: 'analytics',
    week: '2026-W48',
    from: '2026-11-23',
    to: '2026-11-29',
    timeZone: 'Asia/Shanghai',
    scorecard: { previousFrom: '2026-11-16', previousTo: '2026-11-22', total: row('ALL'), departments: [row('CARD_CENTER')] },
    hotspots: [],
    hotspotsTotal: 0,
    improvements: { closedCases: 0, rootCauses: [], correctiveActions: [] },
  });

function setUp(recipients = { emails: ['ops@bank.example', 'cp@bank.example'], webhooks: ['teams'] }) {
  const outbox = new InMemoryDeliveryOutbox<Notification | StaffMessage>();
  return { outbox, queue: new QueueStaffBulletinUseCase(outbox, recipients, () => NOW) };
}

describe('QueueStaffBulletinUseCase', () => {
  it('queues the rendered bulletin once per recipient, e-mail and webhook', async () => {
    const { outbox, queue } = setUp();
    const event = bulletin();

    expect(await queue.execute(event)).toEqual({ queued: 3 });

    expect(outbox.requests().map((r) => [r.id, r.target])).toEqual([
      [`${event.eventId}:staff-email:ops@bank.example`, 'staff-email'],
      [`${event.eventId}:staff-email:cp@bank.example`, 'staff-email'],
      [`${event.eventId}:staff-webhook:teams`, 'staff-webhook'],
    ]);
    const payload = outbox.requests()[0].payload as StaffMessage;
    expect(payload).toMatchObject({ kind: 'staff-bulletin', bulletinId: event.eventId, week: '2026-W48', data: { week: '2026-W48' } });
    expect(payload.subject).toContain('2026-W48');
  });

  it('queues nothing new for a redelivered bulletin', async () => {
    const { outbox, queue } = setUp();
    const event = bulletin();
    await queue.execute(event);
    expect(await queue.execute(event)).toEqual({ queued: 0 });
    expect(outbox.requests()).toHaveLength(3);
  });

  it('queues nothing when no recipient is configured', async () => {
    const { queue } = setUp({ emails: [], webhooks: [] });
    expect(await queue.execute(bulletin())).toEqual({ queued: 0 });
  });
});

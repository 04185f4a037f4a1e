import type { Notification, Route } from '../../domain/notification';
import { caseEvent } from '../in-memory/case-event';
import { InMemoryDeliveryOutbox } from '../in-memory/in-memory-delivery.outbox';
import { QueueNotificationsUseCase } from './queue-notifications.use-case';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const SEALED_PHONE = 'pii:v1:sealed-phone';
const SEALED_EMAIL = 'pii:v1:sealed-email';

function setUp(routes: Route[] = ['sms', 'email', 'wechat', 'weibo', 'push']) {
  const outbox = new InMemoryDeliveryOutbox<Notification>();
  return { outbox, queue: new QueueNotificationsUseCase(outbox, new Set(routes), 'zh', () => NOW) };
}

const webOpened = (language: 'zh' | 'en' | 'other' = 'en') =>
  caseEvent('case.opened', { channel: 'web', language, contact: { phone: SEALED_PHONE, email: SEALED_EMAIL } });

describe('QueueNotificationsUseCase', () => {
  it('queues one message per route the customer can be reached on, in their language, with the reference', async () => {
    const { outbox, queue } = setUp();
    const event = webOpened('en');

    expect(await queue.execute([event])).toEqual([{ queued: ['sms', 'email'], unconfigured: [] }]);

    const requests = outbox.requests();
    expect(requests.map((r) => [r.id, r.target, r.payload.recipient])).toEqual([
      [`${event.eventId}:sms`, 'sms', SEALED_PHONE],
      [`${event.eventId}:email`, 'email', SEALED_EMAIL],
    ]);
    expect(requests[0].payload).toMatchObject({ language: 'en', reference: event.case.reference, eventType: 'case.opened' });
    expect(requests[0].payload.text).toContain(event.case.reference);
  });

  it('writes to a customer whose language is neither Chinese nor English in the default language', async () => {
    const { outbox, queue } = setUp();
    await queue.execute([webOpened('other')]);
    expect(outbox.requests().map((r) => r.payload.language)).toEqual(['zh', 'zh']);
  });

  it('answers on the channel the customer used: WeChat to their openId, the app by push', async () => {
    const { outbox, queue } = setUp();
    await queue.execute([
      caseEvent('case.resolved', { channel: 'wechat', contact: { openId: 'o-1' } }),
      caseEvent('case.resolved', { channel: 'mobile', customerId: 'cust-1' }),
    ]);
    expect(outbox.requests().map((r) => [r.target, r.payload.recipient])).toEqual([
      ['wechat', 'o-1'],
      ['push', 'cust-1'],
    ]);
  });

  it('queues nothing for internal events or kinds customers are not told about', async () => {
    const { outbox, queue } = setUp();
    const internal = caseEvent('case.opened', { channel: 'web', contact: { phone: SEALED_PHONE } }, { customerVisible: false });
    const note = caseEvent('case.note_added', { channel: 'web', contact: { phone: SEALED_PHONE } });

    expect(await queue.execute([internal, note])).toEqual([
      { queued: [], unconfigured: [] },
      { queued: [], unconfigured: [] },
    ]);
    expect(outbox.requests()).toEqual([]);
    expect(QueueNotificationsUseCase.concerns(JSON.parse(JSON.stringify(internal)))).toBe(false);
    expect(QueueNotificationsUseCase.concerns(JSON.parse(JSON.stringify(note)))).toBe(true);
  });

  it('reports the routes without a gateway here instead of queueing on them', async () => {
    const { outbox, queue } = setUp(['email']);
    expect(await queue.execute([webOpened()])).toEqual([{ queued: ['email'], unconfigured: ['sms'] }]);
    expect(outbox.requests().map((r) => r.target)).toEqual(['email']);
  });

  it('queues a redelivered event, or one twice in a batch, once', async () => {
    const { outbox, queue } = setUp();
    const event = webOpened();
    await queue.execute([event]);

    const outcomes = await queue.execute([event, event]);

    expect(outcomes).toEqual([
      { queued: [], unconfigured: [] },
      { queued: [], unconfigured: [] },
    ]);
    expect(outbox.requests()).toHaveLength(2);
  });

  it('reports a new event named twice in one batch as queued for its first delivery only', async () => {
    const { outbox, queue } = setUp();
    const event = webOpened();

    expect(await queue.execute([event, event])).toEqual([
      { queued: ['sms', 'email'], unconfigured: [] },
      { queued: [], unconfigured: [] },
    ]);
    expect(outbox.requests()).toHaveLength(2);
  });

  it('tells the caller when the outbox does not answer', async () => {
    const { outbox, queue } = setUp();
    outbox.unavailable = new Error('connection refused');
    await expect(queue.execute([webOpened()])).rejects.toThrow('connection refused');
  });
});

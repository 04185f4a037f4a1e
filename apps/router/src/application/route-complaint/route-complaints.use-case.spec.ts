import { randomUUID } from 'node:crypto';
import { ComplaintReceivedV1, CustomerV1 } from '@complaints/contracts';
import { DEFAULT_RULES } from '../../domain/default-rules';
import type { Handler } from '../../domain/handler';
import { raisePriority } from '../../domain/repeat-complaint';
import { InMemoryMatterStore } from '../in-memory/in-memory-matter.store';
import { InMemoryRoutedComplaintPublisher } from '../in-memory/in-memory-routed-complaint.publisher';
import { InMemoryRoutingDatabase } from '../in-memory/in-memory-routing-database';
import { InMemoryRoutingDecisionStore } from '../in-memory/in-memory-routing-decision.store';
import { InMemoryRuleSetRepository } from '../in-memory/in-memory-rule-set.repository';
import { CustomerFingerprints } from '../repeat-complaints/customer-fingerprints';
import { ActiveRules } from '../routing-rules/active-rules';
import { RouteComplaintsUseCase } from './route-complaints.use-case';

const CARD_FEES = '信用卡年费乱收,我要投诉。';
const NOW = new Date('2026-12-01T10:00:00.000Z');
const DAY = 86_400_000;

let sequence = 0;
function received(text: string, customer: CustomerV1 = { contact: {} }, receivedAt = NOW): ComplaintReceivedV1 {
  sequence += 1;
  const at = receivedAt.toISOString();
  return Object.assign(new ComplaintReceivedV1(), {
    eventId: randomUUID(),
    eventType: ComplaintReceivedV1.type,
    eventVersion: 1 as const,
    occurredAt: at,
    correlationId: `corr-${sequence}`,
    causationId: null,
    source: 'router-test',
    complaint: {
      complaintId: randomUUID(),
      reference: `C20261201-W${String(sequence).padStart(5, '0')}`,
      channel: 'web' as const,
      receivedAt: at,
      source: { system: 'router-test', messageId: null, receivedAt: at },
      customer,
      content: { text, language: 'zh' as const },
      context: {},
    },
  });
}

const verified = (customerId: string): CustomerV1 => ({ customerId, contact: {}, verifiedIdentities: ['customerId'] });
/** A phone the customer typed (not verified); sealed phones are opened by the identity function here. */
const typedPhone = (phone: string): CustomerV1 => ({ contact: { phone } });

const handler = (id: string, overrides: Partial<Handler> = {}): Handler => ({
  id,
  name: id,
  department: 'CARD_CENTER',
  skills: [],
  languages: ['zh'],
  active: true,
  ...overrides,
});

function setUp(...handlers: Handler[]) {
  const db = new InMemoryRoutingDatabase();
  for (const h of handlers) db.tables.handlers.set(h.id, h);
  const store = new InMemoryRoutingDecisionStore(db);
  const publisher = new InMemoryRoutedComplaintPublisher();
  const route = new RouteComplaintsUseCase(
    store,
    publisher,
    new ActiveRules(new InMemoryRuleSetRepository(DEFAULT_RULES)),
    new CustomerFingerprints('test-key', (sealed) => sealed),
    { triageThreshold: 0.3, repeatWindowDays: 30 },
    () => NOW,
  );
  return { db, store, publisher, route, matters: new InMemoryMatterStore(db) };
}

describe('RouteComplaintsUseCase', () => {
  it('routes a complaint by the active rules, stores the decision and publishes it', async () => {
    const { db, publisher, route } = setUp();
    const complaint = received(CARD_FEES);

    const [routed] = await route.execute([complaint]);

    expect(routed.routing).toMatchObject({ department: 'CARD_CENTER', rulesVersion: '1', needsTriage: false, routedAt: NOW.toISOString() });
    expect(routed.routing.category).toMatchObject({ product: 'CREDIT_CARD', reason: 'FEES' });
    expect(routed).toMatchObject({
      causationId: complaint.eventId,
      correlationId: complaint.correlationId,
      complaint: complaint.complaint,
    });
    expect(db.tables.decisions.get(complaint.complaint.complaintId)?.eventId).toBe(routed.eventId);
    expect(publisher.published.map((e) => e.eventId)).toEqual([routed.eventId]);
  });

  it('sends a complaint the classifier cannot place to triage in customer service', async () => {
    const { route } = setUp();
    const [routed] = await route.execute([received('你好')]);
    expect(routed.routing).toMatchObject({ department: 'CUSTOMER_SERVICE', needsTriage: true, ruleId: 'TRIAGE' });
  });

  it('assigns each complaint of a batch to the fitting handler with the fewest open cases, as one by one would', async () => {
    const { db, route } = setUp(
      handler('h-1'),
      handler('h-2'),
      handler('h-english', { languages: ['en'] }),
      handler('h-loans', { skills: ['LOAN'] }),
      handler('h-away', { active: false }),
    );
    db.tables.assignments.set('earlier', {
      complaintId: 'earlier',
      reference: 'C20261130-W00001',
      department: 'CARD_CENTER',
      language: 'zh',
      product: 'CREDIT_CARD',
      reason: 'FEES',
      handlerId: 'h-1',
      open: true,
    });

    const routed = await route.execute([received(CARD_FEES), received(CARD_FEES), received(CARD_FEES)]);

    expect(routed.map((r) => r.routing.assignee)).toEqual(['h-2', 'h-1', 'h-2']);
    expect([...db.tables.assignments.values()].filter((a) => a.handlerId === 'h-2')).toHaveLength(2);
  });

  it('leaves a complaint nobody fits to the department queue', async () => {
    const { db, route } = setUp(handler('h-english', { languages: ['en'] }));
    const [routed] = await route.execute([received(CARD_FEES)]);
    expect(routed.routing.assignee).toBeUndefined();
    expect(db.tables.assignments.get(routed.complaint.complaintId)?.handlerId).toBeNull();
  });

  it('republishes the stored decision, same event id, for a redelivered complaint, and routes a complaint twice in a batch once', async () => {
    const { db, publisher, route } = setUp(handler('h-1'), handler('h-2'));
    const complaint = received(CARD_FEES);
    const [first] = await route.execute([complaint]);

    const again = await route.execute([complaint, complaint]);

    expect(again).toEqual([first]);
    expect(publisher.published.map((e) => e.eventId)).toEqual([first.eventId, first.eventId]);
    expect(db.tables.assignments.size).toBe(1);
  });

  it("links a verified customer's repeat on the same matter to their open case, one priority step more urgent", async () => {
    const { db, route } = setUp();
    const [first] = await route.execute([received(CARD_FEES, verified('cust-1'), new Date(NOW.getTime() - 3 * DAY))]);

    const [repeat, otherCustomer] = await route.execute([received(CARD_FEES, verified('cust-1')), received(CARD_FEES, verified('cust-2'))]);

    expect(repeat.routing.linkedCaseReference).toBe(first.complaint.reference);
    expect(repeat.routing.priority).toBe(raisePriority(first.routing.priority));
    expect(otherCustomer.routing.linkedCaseReference).toBeUndefined();
    // The link is kept with the repeat's matter.
    expect(db.tables.matters.get(repeat.complaint.complaintId)?.linkedTo).toBe(first.complaint.complaintId);
  });

  it('links a repeat to an earlier complaint of the same batch', async () => {
    const { route } = setUp();
    const [first, repeat] = await route.execute([received(CARD_FEES, verified('cust-1')), received(CARD_FEES, verified('cust-1'))]);
    expect(first.routing.linkedCaseReference).toBeUndefined();
    expect(repeat.routing.linkedCaseReference).toBe(first.complaint.reference);
  });

  it('names a case sharing only a typed phone as related, for handlers, without linking or raising the priority', async () => {
    const { route } = setUp();
    const [first] = await route.execute([received(CARD_FEES, typedPhone('13800138000'))]);

    const [second] = await route.execute([received(CARD_FEES, typedPhone('+86 138-0013-8000'))]);

    expect(second.routing.relatedCaseReference).toBe(first.complaint.reference);
    expect(second.routing.linkedCaseReference).toBeUndefined();
    expect(second.routing.priority).toBe(first.routing.priority);
  });

  it('links no repeat to a case that was closed, nor to one received outside the window', async () => {
    const { route, matters } = setUp();
    const [closed] = await route.execute([received(CARD_FEES, verified('cust-1'))]);
    await matters.setOpen([{ complaintId: closed.complaint.complaintId, open: false, at: NOW }]);
    await route.execute([received(CARD_FEES, verified('cust-2'), new Date(NOW.getTime() - 40 * DAY))]);

    const [afterClosed, afterOld] = await route.execute([received(CARD_FEES, verified('cust-1')), received(CARD_FEES, verified('cust-2'))]);

    expect(afterClosed.routing.linkedCaseReference).toBeUndefined();
    expect(afterOld.routing.linkedCaseReference).toBeUndefined();
  });

  it('takes the decision another router stored meanwhile and publishes that one', async () => {
    const { store, publisher, route } = setUp();
    const complaint = received(CARD_FEES);
    const other = setUp();
    const [theirs] = await other.route.execute([complaint]);
    store.storedMeanwhileByAnotherRouter(theirs);

    const [routed] = await route.execute([complaint]);

    expect(routed.eventId).toBe(theirs.eventId);
    expect(publisher.published.map((e) => e.eventId)).toEqual([theirs.eventId]);
  });

  it('keeps the decisions when publishing fails, and a retry publishes the very same events', async () => {
    const { db, publisher, route } = setUp(handler('h-1'));
    const batch = [received(CARD_FEES), received(CARD_FEES)];
    publisher.unavailable = new Error('broker down');

    await expect(route.execute(batch)).rejects.toThrow('broker down');
    expect(db.tables.decisions.size).toBe(2);

    publisher.unavailable = null;
    const retried = await route.execute(batch);
    expect(retried.map((e) => e.eventId)).toEqual(batch.map((r) => db.tables.decisions.get(r.complaint.complaintId)!.eventId));
    expect(db.tables.assignments.get(batch[1].complaint.complaintId)?.handlerId).toBe('h-1');
  });

  it('publishes nothing when the store does not answer', async () => {
    const { db, publisher, route } = setUp();
    db.unavailable = new Error('connection refused');

    await expect(route.execute([received(CARD_FEES)])).rejects.toThrow('connection refused');
    expect(publisher.published).toEqual([]);
  });
});

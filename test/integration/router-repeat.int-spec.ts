import { AssignerProtocol, Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { DEV_DEFAULTS } from '@complaints/config';
import { CaseEventV1, ComplaintReceivedV1, ComplaintRoutedV1, CustomerV1 } from '@complaints/contracts';
import { envelopeHeaders, EventPublisher } from '@complaints/messaging';
import { PiiCipher } from '@complaints/security';
import { ROUTER_GROUP } from '../../apps/router/src/interface/complaint-received.consumer';
import { raisePriority } from '../../apps/router/src/domain/repeat-complaint';
import { RouterConfig } from '../../apps/router/src/router.config';
import { RouterModule } from '../../apps/router/src/router.module';
import { testConfig } from '../support/configs';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { brokers, caseEvent, connectDb, receivedComplaint, storedDecision, testPublisher } from './router-fixtures';

/**
 * Repeat complaints: same customer (an identity both channels verified), same matter, open earlier
 * case -> linked and one step more urgent; a shared unverified identity (a typed phone) -> related only.
 */
describe('router repeat complaints (real Kafka and PostgreSQL)', () => {
  let router: RunningApp;
  let db: Client;
  let publisher: EventPublisher;
  const cipher = PiiCipher.fromSetting(DEV_DEFAULTS.PII_KEYS, DEV_DEFAULTS.PII_ACTIVE_KEY_ID);
  const CARD_FEES = '信用卡年费乱收,我要投诉。';
  const DEPOSIT_FEES = '借记卡每年扣10元小额账户管理费,开户时没人告诉我有这个费用。';
  const SUGGESTION = '建议信用卡App增加夜间模式。';

  beforeAll(async () => {
    router = await startApp(RouterModule.register(testConfig(RouterConfig)));
    db = await connectDb();
    publisher = testPublisher();
    await publisher.connect();
  });

  afterAll(async () => {
    await Promise.all([router?.close(), db?.end(), publisher?.disconnect()]);
  });

  /** Partitions of complaints.received.v1 per member of the router group, once the group is stable. */
  async function groupMembers(): Promise<number[][]> {
    const admin = new Kafka({ brokers: brokers(), clientId: 'router-repeat-test', logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const [group] = (await admin.describeGroups([ROUTER_GROUP])).groups;
      if (group.state !== 'Stable') return [];
      return group.members.map(
        (m) => AssignerProtocol.MemberAssignment.decode(m.memberAssignment)?.assignment[ComplaintReceivedV1.topic] ?? [],
      );
    } finally {
      await admin.disconnect();
    }
  }

  let phoneCounter = 0;
  /** A fresh mobile number for each test, so tests never link to each other. */
  const newPhone = () =>
    `139${String(Date.now() % 1e6).padStart(6, '0')}${phoneCounter++ % 10}${Math.floor(Math.random() * 10)}`.slice(0, 11);
  /** A customer known by phone: verified (a caller the call centre verified, with their customer id) unless `typed` (a web form). */
  const byPhone = (phone: string, extra: Partial<CustomerV1> = {}, typed = false): CustomerV1 => ({
    ...extra,
    ...(typed ? {} : { verifiedIdentities: extra.customerId ? ['phone', 'customerId'] : ['phone'] }),
    contact: { phone: cipher.seal(phone), phoneLast4: phone.slice(-4) },
  });

  async function route(
    text: string,
    customer: CustomerV1,
    receivedAt?: Date,
    channel: 'web' | 'hotline' | 'mobile' = 'web',
  ): Promise<ComplaintRoutedV1> {
    const event = receivedComplaint(text, customer, receivedAt);
    event.complaint.channel = channel;
    await publisher.publish(ComplaintReceivedV1, event, { key: event.complaint.complaintId });
    return eventually(() => storedDecision(db, event.complaint.complaintId));
  }

  async function caseHappened(routed: ComplaintRoutedV1, kind: 'closed' | 'reopened', open: boolean): Promise<void> {
    await publisher.publish(CaseEventV1, caseEvent(routed, kind), { key: routed.complaint.complaintId });
    await eventually(async () => {
      const { rows } = await db.query('SELECT open FROM routing.matters WHERE complaint_id = $1', [routed.complaint.complaintId]);
      return rows[0]?.open === open ? true : undefined;
    });
  }

  it('links the same customer on the same matter, on another channel, and raises the priority one step', async () => {
    const phone = newPhone();
    const first = await route(CARD_FEES, byPhone(phone), undefined, 'hotline');
    expect(first.routing.linkedCaseReference).toBeUndefined();

    const again = await route(CARD_FEES, byPhone(`+86 ${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`), undefined, 'hotline');
    expect(again.routing.linkedCaseReference).toBe(first.complaint.reference);
    expect(again.routing.priority).toBe(raisePriority(first.routing.priority));

    const suggestion = await route(SUGGESTION, byPhone(newPhone()));
    const suggestionAgain = await route(SUGGESTION, byPhone(newPhone()));
    expect([suggestion.routing.priority, suggestionAgain.routing.linkedCaseReference]).toEqual(['P3', undefined]);
  });

  it('raises P3 to P2 for a repeated suggestion', async () => {
    const phone = newPhone();
    const first = await route(SUGGESTION, byPhone(phone));
    const again = await route(SUGGESTION, byPhone(phone), undefined, 'mobile');
    expect([first.routing.priority, again.routing.priority]).toEqual(['P3', 'P2']);
    expect(again.routing.linkedCaseReference).toBe(first.complaint.reference);
  });

  it('does not link another matter, another customer, or a different customer id sharing the phone', async () => {
    const phone = newPhone();
    const first = await route(CARD_FEES, byPhone(phone, { customerId: 'cust-a' }));
    const otherMatter = await route(DEPOSIT_FEES, byPhone(phone, { customerId: 'cust-a' }));
    expect(otherMatter.routing.category).not.toEqual(first.routing.category);
    expect(otherMatter.routing.linkedCaseReference).toBeUndefined();
    expect((await route(CARD_FEES, byPhone(newPhone()))).routing.linkedCaseReference).toBeUndefined();
    expect((await route(CARD_FEES, byPhone(phone, { customerId: 'cust-b' }))).routing.linkedCaseReference).toBeUndefined();
    // The same customer id without a phone (e.g. the mobile app) is the same customer.
    const mobile = await route(CARD_FEES, { customerId: 'cust-a', verifiedIdentities: ['customerId'], contact: {} }, undefined, 'mobile');
    expect(mobile.routing.linkedCaseReference).toBe(first.complaint.reference);
  });

  it('links by WeChat openId, and only within the window', async () => {
    const openId = `o-${Date.now()}`;
    const wechat: CustomerV1 = { verifiedIdentities: ['openId'], contact: { openId } };
    const old = await route(CARD_FEES, wechat, new Date(Date.now() - 31 * 24 * 3600 * 1000));
    const now = await route(CARD_FEES, wechat);
    expect(now.routing.linkedCaseReference).toBeUndefined();
    const soon = await route(CARD_FEES, wechat);
    expect(soon.routing.linkedCaseReference).toBe(now.complaint.reference);
    expect(old.routing.linkedCaseReference).toBeUndefined();
  });

  it('never merges on a typed phone: the web complaint is only related, for handlers, and its priority stays', async () => {
    const phone = newPhone();
    const victim = await route(CARD_FEES, byPhone(phone), undefined, 'hotline');
    const typed = await route(CARD_FEES, byPhone(phone, {}, true));
    expect(typed.routing.linkedCaseReference).toBeUndefined();
    expect(typed.routing.relatedCaseReference).toBe(victim.complaint.reference);
    expect(typed.routing.priority).toBe(victim.routing.priority);

    // Nor does a verified complaint merge into the typed one, nor a typed one into a typed one.
    const typedFirst = await route(DEPOSIT_FEES, byPhone(phone, {}, true));
    const verifiedLater = await route(DEPOSIT_FEES, byPhone(phone), undefined, 'hotline');
    const typedAgain = await route(DEPOSIT_FEES, byPhone(phone, {}, true));
    expect([verifiedLater.routing.linkedCaseReference, typedAgain.routing.linkedCaseReference]).toEqual([undefined, undefined]);
    expect(verifiedLater.routing.relatedCaseReference).toBe(typedFirst.complaint.reference);
    expect(typedAgain.routing.relatedCaseReference).toBe(typedFirst.complaint.reference);

    const { rows } = await db.query('SELECT linked_to FROM routing.matters WHERE complaint_id = ANY($1)', [
      [typed.complaint.complaintId, verifiedLater.complaint.complaintId],
    ]);
    expect(rows.map((r) => r.linked_to)).toEqual([null, null]);
  });

  it('links only while the earlier case is open (closed, then reopened)', async () => {
    const phone = newPhone();
    const first = await route(DEPOSIT_FEES, byPhone(phone));
    await caseHappened(first, 'closed', false);
    const afterClose = await route(DEPOSIT_FEES, byPhone(phone));
    expect(afterClose.routing.linkedCaseReference).toBeUndefined();

    await caseHappened(afterClose, 'closed', false);
    await caseHappened(first, 'reopened', true);
    const afterReopen = await route(DEPOSIT_FEES, byPhone(phone));
    expect(afterReopen.routing.linkedCaseReference).toBe(first.complaint.reference);
  });

  it('links one of two complaints routed at the same moment by two router processes to the other', async () => {
    const second = await startApp(RouterModule.register(testConfig(RouterConfig)));
    try {
      await eventually(
        async () => {
          const members = await groupMembers();
          return members.length === 2 && members.every((partitions) => partitions.length > 0) ? true : undefined;
        },
        60_000,
        500,
      );
      const pairs = Array.from({ length: 12 }, () => {
        const phone = newPhone();
        return [receivedComplaint(CARD_FEES, byPhone(phone)), receivedComplaint(CARD_FEES, byPhone(phone))];
      });
      const all = pairs.flat();
      await publisher.send(
        ComplaintReceivedV1.topic,
        all.map((e) => ({ key: e.complaint.complaintId, value: JSON.stringify(e), headers: envelopeHeaders(e) })),
      );
      for (const pair of pairs) {
        const routed = await Promise.all(pair.map((e) => eventually(() => storedDecision(db, e.complaint.complaintId))));
        const links = routed.map((r) => r.routing.linkedCaseReference).filter(Boolean);
        const references = pair.map((e) => e.complaint.reference);
        expect(links).toHaveLength(1);
        expect(references).toContain(links[0]);
      }
    } finally {
      await second.close();
    }
  });

  it('stores keyed fingerprints only, never the phone', async () => {
    const phone = newPhone();
    await route(CARD_FEES, byPhone(phone));
    const { rows } = await db.query(`
      SELECT (SELECT string_agg(m::text, ' ') FROM routing.matters m) AS matters,
             (SELECT string_agg(i::text, ' ') FROM routing.matter_identities i) AS identities`);
    const stored = `${rows[0].matters} ${rows[0].identities}`;
    expect(stored).not.toContain(phone);
    expect(stored).not.toContain(phone.slice(3));
  });
});

import { Client } from 'pg';
import { DEV_DEFAULTS } from '@complaints/config';
import { ComplaintReceivedV1, ComplaintRoutedV1, CustomerV1, Topics } from '@complaints/contracts';
import { envelopeHeaders, EventPublisher } from '@complaints/messaging';
import { PiiCipher } from '@complaints/security';
import { raisePriority } from '../../apps/router/src/domain/repeat-complaint';
import { ROUTER_GROUP } from '../../apps/router/src/interface/complaint-received.consumer';
import { RouterConfig } from '../../apps/router/src/router.config';
import { RouterModule } from '../../apps/router/src/router.module';
import { testConfig } from '../support/configs';
import { groupCaughtUp } from '../support/consumer-lag';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { staffToken } from '../support/staff-token';
import { connectDb, receivedComplaint, routedEventReader, testPublisher } from './router-fixtures';

/**
 * Batches: complaints that arrive together (one produce request to one partition) are routed in one
 * transaction, as if one after the other: repeats within the batch link, handler loads count the
 * batch's own assignments, and a redelivered batch routes nothing twice.
 */
describe('router batches (real Kafka and PostgreSQL)', () => {
  let router: RunningApp;
  let db: Client;
  let publisher: EventPublisher;
  const admin = staffToken(['admin'], [], 'admin-batch');
  const cipher = PiiCipher.fromSetting(DEV_DEFAULTS.PII_KEYS, DEV_DEFAULTS.PII_ACTIVE_KEY_ID);
  // Lending: the department router-handlers.int-spec.ts leaves alone (it counts every card-centre handler).
  const LOAN_FEES = '房贷提前还款被收了违约金,我要投诉。';
  const run = Date.now().toString(36);
  const handlerIds = [`hb-${run}-1`, `hb-${run}-2`];

  beforeAll(async () => {
    router = await startApp(RouterModule.register(testConfig(RouterConfig)));
    // Earlier tests' lending complaints are routed before this test's handlers exist, so they count none of them.
    await groupCaughtUp(ROUTER_GROUP, Topics.complaintReceivedV1);
    db = await connectDb();
    publisher = testPublisher();
    await publisher.connect();
  });

  afterAll(async () => {
    // Later test files route to this department too: leave nobody assignable behind.
    for (const id of handlerIds)
      await call('PUT', `/v1/routing/handlers/${id}`, {
        name: 'Batch',
        department: 'LENDING',
        skills: [],
        languages: ['zh'],
        active: false,
      });
    await Promise.all([router?.close(), db?.end(), publisher?.disconnect()]);
  });

  async function call(method: string, path: string, body?: unknown) {
    const res = await fetch(`${router.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${admin}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  }

  /** One produce request to partition 0: the router fetches them together. */
  const sendTogether = (events: ComplaintReceivedV1[]) =>
    publisher.send(
      ComplaintReceivedV1.topic,
      events.map((e) => ({ partition: 0, key: e.complaint.complaintId, value: JSON.stringify(e), headers: envelopeHeaders(e) })),
    );

  async function decisions(events: ComplaintReceivedV1[]): Promise<Array<{ routed: ComplaintRoutedV1; createdAt: string }>> {
    const ids = events.map((e) => e.complaint.complaintId);
    return eventually(async () => {
      const { rows } = await db.query(
        'SELECT complaint_id, routed_event, created_at FROM routing.decisions WHERE complaint_id = ANY($1::uuid[])',
        [ids],
      );
      if (rows.length < ids.length) return undefined;
      const byId = new Map(
        rows.map((row) => [
          row.complaint_id as string,
          { routed: row.routed_event as ComplaintRoutedV1, createdAt: (row.created_at as Date).toISOString() },
        ]),
      );
      return ids.map((id) => byId.get(id)!);
    });
  }

  /** A caller the call centre verified: their phone merges repeat complaints (a typed one would only relate them). */
  const byPhone = (phone: string): CustomerV1 => ({
    verifiedIdentities: ['phone'],
    contact: { phone: cipher.seal(phone), phoneLast4: phone.slice(-4) },
  });

  it('routes a batch in one transaction: repeats within it link, and its assignments spread by open cases', async () => {
    for (const id of handlerIds) {
      expect(
        (
          await call('PUT', `/v1/routing/handlers/${id}`, {
            name: 'Batch',
            department: 'LENDING',
            skills: [],
            languages: ['zh'],
            active: true,
          })
        ).status,
      ).toBe(200);
    }
    const phone = `137${String(Date.now()).slice(-8)}`;
    const first = receivedComplaint(LOAN_FEES, byPhone(phone));
    const again = receivedComplaint(LOAN_FEES, byPhone(phone));
    const others = Array.from({ length: 8 }, (_, i) => receivedComplaint(`房贷提前还款被收了违约金,第${i}次。`));
    const batch = [first, again, ...others];
    await sendTogether(batch);

    const stored = await decisions(batch);
    expect(new Set(stored.map((d) => d.createdAt)).size).toBe(1);
    const [firstRouted, againRouted] = stored.map((d) => d.routed);
    expect(firstRouted.routing.linkedCaseReference).toBeUndefined();
    expect(againRouted.routing.linkedCaseReference).toBe(first.complaint.reference);
    expect(againRouted.routing.priority).toBe(raisePriority(firstRouted.routing.priority));

    const assignees = stored.map((d) => d.routed.routing.assignee);
    expect(stored.every((d) => d.routed.routing.department === 'LENDING')).toBe(true);
    // Two fresh handlers: one after the other, ties by id, so they alternate.
    expect(assignees).toEqual(batch.map((_, i) => handlerIds[i % 2]));
    const { body } = await call('GET', '/v1/routing/handlers?department=LENDING');
    const open = Object.fromEntries((body.items as { id: string; openCases: number }[]).map((h) => [h.id, h.openCases]));
    expect(handlerIds.map((id) => open[id])).toEqual([5, 5]);
  });

  it('routes nothing twice when a batch is delivered again: the stored decisions are republished as they were', async () => {
    const batch = Array.from({ length: 6 }, (_, i) => receivedComplaint(`房贷提前还款被收了违约金,重复投递${i}。`));
    await sendTogether(batch);
    const before = await decisions(batch);
    const reader = await routedEventReader();
    try {
      const ids = new Set(batch.map((e) => e.complaint.complaintId));
      const ours = () => reader.events.filter((e) => ids.has(e.complaint.complaintId));
      await eventually(async () => (ours().length >= batch.length ? true : undefined));

      await sendTogether(batch); // the same events again (a producer retry, a lost commit)
      await eventually(async () => (ours().length >= 2 * batch.length ? true : undefined));
      const after = await decisions(batch);
      expect(after).toEqual(before);
      const { rows } = await db.query('SELECT count(*)::int AS n FROM routing.assignments WHERE complaint_id = ANY($1::uuid[])', [
        [...ids],
      ]);
      expect(rows[0].n).toBe(batch.length);
      // Every routed event of a complaint is its one stored decision.
      for (const { routed } of before) {
        expect(
          new Set(
            ours()
              .filter((e) => e.complaint.complaintId === routed.complaint.complaintId)
              .map((e) => e.eventId),
          ),
        ).toEqual(new Set([routed.eventId]));
      }
    } finally {
      await reader.stop();
    }
  });
});

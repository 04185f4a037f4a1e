import { CheckSlaUseCase } from '../../apps/cases/src/application/check-sla/check-sla.use-case';
import { CasesConfig } from '../../apps/cases/src/cases.config';
import { CasesModule } from '../../apps/cases/src/cases.module';
import { testConfig } from '../support/configs';
import { RunningApp, startApp } from '../support/running-app';
import { staffToken } from '../support/staff-token';
import { CaseEventsTap, RoutedPublisher, routedComplaint, TestClock } from './cases-support';

const HOUR = 3_600_000;

/** The SLA watcher with a controlled clock: warnings, breaches and escalations, each reported once. */
describe('SLA watcher (real Kafka and PostgreSQL, controlled clock)', () => {
  const clock = new TestClock();
  const tap = new CaseEventsTap();
  const routed = new RoutedPublisher();
  let cases: RunningApp;
  let watcher: CheckSlaUseCase;
  const admin = staffToken(['admin'], [], 'admin-1');

  beforeAll(async () => {
    cases = await startApp(
      CasesModule.register(testConfig(CasesConfig, { CASES_SLA_WATCH_INTERVAL_MS: '0', CASES_OUTBOX_POLL_MS: '200' }), { clock }),
    );
    watcher = cases.app.get(CheckSlaUseCase);
    await tap.start();
  });

  afterAll(async () => {
    await Promise.all([tap.stop(), routed.close(), cases?.close()]);
  });

  async function get(reference: string) {
    const res = await fetch(`${cases.url}/v1/cases/${reference}`, { headers: { authorization: `Bearer ${admin}` } });
    return (await res.json()) as Record<string, any>;
  }

  it('warns before the feedback deadline, then on the breach emits sla_breached and escalates to the supervisor and CONSUMER_PROTECTION', async () => {
    // Received in the watcher's future, so cases of other tests in this database stay out of its way.
    const receivedAt = new Date(Date.now() + 1_000 * 24 * HOUR);
    const event = routedComplaint({ receivedAt, priority: 'P2' });
    const { complaintId, reference } = event.complaint;
    await routed.publish(event);
    await tap.waitFor(complaintId, 'case.opened');

    await watcher.run(new Date(receivedAt.getTime() + 30 * HOUR));
    expect(tap.of(complaintId).map((e) => e.eventType)).toEqual(['case.opened']);

    await watcher.run(new Date(receivedAt.getTime() + 40 * HOUR));
    const warned = await tap.waitFor(complaintId, 'case.sla_warning');
    expect(warned.find((e) => e.eventType === 'case.sla_warning')).toMatchObject({
      actor: { type: 'system' },
      customerVisible: false,
      data: { clock: 'feedback' },
    });

    const breachAt = new Date(receivedAt.getTime() + 49 * HOUR);
    await watcher.run(breachAt);
    const events = await tap.waitFor(complaintId, 'case.sla_breached', 'case.escalated');
    const breached = events.find((e) => e.eventType === 'case.sla_breached')!;
    expect(breached.data).toMatchObject({
      clock: 'feedback',
      dueAt: new Date(receivedAt.getTime() + 48 * HOUR).toISOString(),
      notify: ['supervisor', 'CONSUMER_PROTECTION'],
    });
    expect(events.find((e) => e.eventType === 'case.escalated')).toMatchObject({
      case: { status: 'ESCALATED' },
      data: { escalatedTo: 'CONSUMER_PROTECTION', notify: ['supervisor', 'CONSUMER_PROTECTION'], from: 'RECEIVED', to: 'ESCALATED' },
    });
    const found = await get(reference);
    expect(found).toMatchObject({ status: 'ESCALATED', escalation: true, sla: { feedbackBreached: true, decisionBreached: false } });

    // Run again at the same time: nothing new is reported.
    const result = await watcher.run(breachAt);
    expect(result.events).toBe(0);
    expect(tap.of(complaintId)).toHaveLength(4);
  });

  it('does not count a paused decision clock, and reports the decision breach once it runs out', async () => {
    const receivedAt = new Date(Date.now() + 2_000 * 24 * HOUR);
    const event = routedComplaint({ receivedAt });
    const { complaintId, reference } = event.complaint;
    await routed.publish(event);
    await tap.waitFor(complaintId, 'case.opened');
    const act = (action: string, body?: unknown) =>
      fetch(`${cases.url}/v1/cases/${reference}/${action}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });

    clock.set(new Date(receivedAt.getTime() + HOUR));
    expect((await act('claim')).status).toBe(200);
    expect((await act('feedback', { message: '已受理' })).status).toBe(200);
    expect((await act('clock/pause', { reason: '等待外部评估' })).status).toBe(200);
    // Day 16 while paused: no breach (other cases in the database may have theirs).
    await watcher.run(new Date(receivedAt.getTime() + 16 * 24 * HOUR));
    expect(await get(reference)).toMatchObject({ status: 'IN_PROGRESS', escalation: false });
    clock.set(new Date(receivedAt.getTime() + 6 * 24 * HOUR + HOUR));
    expect((await act('clock/resume')).status).toBe(200);
    // The pause lasted 6 days: the decision is due on day 21.
    await watcher.run(new Date(receivedAt.getTime() + 20 * 24 * HOUR + 2 * HOUR));
    expect(await get(reference)).toMatchObject({ status: 'IN_PROGRESS', escalation: false });
    await watcher.run(new Date(receivedAt.getTime() + 21 * 24 * HOUR + 2 * HOUR));
    const events = await tap.waitFor(complaintId, 'case.sla_breached', 'case.escalated');
    expect(events.find((e) => e.eventType === 'case.sla_breached')?.data).toMatchObject({
      clock: 'decision',
      dueAt: new Date(receivedAt.getTime() + 21 * 24 * HOUR).toISOString(),
    });
    expect(events.filter((e) => e.eventType === 'case.sla_warning').map((e) => e.data?.clock)).toEqual(['decision']);
    expect(await get(reference)).toMatchObject({ status: 'ESCALATED', escalation: true });
    clock.set(new Date());
  });
});

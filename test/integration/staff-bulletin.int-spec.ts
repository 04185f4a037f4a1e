import { createHmac, randomInt, randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { Producer } from 'kafkajs';
import { SMTPServer } from 'smtp-server';
import { MeasureScoreV1, StaffBulletinV1, Topics } from '@complaints/contracts';
import { AnalyticsConfig } from '../../apps/analytics/src/analytics.config';
import { AnalyticsModule } from '../../apps/analytics/src/analytics.module';
import { PublishDueBulletinUseCase } from '../../apps/analytics/src/application/bulletin/publish-due-bulletin.use-case';
import { AlertStore } from '../../apps/analytics/src/application/hotspots/alert-store';
import { parseIsoWeek } from '../../apps/analytics/src/domain/scorecard/scorecard-period';
import { shanghaiDayStart } from '../../apps/analytics/src/domain/shanghai-time';
import { NotifierConfig } from '../../apps/notifier/src/notifier.config';
import { NotifierModule } from '../../apps/notifier/src/notifier.module';
import { testProducer } from '../support/case-events';
import { testConfig } from '../support/configs';
import { RecordingServer } from '../support/recording-server';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { staffToken } from '../support/staff-token';
import { TopicReader } from '../support/topic-reader';
import { AnalyticsTestClock, ComplaintScript, publish, queryDb } from './analytics-fixtures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEBHOOK_SECRET = 'test-staff-webhook-secret';

interface ReceivedMail {
  to: string[];
  raw: string;
}

/**
 * The weekly staff bulletin end to end on the real broker and database: complaints of a week no other
 * test uses go through analytics; at Monday 09:00 (Shanghai) on analytics' controlled clock the
 * bulletin is composed once, published on analytics.bulletins.v1 with the week's numbers, and the
 * notifier delivers it once to each staff e-mail address (a local SMTP server) and webhook (local HTTP
 * servers, one failing at first); a restart publishes nothing again. The scorecard API with its roles.
 */
describe('staff bulletin and scorecard', () => {
  // An ISO week of a past year no other test puts complaints in (2001-2017: the transparency page's
  // browser test counts on 2019 holding no complaints, and other tests use 2020 onwards).
  const week = parseIsoWeek(`${2001 + randomInt(0, 17)}-W${String(randomInt(2, 52)).padStart(2, '0')}`)!;
  const monday = shanghaiDayStart(week.fromDay);
  const sendAt = new Date(monday.getTime() + 7 * DAY + 9 * HOUR); // the Monday after, 09:00 Shanghai
  const clock = new AnalyticsTestClock(new Date(sendAt.getTime() - 60_000));
  const tuesdayNoon = new Date(monday.getTime() + DAY + 12 * HOUR);
  const staffEmails = [`supervisors-${randomUUID().slice(0, 8)}@bank.example`, `cp-${randomUUID().slice(0, 8)}@bank.example`];

  const analyticsConfig = testConfig(AnalyticsConfig, { ANALYTICS_TERM_TICK_MS: '0', ANALYTICS_BULLETIN_TICK_MS: '200' });
  let analytics: RunningApp;
  let notifier: RunningApp;
  let producer: Producer;
  let bulletins: TopicReader<StaffBulletinV1>;
  let smtp: SMTPServer;
  const mails: ReceivedMail[] = [];
  let steadyHook: RecordingServer;
  let flakyHook: RecordingServer;
  const flakyAttempts = new Map<string, number>();

  const ofWeek = () => bulletins.values((b) => b.week === week.label);
  const score = (measures: MeasureScoreV1[], name: MeasureScoreV1['measure']) => {
    const { value, previous, change, rating, provisional } = measures.find((m) => m.measure === name)!;
    return { value, previous, change, rating, provisional };
  };

  async function scorecard(period: string, token: string) {
    const res = await fetch(`${analytics.url}/v1/scorecard?period=${period}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as Record<string, any> };
  }

  beforeAll(async () => {
    producer = await testProducer();
    bulletins = await TopicReader.open<StaffBulletinV1>(Topics.bulletinsV1);
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    steadyHook = await RecordingServer.start(() => 200);
    // Fails the first attempt of every delivery, then takes it.
    flakyHook = await RecordingServer.start((request) => {
      const key = String(request.headers['idempotency-key']);
      const attempt = (flakyAttempts.get(key) ?? 0) + 1;
      flakyAttempts.set(key, attempt);
      return attempt === 1 ? 503 : 200;
    });
    notifier = await startApp(
      NotifierModule.register(
        testConfig(NotifierConfig, {
          SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
          NOTIFIER_STAFF_EMAILS: staffEmails.join(','),
          NOTIFIER_STAFF_WEBHOOK_URLS: `${steadyHook.url}/bulletin?token=abc,${flakyHook.url}/hooks/bulletin`,
          NOTIFIER_STAFF_WEBHOOK_SECRET: WEBHOOK_SECRET,
          NOTIFY_BACKOFF_MS: '50',
          NOTIFY_MAX_ATTEMPTS: '3',
          NOTIFY_POLL_MS: '50',
        }),
      ),
    );
    analytics = await startApp(AnalyticsModule.register(analyticsConfig, { clock }));
  });

  afterAll(async () => {
    await analytics?.close();
    await notifier?.close();
    await bulletins?.close();
    await producer?.disconnect();
    await steadyHook?.close();
    await flakyHook?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  });

  it("publishes the week's bulletin at Monday 09:00, once, and every staff recipient gets it once", async () => {
    // This week: four card-centre complaints received Tuesday noon, two escalated fraud complaints.
    const card = Array.from({ length: 4 }, () => new ComplaintScript(tuesdayNoon, 'web', { department: 'CARD_CENTER' }));
    const fraud = Array.from(
      { length: 2 },
      () => new ComplaintScript(tuesdayNoon, 'web', { department: 'FRAUD', reason: 'FUNDS_SECURITY', escalation: true }),
    );
    // The week before: two card-centre complaints; the first is closed this week (Wednesday), with its root cause and action.
    const before = Array.from(
      { length: 2 },
      () => new ComplaintScript(new Date(tuesdayNoon.getTime() - 7 * DAY), 'web', { department: 'CARD_CENTER' }),
    );
    const [c1, c2, c3] = card;
    const [f1] = fraud;
    const [p1] = before;
    const all = [...card, ...fraud, ...before];
    await publish(producer, ...all.flatMap((s) => [s.received(), s.routed()]));
    await publish(
      producer,
      ...all.map((s) => s.caseEvent('opened', 0.1, {}, 'ASSIGNED')),
      c1.caseEvent('feedback_sent', 2),
      c1.caseEvent('resolution_proposed', 24, {}, 'RESPONDED'),
      c1.caseEvent('resolved', 25, {}, 'RESOLVED'),
      c1.caseEvent('satisfaction_recorded', 30, { score: 5 }),
      c2.caseEvent('feedback_sent', 10),
      c2.caseEvent('resolution_proposed', 30, {}, 'RESPONDED'),
      c2.caseEvent('satisfaction_recorded', 40, { score: 3 }),
      c3.caseEvent('sla_breached', 48, { clock: 'feedback' }),
      c3.caseEvent('feedback_sent', 60),
      f1.caseEvent('feedback_sent', 1),
      p1.caseEvent('feedback_sent', 3),
      p1.caseEvent('resolution_proposed', 20, {}, 'RESPONDED'),
      p1.caseEvent('resolved', 21, {}, 'RESOLVED'),
      p1.caseEvent('closed', 8 * 24, { rootCause: '开户时未告知年费标准', correctiveAction: '退还年费' }, 'CLOSED'),
    );
    // A hot spot raised on Thursday of the week, and one the Monday after (not the week's).
    const thursday = new Date(monday.getTime() + 3 * DAY + 10 * HOUR);
    const alert = (subject: string, raisedAt: Date) => ({
      alertId: randomUUID(),
      key: `term:${subject}`,
      kind: 'term' as const,
      raise: 'new' as const,
      subject,
      since: new Date(raisedAt.getTime() - HOUR),
      until: raisedAt,
      observed: 12,
      expected: 0.4,
      ratio: 30,
      pValue: 1e-9,
      threshold: 1e-4,
      samples: [c1.reference],
      raisedAt,
    });
    const weekAlert = alert(`周报热词${randomUUID().slice(0, 4)}`, thursday);
    const planted = [weekAlert, alert('下周热词', new Date(sendAt.getTime() - 2 * HOUR))];
    await analytics.app.get(AlertStore).admit(sendAt, HOUR, async () => ({ alerts: planted, hot: [] }));

    // The read model has caught up: the closure is there and the last case event of this week's complaints.
    await eventually(async () => {
      const rows = await queryDb<{ n: number }>(
        `SELECT count(*)::int AS n FROM analytics.complaint_facts WHERE complaint_id = ANY($1::uuid[]) AND has_case
           AND (complaint_id <> $2 OR closed_at IS NOT NULL) AND (complaint_id <> $3 OR feedback_ms IS NOT NULL) AND (complaint_id <> $4 OR satisfaction_score = 3)`,
        [all.map((s) => s.complaintId), p1.complaintId, c3.complaintId, c2.complaintId],
      );
      return rows[0].n === all.length ? true : undefined;
    }, 60_000);
    expect(ofWeek()).toEqual([]);

    clock.set(sendAt);
    const event = await eventually(async () => ofWeek()[0], 30_000);
    expect(event).toMatchObject({
      eventType: 'analytics.bulletin',
      source: 'analytics',
      week: week.label,
      from: week.fromDay,
      to: week.toDay,
      timeZone: 'Asia/Shanghai',
    });
    const total = event.scorecard.total;
    expect(total.volume).toEqual({ value: 6, previous: 2, change: 4 });
    expect(total.cases).toEqual({ value: 6, previous: 2, change: 4 });
    // Feedback within 48 h: c1, c2, f1 of 6 (p1 of 2 the week before); the week ended 9 h ago, so short of target is pending.
    expect(score(total.measures, 'firstFeedbackWithin48h')).toEqual({
      value: 0.5,
      previous: 0.5,
      change: 0,
      rating: 'pending',
      provisional: true,
    });
    expect(score(total.measures, 'decidedWithin15d')).toEqual({
      value: 0.3333,
      previous: 0.5,
      change: -0.1667,
      rating: 'pending',
      provisional: true,
    });
    expect(score(total.measures, 'breachRate')).toEqual({
      value: 0.1667,
      previous: 0,
      change: 0.1667,
      rating: 'missed',
      provisional: false,
    });
    expect(score(total.measures, 'escalationRate')).toEqual({
      value: 0.3333,
      previous: 0,
      change: 0.3333,
      rating: 'missed',
      provisional: false,
    });
    expect(score(total.measures, 'satisfactionMean')).toEqual({
      value: 4,
      previous: null,
      change: null,
      rating: 'met',
      provisional: false,
    });
    expect(score(total.measures, 'satisfactionResponseRate')).toEqual({
      value: 1,
      previous: 0,
      change: 1,
      rating: 'met',
      provisional: false,
    });
    expect(score(total.measures, 'reopenRate')).toEqual({ value: 0, previous: 0, change: 0, rating: 'met', provisional: false });
    const cardRow = event.scorecard.departments.find((r) => r.key === 'CARD_CENTER')!;
    const fraudRow = event.scorecard.departments.find((r) => r.key === 'FRAUD')!;
    expect(cardRow.volume).toEqual({ value: 4, previous: 2, change: 2 });
    expect(score(cardRow.measures, 'escalationRate')).toMatchObject({ value: 0, rating: 'met' });
    expect(fraudRow.volume).toEqual({ value: 2, previous: 0, change: 2 });
    expect(score(fraudRow.measures, 'escalationRate')).toMatchObject({ value: 1, previous: null, rating: 'missed' });
    expect(event.hotspotsTotal).toBe(1);
    expect(event.hotspots).toEqual([
      {
        alertId: weekAlert.alertId,
        kind: 'term',
        subject: weekAlert.subject,
        observed: 12,
        expected: 0.4,
        raisedAt: thursday.toISOString(),
      },
    ]);
    expect(event.improvements).toEqual({
      closedCases: 1,
      rootCauses: [{ category: 'DISCLOSURE', count: 1 }],
      correctiveActions: [{ category: 'REFUND_COMPENSATION', count: 1 }],
    });

    // Each e-mail address once, text and HTML; each webhook once, the failing one after a retry, signed.
    const delivered = await eventually(async () => {
      const weekMails = mails.filter((m) => m.raw.includes(`X-Bulletin-Week: ${week.label}`));
      const steady = steadyHook.requests.filter((r) => JSON.parse(r.body).week === week.label);
      const flaky = flakyHook.requests.filter((r) => JSON.parse(r.body).week === week.label);
      return weekMails.length === 2 && steady.length === 1 && flaky.some((r) => r.answeredWith === 200)
        ? { weekMails, steady, flaky }
        : undefined;
    }, 30_000);
    expect(delivered.weekMails.flatMap((m) => m.to).sort()).toEqual([...staffEmails].sort());
    for (const mail of delivered.weekMails) {
      expect(mail.raw).toMatch(/Content-Type: multipart\/alternative/);
      expect(mail.raw).toMatch(/Content-Type: text\/plain; charset=utf-8/);
      expect(mail.raw).toMatch(/Content-Type: text\/html; charset=utf-8/);
    }
    expect(delivered.flaky.map((r) => r.answeredWith)).toEqual([503, 200]);
    expect(new Set(delivered.flaky.map((r) => r.headers['idempotency-key'])).size).toBe(1);
    for (const request of [...delivered.steady, ...delivered.flaky]) {
      const timestamp = String(request.headers['x-timestamp']);
      expect(request.headers['x-signature']).toBe(
        `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(`${timestamp}.${request.body}`).digest('hex')}`,
      );
      expect(JSON.parse(request.body)).toMatchObject({
        type: 'analytics.bulletin',
        bulletinId: event.eventId,
        week: week.label,
        bulletin: { scorecard: { total: { volume: { value: 6 } } } },
      });
    }
    expect(steadyHook.requests.find((r) => JSON.parse(r.body).week === week.label)!.url).toBe('/bulletin?token=abc');
    const [outbox] = await queryDb<{ n: number; delivered: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'delivered')::int AS delivered FROM notifier.deliveries WHERE id LIKE $1`,
      [`${event.eventId}:%`],
    );
    expect(outbox).toEqual({ n: 4, delivered: 4 });

    // Any member of staff may read it (it is sent to all staff); other tests' clocks may have composed later weeks.
    const agent = { authorization: `Bearer ${staffToken(['agent'], ['CARD_CENTER'])}` };
    const stored = await fetch(`${analytics.url}/v1/bulletins/${week.label}`, { headers: agent });
    expect(stored.status).toBe(200);
    expect(await stored.json()).toMatchObject({
      id: event.eventId,
      week: week.label,
      published: true,
      hotspotsTotal: 1,
      scorecard: { total: { volume: { value: 6 } } },
    });
    expect((await fetch(`${analytics.url}/v1/bulletins/latest`, { headers: agent })).status).toBe(200);
    const missing = await fetch(`${analytics.url}/v1/bulletins/2000-W01`, { headers: agent });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    const malformed = await fetch(`${analytics.url}/v1/bulletins/last`, { headers: agent });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { errors: { field: string }[] }).errors).toEqual([expect.objectContaining({ field: 'week' })]);
  });

  it('publishes nothing again after a restart', async () => {
    await analytics.close();
    analytics = await startApp(AnalyticsModule.register(analyticsConfig, { clock }));
    const tick = await analytics.app.get(PublishDueBulletinUseCase).tick();
    expect(tick).toEqual({ week: week.label, composed: false, published: 0 });
    const rows = await queryDb<{ n: number }>(
      'SELECT count(*)::int AS n FROM analytics.bulletins WHERE week = $1 AND published_at IS NOT NULL',
      [week.label],
    );
    expect(rows[0].n).toBe(1);
    // The reader has seen what was published up to now: still the one bulletin, and no second delivery.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(ofWeek()).toHaveLength(1);
    expect(mails.filter((m) => m.raw.includes(`X-Bulletin-Week: ${week.label}`))).toHaveLength(2);
  });

  it('shows the scorecard of any period to the supervision roles only', async () => {
    const overseer = await scorecard(week.label, staffToken(['consumer-protection'], []));
    expect(overseer.status).toBe(200);
    expect(overseer.body).toMatchObject({
      period: week.label,
      from: week.fromDay,
      to: week.toDay,
      timeZone: 'Asia/Shanghai',
      total: { key: 'ALL', volume: { value: 6, previous: 2 } },
    });
    expect(overseer.body.departments).toHaveLength(9);
    // Read long after the week, the 48 h clocks have run out: 0.5 is now missed, no longer pending.
    clock.set(new Date(sendAt.getTime() + 3 * DAY));
    const later = await scorecard(week.label, staffToken(['auditor'], []));
    expect(score(later.body.total.measures, 'firstFeedbackWithin48h')).toMatchObject({ value: 0.5, rating: 'missed', provisional: false });
    expect(score(later.body.total.measures, 'decidedWithin15d')).toMatchObject({ rating: 'pending', provisional: true });

    const agent = await scorecard(week.label, staffToken(['agent'], ['CARD_CENTER']));
    expect(agent.status).toBe(403);
    expect(agent.type).toContain('application/problem+json');
    expect(agent.body.errors).toEqual([expect.objectContaining({ field: 'roles' })]);

    for (const bad of ['2026-W54', '2027-W53', 'last-week']) {
      const res = await scorecard(bad, staffToken(['admin'], []));
      expect(res.status).toBe(400);
      expect(res.type).toContain('application/problem+json');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'period' })]);
    }
    const unsigned = await fetch(`${analytics.url}/v1/scorecard?period=${week.label}`);
    expect(unsigned.status).toBe(401);

    const openApi = (await (await fetch(`${analytics.url}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openApi.paths)).toEqual(expect.arrayContaining(['/v1/scorecard', '/v1/bulletins/latest']));
  });
});

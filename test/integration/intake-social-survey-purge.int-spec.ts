import type { Producer } from 'kafkajs';
import { Client } from 'pg';
import { Topics } from '@complaints/contracts';
import { PurgeExpiredSurveysUseCase } from '../../apps/intake-social/src/application/purge-surveys/purge-expired-surveys.use-case';
import { INTAKE_SOCIAL_SURVEYS_GROUP } from '../../apps/intake-social/src/interface/case-events.consumer';
import { IntakeSocialConfig } from '../../apps/intake-social/src/intake-social.config';
import { IntakeSocialModule, intakeSocialHttpOptions } from '../../apps/intake-social/src/intake-social.module';
import { testProducer } from '../support/case-events';
import { testConfig } from '../support/configs';
import { groupCaughtUp } from '../support/consumer-lag';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { publishSurveyEvent, WECHAT } from './intake-social-client';

const HOUR = 3_600_000;

/** Expired WeChat/Weibo surveys leave intake_social.surveys: by the periodic job, and by the clock the job is given. */
describe('intake-social: purge of expired surveys (real Kafka and PostgreSQL)', () => {
  let social: RunningApp;
  let producer: Producer;
  const db = new Client({ connectionString: process.env.DATABASE_URL });

  beforeAll(async () => {
    const config = testConfig(IntakeSocialConfig, {
      WECHAT_TOKEN: WECHAT.token,
      WECHAT_APP_ID: WECHAT.appId,
      SOCIAL_SURVEY_TTL_HOURS: '1',
      SOCIAL_SURVEY_PURGE_INTERVAL_MS: '300',
    });
    [social, producer] = await Promise.all([
      startApp(IntakeSocialModule.register(config), intakeSocialHttpOptions(config)),
      testProducer(),
    ]);
    await db.connect();
    // Earlier tests' case events first, so this test's surveys are recorded within their short lives.
    await groupCaughtUp(INTAKE_SOCIAL_SURVEYS_GROUP, Topics.caseEventsV1);
  });
  afterAll(async () => {
    await Promise.all([social?.close(), producer?.disconnect(), db.end()]);
  });

  const userId = () => `oPurge_${Math.random().toString(36).slice(2, 12)}`;
  const surveyOf = async (reference: string) =>
    (await db.query('SELECT status FROM intake_social.surveys WHERE reference = $1', [reference])).rows[0];

  it('deletes a survey once it has expired, every purge interval', async () => {
    // Resolved almost an hour ago (the TTL): outstanding for a few more seconds.
    const expiring = await publishSurveyEvent(producer, db, {
      type: 'case.resolved',
      channel: 'wechat',
      userId: userId(),
      at: new Date(Date.now() - HOUR + 8_000),
    });
    expect(await surveyOf(expiring.case.reference)).toEqual({ status: 'outstanding' });
    await eventually(async () => ((await surveyOf(expiring.case.reference)) ? undefined : true), 20_000, 100);
  });

  it('keeps what has not expired by the given clock, answered or not, and deletes it after', async () => {
    const user = userId();
    const open = await publishSurveyEvent(producer, db, {
      type: 'case.resolved',
      channel: 'weibo',
      userId: user,
      at: new Date(Date.now() - HOUR + 10 * 60_000),
    });
    const ended = await publishSurveyEvent(producer, db, {
      type: 'case.resolved',
      channel: 'wechat',
      userId: user,
      at: new Date(Date.now() - HOUR + 10 * 60_000),
    });
    await publishSurveyEvent(producer, db, {
      type: 'case.withdrawn',
      channel: 'wechat',
      userId: user,
      reference: ended.case.reference,
      complaintId: ended.case.complaintId,
    });

    const purge = social.app.get(PurgeExpiredSurveysUseCase);
    await purge.execute(new Date(Date.now() + 5 * 60_000));
    expect(await surveyOf(open.case.reference)).toEqual({ status: 'outstanding' });
    expect(await surveyOf(ended.case.reference)).toEqual({ status: 'ended' });

    expect(await purge.execute(new Date(Date.now() + 11 * 60_000))).toBeGreaterThanOrEqual(2);
    expect(await surveyOf(open.case.reference)).toBeUndefined();
    expect(await surveyOf(ended.case.reference)).toBeUndefined();
  });
});

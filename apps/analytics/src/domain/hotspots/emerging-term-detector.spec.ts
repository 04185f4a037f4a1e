import { extractTerms } from '@complaints/classification';
import poisson from '@stdlib/random-base-poisson';
import { detectEmergingTerms } from './emerging-term-detector';
import { TermActivity } from './term-activity';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NOW = new Date('2026-11-29T09:00:00Z');

/** Everyday complaints; half mention 信用卡, so it is in ~15 complaints every hour. */
const EVERYDAY = [
  '信用卡被盗刷了三笔，请尽快处理',
  '网点员工态度很差，办理业务排队两个小时',
  '信用卡年费没有提前告知就扣了',
  '房贷提前还款要收违约金，合同里没写清楚',
  '信用卡额度被无故降低，客服也说不清原因',
  '手机银行转账一直失败，系统故障',
  '信用卡分期手续费太高，销售时说免息',
  '催收电话打到我单位，影响工作',
  '信用卡账单金额不对，多扣了利息',
  '理财产品收益和宣传的不一样',
].map((text) => extractTerms(text));

/** A new merchant name in otherwise varied wording. */
const MERCHANT = [
  '我在某某理财买的产品到期不能兑付，要求退还本金',
  '某某理财的业务员在网点推销，说是银行的产品',
  '通过某某理财投资了二十万，现在血本无归',
  '你们银行代销某某理财，出了问题就推脱',
  '某某理财承诺保本，结果亏损一半',
  '要求银行对某某理财的损失负责',
].map((text) => extractTerms(text));

let sequence = 0;
function complaint(terms: string[], receivedAt: Date) {
  sequence++;
  return { complaintId: `c-${sequence}`, reference: `C20261129-${String(sequence).padStart(6, '0')}`, receivedAt, terms };
}

/** 30 everyday complaints an hour, evenly spread, from `hours` before now until now. */
function withEverydayTraffic(hours: number): TermActivity {
  const activity = new TermActivity();
  const total = hours * 30;
  for (let i = 0; i < total; i++) {
    activity.observe(complaint(EVERYDAY[i % EVERYDAY.length], new Date(NOW.getTime() - hours * HOUR + i * 2 * MINUTE + 30_000)));
  }
  return activity;
}

/** `count` merchant complaints spread over the last 50 minutes; returns their references, oldest first. */
function addMerchantComplaints(activity: TermActivity, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const c = complaint(MERCHANT[i % MERCHANT.length], new Date(NOW.getTime() - 50 * MINUTE + i * 4 * MINUTE));
    activity.observe(c);
    return c.reference;
  });
}

describe('detectEmergingTerms', () => {
  it('raises a new name in 12 complaints of the last hour, with sample references; an always-common term stays quiet', () => {
    const activity = withEverydayTraffic(7 * 24 + 1);
    const references = addMerchantComplaints(activity, 12);

    const alerts = detectEmergingTerms(activity, NOW);

    expect(alerts.map((a) => a.subject)).toEqual(['某某理财']);
    const [alert] = alerts;
    expect(alert).toMatchObject({ kind: 'term', observed: 12, until: NOW, since: new Date(NOW.getTime() - 50 * MINUTE) });
    expect(alert.samples).toEqual(references.slice(-5).reverse());
    expect(alert.expected).toBeLessThan(0.01);
    expect(alert.pValue).toBeLessThanOrEqual(alert.threshold);
    // 信用卡 was in ~15 complaints of the hour, as in every hour: tested, not raised.
    const common = [...activity.windowTerms(NOW)].find(([term]) => term === '信用卡');
    expect(common?.[1].length).toBeGreaterThanOrEqual(10);
  });

  it('stays quiet with the name in only 9 complaints', () => {
    const activity = withEverydayTraffic(7 * 24 + 1);
    addMerchantComplaints(activity, 9);
    expect(detectEmergingTerms(activity, NOW)).toEqual([]);
  });

  it('counts a re-delivered complaint once', () => {
    const activity = withEverydayTraffic(7 * 24 + 1);
    addMerchantComplaints(activity, 9);
    const again = MERCHANT[0];
    const redelivered = {
      complaintId: `c-${sequence}`,
      reference: 'C20261129-AGAIN1',
      receivedAt: new Date(NOW.getTime() - MINUTE),
      terms: again,
    };
    activity.observe(redelivered);
    activity.observe(redelivered);
    expect(detectEmergingTerms(activity, NOW)).toEqual([]);
  });

  it('raises an English name the same way', () => {
    const activity = withEverydayTraffic(7 * 24 + 1);
    for (let i = 0; i < 11; i++) {
      const text = ['Acme Pay took money from my account twice', 'I never authorised Acme Pay', 'refund the Acme Pay charge please'][i % 3];
      activity.observe(complaint(extractTerms(text), new Date(NOW.getTime() - 40 * MINUTE + i * MINUTE)));
    }
    expect(detectEmergingTerms(activity, NOW).map((a) => a.subject)).toEqual(['acme pay']);
  });

  it('judges nothing before a day of history has been seen', () => {
    const activity = withEverydayTraffic(10);
    addMerchantComplaints(activity, 12);
    expect(detectEmergingTerms(activity, NOW)).toEqual([]);
  });

  it('alerts on the first one-minute tick after the 10th complaint, not before', () => {
    const activity = withEverydayTraffic(7 * 24 + 1);
    const arrivals = Array.from({ length: 12 }, (_, i) => new Date(NOW.getTime() + i * 3 * MINUTE + 20_000));
    const tenth = arrivals[9];
    let firstAlertAt: Date | undefined;
    for (let tick = 1; tick <= 40 && !firstAlertAt; tick++) {
      const now = new Date(NOW.getTime() + tick * MINUTE);
      arrivals.forEach((at, i) => {
        if (at <= now && at.getTime() > now.getTime() - MINUTE) activity.observe(complaint(MERCHANT[i % MERCHANT.length], at));
      });
      if (detectEmergingTerms(activity, now).some((a) => a.subject === '某某理财')) firstAlertAt = now;
    }
    expect(firstAlertAt).toBeDefined();
    expect(firstAlertAt!.getTime()).toBeGreaterThanOrEqual(tenth.getTime());
    expect(firstAlertAt!.getTime() - tenth.getTime()).toBeLessThanOrEqual(2 * MINUTE);
  });

  it('keeps false alarms under alpha on terms that only fluctuate (72 hourly evaluations of 100 seeded Poisson terms)', () => {
    const draw = poisson.factory({ seed: 1129 });
    const alpha = 0.05;
    let evaluations = 0;
    let evaluationsWithAlarm = 0;
    for (let run = 0; run < 3; run++) {
      const activity = new TermActivity();
      const start = NOW.getTime() - 8 * 24 * HOUR;
      for (let h = 0; h < 8 * 24; h++) {
        for (let t = 0; t < 100; t++) {
          const rate = 0.5 + (t % 20) * 0.6; // 0.5 to 11.9 complaints an hour
          const n = draw(rate);
          for (let k = 0; k < n; k++) activity.observe(complaint([`term${t}`], new Date(start + h * HOUR + ((k + 0.5) / (n + 1)) * HOUR)));
        }
        if (h < 7 * 24) continue;
        // no ratio floor and a lax alpha: only the test and its correction stand between noise and an alert
        evaluations++;
        if (detectEmergingTerms(activity, new Date(start + (h + 1) * HOUR), { alpha, minRatio: 1 }).length > 0) evaluationsWithAlarm++;
      }
    }
    expect(evaluations).toBe(72);
    expect(evaluationsWithAlarm).toBeLessThanOrEqual(evaluations * alpha);
  });
});

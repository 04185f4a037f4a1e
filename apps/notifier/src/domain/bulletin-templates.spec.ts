import type { MeasureScoreV1, ScorecardRowV1 } from '@complaints/contracts';
import { BulletinContent, renderBulletin } from './bulletin-templates';

const score = (
  measure: MeasureScoreV1['measure'],
  value: number | null,
  previous: number | null,
  rating: MeasureScoreV1['rating'],
): MeasureScoreV1 => ({
  measure,
  value,
  previous,
  change: value === null || previous === null ? null : Math.round((value - previous) * 10_000) / 10_000,
  target: 0.95,
  watch: 0.9,
  higherIsBetter: true,
  rating,
  provisional: rating === 'pending',
});

const row = (key: string, volume: number, previous: number, measures: MeasureScoreV1[]): ScorecardRowV1 => ({
  key,
  volume: { value: volume, previous, change: volume - previous },
  cases: { value: volume, previous, change: volume - previous },
  measures,
});

const bulletin: BulletinContent = {
  week: '2026-W48',
  from: '2026-11-23',
  to: '2026-11-29',
  scorecard: {
    previousFrom: '2026-11-16',
    previousTo: '2026-11-22',
    total: row('ALL', 25, 10, [
      score('firstFeedbackWithin48h', 0.96, 0.8, 'met'),
      score('decidedWithin15d', 0.2, 0.9, 'pending'),
      score('satisfactionMean', 4.36, 3.5, 'met'),
    ]),
    departments: [
      row('CARD_CENTER', 20, 10, [score('breachRate', 0.05, 0, 'missed'), score('repeatRate', null, null, 'no-data')]),
      row('DIGITAL', 0, 0, []),
    ],
  },
  hotspots: [
    {
      alertId: '6f1c7f7e-2a55-4ad4-9a7e-1f1b1b1b1b1b',
      kind: 'term',
      subject: '鑫盛宝<script>',
      observed: 10,
      expected: 0.46,
      raisedAt: '2026-11-24T02:00:00.000Z',
    },
    {
      alertId: '6f1c7f7e-2a55-4ad4-9a7e-1f1b1b1b1b1c',
      kind: 'spike',
      dimension: 'department',
      subject: 'FRAUD',
      observed: 30,
      expected: 8,
      raisedAt: '2026-11-25T02:00:00.000Z',
    },
  ],
  hotspotsTotal: 2,
  improvements: {
    closedCases: 9,
    rootCauses: [{ category: 'FRAUD', count: 4 }],
    correctiveActions: [
      { category: 'REFUND_COMPENSATION', count: 5 },
      { category: 'TRAINING', count: 1 },
    ],
  },
};

describe('the staff bulletin, rendered', () => {
  const { subject, text, html } = renderBulletin(bulletin);
  const [zh, en] = text.split('----------------------------------------');

  it('has both languages in the subject and the text, Chinese first', () => {
    expect(subject).toBe('投诉管理周报 / Weekly complaints bulletin 2026-W48 (2026-11-23 – 2026-11-29)');
    expect(zh).toContain('投诉管理周报 2026-W48: 2026-11-23 至 2026-11-29(北京时间)');
    expect(en).toContain('Weekly complaints bulletin 2026-W48: 2026-11-23 to 2026-11-29 (Beijing time)');
  });

  it('gives the headline against last week, shares in percent with the change in points', () => {
    expect(zh).toContain('投诉量: 25 (上周 10, +15)');
    expect(zh).toContain('48小时内首次反馈: 96.0% (上周 80.0%, +16.0个百分点) — 达标');
    expect(zh).toContain('15日内作出处理决定: 20.0% (上周 90.0%, -70.0个百分点) — 待定(时限未届满)');
    expect(en).toContain('Complaints: 25 (last week 10, +15)');
    expect(en).toContain('First feedback within 48 h: 96.0% (last week 80.0%, +16.0 pp) — met');
    expect(en).toContain('Mean satisfaction (1-5): 4.36 (last week 3.50, +0.86) — met');
  });

  it('lists departments that had complaints, with their rated measures; quiet ones are left out', () => {
    expect(zh).toContain('信用卡中心: 投诉 20 件(上周 10)\n  - 超时案件占比: 5.0% (上周 0.0%, +5.0个百分点) — 未达标');
    expect(en).toContain('Card centre: 20 complaints (last week 10)\n  - Cases past a deadline: 5.0% (last week 0.0%, +5.0 pp) — missed');
    expect(text).not.toContain('网络金融部');
    expect(text).not.toContain('Repeat complaints');
  });

  it('names the hot spots and the improvements by category', () => {
    expect(zh).toContain(
      '三、热点预警(本周 2 条)\n- 新词「鑫盛宝<script>」: 10 件(预期 0.5)\n- 部门激增:风险管理部-反欺诈: 30 件(预期 8.0)',
    );
    expect(en).toContain(
      '- new term "鑫盛宝<script>": 10 complaints (expected 0.5)\n- department spike: Fraud risk: 30 complaints (expected 8.0)',
    );
    expect(zh).toContain('四、溯源整改(本周结案 9 件)\n问题根源: 欺诈与盗用 4\n整改措施: 退款、补偿或减免 5、员工培训 1');
    expect(en).toContain('Corrective actions: Refunds, compensation or waivers 5, Staff training 1');
  });

  it('says when there were no hot spots', () => {
    const quiet = renderBulletin({ ...bulletin, hotspots: [], hotspotsTotal: 0 }).text;
    expect(quiet).toContain('本周无热点预警。');
    expect(quiet).toContain('No hot spots this week.');
  });

  it('renders HTML with a table per language and escapes what it quotes', () => {
    expect(html).toContain('<section lang="zh">');
    expect(html).toContain('<section lang="en">');
    expect(html).toContain('鑫盛宝&#60;script&#62;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<td class="missed">5.0% 未达标</td>');
    expect(html).toContain('<td class="met">96.0% met</td>');
  });
});

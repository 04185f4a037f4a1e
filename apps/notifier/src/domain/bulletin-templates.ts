import {
  CORRECTIVE_ACTION_LABELS,
  DEPARTMENT_LABELS,
  Department,
  Label,
  MeasureRating,
  ROOT_CAUSE_LABELS,
  ScorecardMeasure,
} from '@complaints/contracts';
import type { BulletinHotspotV1, MeasureScoreV1, ScorecardRowV1, StaffBulletinV1 } from '@complaints/contracts';
import type { Language } from './notification';

export type BulletinContent = Pick<StaffBulletinV1, 'week' | 'from' | 'to' | 'scorecard' | 'hotspots' | 'hotspotsTotal' | 'improvements'>;

export interface RenderedBulletin {
  subject: string;
  text: string;
  html: string;
}

const MEASURE_LABELS: Record<ScorecardMeasure, Label> = {
  firstFeedbackWithin48h: { zh: '48小时内首次反馈', en: 'First feedback within 48 h' },
  decidedWithin15d: { zh: '15日内作出处理决定', en: 'Decided within 15 days' },
  breachRate: { zh: '超时案件占比', en: 'Cases past a deadline' },
  escalationRate: { zh: '升级率', en: 'Escalation rate' },
  reopenRate: { zh: '重新处理率', en: 'Reopen rate' },
  satisfactionMean: { zh: '满意度均分(1-5)', en: 'Mean satisfaction (1-5)' },
  satisfactionResponseRate: { zh: '满意度回访率', en: 'Survey response rate' },
  repeatRate: { zh: '重复投诉率', en: 'Repeat complaints' },
};

const RATING_LABELS: Record<MeasureRating, Label> = {
  met: { zh: '达标', en: 'met' },
  watch: { zh: '关注', en: 'watch' },
  missed: { zh: '未达标', en: 'missed' },
  pending: { zh: '待定(时限未届满)', en: 'pending (clocks still running)' },
  'no-data': { zh: '无数据', en: 'no data' },
};

const SPIKE_LABELS: Record<string, Label> = {
  'product-reason': { zh: '产品/原因', en: 'product/reason' },
  department: { zh: '部门', en: 'department' },
  channel: { zh: '渠道', en: 'channel' },
  branch: { zh: '网点', en: 'branch' },
};

const WORDS = {
  title: { zh: '投诉管理周报', en: 'Weekly complaints bulletin' },
  period: {
    zh: (b: BulletinContent) => `${b.from} 至 ${b.to}(北京时间)`,
    en: (b: BulletinContent) => `${b.from} to ${b.to} (Beijing time)`,
  },
  overview: {
    zh: (b: BulletinContent) => `一、本周概况(与上周 ${b.scorecard.previousFrom} 至 ${b.scorecard.previousTo} 相比)`,
    en: (b: BulletinContent) => `1. The week at a glance (against ${b.scorecard.previousFrom} to ${b.scorecard.previousTo})`,
  },
  volume: { zh: '投诉量', en: 'Complaints' },
  lastWeek: { zh: '上周', en: 'last week' },
  departments: { zh: '二、各部门评分卡', en: '2. Department scorecard' },
  hotspots: { zh: (n: number) => `三、热点预警(本周 ${n} 条)`, en: (n: number) => `3. Hot spots (${n} this week)` },
  noHotspots: { zh: '本周无热点预警。', en: 'No hot spots this week.' },
  improvements: { zh: (n: number) => `四、溯源整改(本周结案 ${n} 件)`, en: (n: number) => `4. Improvements (${n} cases closed this week)` },
  rootCauses: { zh: '问题根源', en: 'Root causes' },
  actions: { zh: '整改措施', en: 'Corrective actions' },
  none: { zh: '无', en: 'none' },
  quiet: { zh: '本周及上周均无投诉的部门未列出。', en: 'Departments without complaints this week or last are not listed.' },
  complaints: { zh: (n: number, p: number) => `投诉 ${n} 件(上周 ${p})`, en: (n: number, p: number) => `${n} complaints (last week ${p})` },
  term: { zh: (s: string) => `新词「${s}」`, en: (s: string) => `new term "${s}"` },
  spike: { zh: (d: string, s: string) => `${d}激增:${s}`, en: (d: string, s: string) => `${d} spike: ${s}` },
  observed: {
    zh: (o: number, e: number) => `${o} 件(预期 ${e.toFixed(1)})`,
    en: (o: number, e: number) => `${o} complaints (expected ${e.toFixed(1)})`,
  },
};

const signed = (x: number, digits: number) => `${x >= 0 ? '+' : ''}${x.toFixed(digits)}`;

/** A measure's value in words: a share as a percentage, the mean as is. */
function value(m: Pick<MeasureScoreV1, 'measure'>, v: number | null): string {
  if (v === null) return '—';
  return m.measure === 'satisfactionMean' ? v.toFixed(2) : `${(v * 100).toFixed(1)}%`;
}

function change(m: MeasureScoreV1, language: Language): string {
  if (m.change === null) return '';
  if (m.measure === 'satisfactionMean') return signed(m.change, 2);
  return `${signed(m.change * 100, 1)}${language === 'zh' ? '个百分点' : ' pp'}`;
}

function measureLine(m: MeasureScoreV1, language: Language): string {
  const before = m.previous === null ? '' : `${WORDS.lastWeek[language]} ${value(m, m.previous)}, ${change(m, language)}`;
  return `${MEASURE_LABELS[m.measure][language]}: ${value(m, m.value)}${before ? ` (${before})` : ''} — ${RATING_LABELS[m.rating][language]}`;
}

function departmentLabel(key: string, language: Language): string {
  return DEPARTMENT_LABELS[key as Department]?.[language] ?? key;
}

function hotspotLine(h: BulletinHotspotV1, language: Language): string {
  const what =
    h.kind === 'term'
      ? WORDS.term[language](h.subject)
      : WORDS.spike[language](
          SPIKE_LABELS[h.dimension ?? '']?.[language] ?? '',
          h.dimension === 'department' ? departmentLabel(h.subject, language) : h.subject,
        );
  return `${what}: ${WORDS.observed[language](h.observed, h.expected)}`;
}

const active = (rows: ScorecardRowV1[]) => rows.filter((r) => r.volume.value > 0 || r.volume.previous > 0);

function categories(list: { category: string; count: number }[], labels: Record<string, Label>, language: Language): string {
  return list.length
    ? list.map((c) => `${labels[c.category]?.[language] ?? c.category} ${c.count}`).join(language === 'zh' ? '、' : ', ')
    : WORDS.none[language];
}

function section(b: BulletinContent, language: Language): string {
  const lines = [
    `${WORDS.title[language]} ${b.week}: ${WORDS.period[language](b)}`,
    '',
    WORDS.overview[language](b),
    ...overview(b, language),
    '',
    WORDS.departments[language],
    ...active(b.scorecard.departments).flatMap((row) => [
      `${departmentLabel(row.key, language)}: ${WORDS.complaints[language](row.volume.value, row.volume.previous)}`,
      ...row.measures.filter((m) => m.rating !== 'no-data').map((m) => `  - ${measureLine(m, language)}`),
    ]),
    WORDS.quiet[language],
    '',
    WORDS.hotspots[language](b.hotspotsTotal),
    ...(b.hotspots.length ? b.hotspots.map((h) => `- ${hotspotLine(h, language)}`) : [WORDS.noHotspots[language]]),
    '',
    WORDS.improvements[language](b.improvements.closedCases),
    `${WORDS.rootCauses[language]}: ${categories(b.improvements.rootCauses, ROOT_CAUSE_LABELS, language)}`,
    `${WORDS.actions[language]}: ${categories(b.improvements.correctiveActions, CORRECTIVE_ACTION_LABELS, language)}`,
  ];
  return lines.join('\n');
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function htmlSection(b: BulletinContent, language: Language): string {
  const cell = (s: string) => `<td>${escape(s)}</td>`;
  const rows = [b.scorecard.total, ...active(b.scorecard.departments)];
  const head = ['', WORDS.volume[language], ...b.scorecard.total.measures.map((m) => MEASURE_LABELS[m.measure][language])];
  const body = rows.map((r) => {
    const name = r.key === 'ALL' ? (language === 'zh' ? '全行' : 'All departments') : departmentLabel(r.key, language);
    const measures = r.measures.map(
      (m) => `<td class="${m.rating}">${escape(`${value(m, m.value)} ${RATING_LABELS[m.rating][language]}`)}</td>`,
    );
    return `<tr>${cell(name)}${cell(`${r.volume.value} (${signed(r.volume.change, 0)})`)}${measures.join('')}</tr>`;
  });
  const list = (items: string[]) => (items.length ? `<ul>${items.map((i) => `<li>${escape(i)}</li>`).join('')}</ul>` : '');
  return [
    `<h1>${escape(`${WORDS.title[language]} ${b.week}`)}</h1><p>${escape(WORDS.period[language](b))}</p>`,
    `<h2>${escape(WORDS.overview[language](b))}</h2>${list(overview(b, language))}`,
    `<h2>${escape(WORDS.departments[language])}</h2><table border="1" cellpadding="4"><tr>${head.map((h) => `<th>${escape(h)}</th>`).join('')}</tr>${body.join('')}</table><p>${escape(WORDS.quiet[language])}</p>`,
    `<h2>${escape(WORDS.hotspots[language](b.hotspotsTotal))}</h2>${b.hotspots.length ? list(b.hotspots.map((h) => hotspotLine(h, language))) : `<p>${escape(WORDS.noHotspots[language])}</p>`}`,
    `<h2>${escape(WORDS.improvements[language](b.improvements.closedCases))}</h2>${list([
      `${WORDS.rootCauses[language]}: ${categories(b.improvements.rootCauses, ROOT_CAUSE_LABELS, language)}`,
      `${WORDS.actions[language]}: ${categories(b.improvements.correctiveActions, CORRECTIVE_ACTION_LABELS, language)}`,
    ])}`,
  ].join('\n');
}

/** The headline: every department together, against last week. */
function overview(b: BulletinContent, language: Language): string[] {
  const t = b.scorecard.total;
  return [
    `${WORDS.volume[language]}: ${t.volume.value} (${WORDS.lastWeek[language]} ${t.volume.previous}, ${signed(t.volume.change, 0)})`,
    ...t.measures.map((m) => measureLine(m, language)),
  ];
}

/** The bulletin for staff, Chinese first and then English, as plain text and as simple HTML. */
export function renderBulletin(b: BulletinContent): RenderedBulletin {
  return {
    subject: `${WORDS.title.zh} / ${WORDS.title.en} ${b.week} (${b.from} – ${b.to})`,
    text: `${section(b, 'zh')}\n\n----------------------------------------\n\n${section(b, 'en')}\n`,
    html:
      '<!doctype html><html><head><meta charset="utf-8"><style>td.met{color:#11683a}td.watch{color:#8a5a00}td.missed{color:#b00020}</style></head><body>' +
      `<section lang="zh">${htmlSection(b, 'zh')}</section><hr><section lang="en">${htmlSection(b, 'en')}</section></body></html>`,
  };
}

/**
 * China's 34 province-level divisions (省级行政区) with their GB/T 2260 codes, the way regulators and
 * banks report complaints by region. Complaints carry the 6-digit code as `context.extra.region`.
 * Pure: no decorators, no Node APIs (the customer site imports this file through Vite).
 */

export const REGIONS = [
  { code: '110000', zh: '北京市', zhShort: '北京', en: 'Beijing' },
  { code: '120000', zh: '天津市', zhShort: '天津', en: 'Tianjin' },
  { code: '130000', zh: '河北省', zhShort: '河北', en: 'Hebei' },
  { code: '140000', zh: '山西省', zhShort: '山西', en: 'Shanxi' },
  { code: '150000', zh: '内蒙古自治区', zhShort: '内蒙古', en: 'Inner Mongolia' },
  { code: '210000', zh: '辽宁省', zhShort: '辽宁', en: 'Liaoning' },
  { code: '220000', zh: '吉林省', zhShort: '吉林', en: 'Jilin' },
  { code: '230000', zh: '黑龙江省', zhShort: '黑龙江', en: 'Heilongjiang' },
  { code: '310000', zh: '上海市', zhShort: '上海', en: 'Shanghai' },
  { code: '320000', zh: '江苏省', zhShort: '江苏', en: 'Jiangsu' },
  { code: '330000', zh: '浙江省', zhShort: '浙江', en: 'Zhejiang' },
  { code: '340000', zh: '安徽省', zhShort: '安徽', en: 'Anhui' },
  { code: '350000', zh: '福建省', zhShort: '福建', en: 'Fujian' },
  { code: '360000', zh: '江西省', zhShort: '江西', en: 'Jiangxi' },
  { code: '370000', zh: '山东省', zhShort: '山东', en: 'Shandong' },
  { code: '410000', zh: '河南省', zhShort: '河南', en: 'Henan' },
  { code: '420000', zh: '湖北省', zhShort: '湖北', en: 'Hubei' },
  { code: '430000', zh: '湖南省', zhShort: '湖南', en: 'Hunan' },
  { code: '440000', zh: '广东省', zhShort: '广东', en: 'Guangdong' },
  { code: '450000', zh: '广西壮族自治区', zhShort: '广西', en: 'Guangxi' },
  { code: '460000', zh: '海南省', zhShort: '海南', en: 'Hainan' },
  { code: '500000', zh: '重庆市', zhShort: '重庆', en: 'Chongqing' },
  { code: '510000', zh: '四川省', zhShort: '四川', en: 'Sichuan' },
  { code: '520000', zh: '贵州省', zhShort: '贵州', en: 'Guizhou' },
  { code: '530000', zh: '云南省', zhShort: '云南', en: 'Yunnan' },
  { code: '540000', zh: '西藏自治区', zhShort: '西藏', en: 'Xizang (Tibet)' },
  { code: '610000', zh: '陕西省', zhShort: '陕西', en: 'Shaanxi' },
  { code: '620000', zh: '甘肃省', zhShort: '甘肃', en: 'Gansu' },
  { code: '630000', zh: '青海省', zhShort: '青海', en: 'Qinghai' },
  { code: '640000', zh: '宁夏回族自治区', zhShort: '宁夏', en: 'Ningxia' },
  { code: '650000', zh: '新疆维吾尔自治区', zhShort: '新疆', en: 'Xinjiang' },
  { code: '710000', zh: '台湾省', zhShort: '台湾', en: 'Taiwan' },
  { code: '810000', zh: '香港特别行政区', zhShort: '香港', en: 'Hong Kong' },
  { code: '820000', zh: '澳门特别行政区', zhShort: '澳门', en: 'Macao' },
] as const;

export type Region = (typeof REGIONS)[number];
export type RegionCode = Region['code'];

export const REGION_CODES: readonly RegionCode[] = REGIONS.map((r) => r.code);

/** Other spellings integrators send: English variants besides the names above. */
const ENGLISH_ALIASES: Record<string, RegionCode> = { xizang: '540000', tibet: '540000', macau: '820000', 'nei mongol': '150000' };

/** Suffixes of a province-level division's Chinese name, longest first (a name may be given with or without one). */
const CHINESE_SUFFIXES = ['维吾尔自治区', '壮族自治区', '回族自治区', '特别行政区', '自治区', '省', '市'];

const BY_CODE: ReadonlyMap<string, Region> = new Map(REGIONS.map((r) => [r.code, r]));
const BY_CHINESE_NAME: ReadonlyMap<string, RegionCode> = new Map(REGIONS.map((r) => [r.zh, r.code]));
const BY_SHORT_NAME: ReadonlyMap<string, RegionCode> = new Map(REGIONS.map((r) => [r.zhShort, r.code]));
const BY_ENGLISH_NAME: ReadonlyMap<string, RegionCode> = new Map([
  ...REGIONS.map((r) => [r.en.toLowerCase(), r.code] as [string, RegionCode]),
  ...Object.entries(ENGLISH_ALIASES),
]);

/**
 * The GB/T 2260 code of a province-level division given as its code (`310000`), its Chinese name with
 * or without the suffix (`上海市`, `上海`; `广西壮族自治区`, `广西自治区`, `广西`) or its English name
 * (`Shanghai`, any case); null for anything else. Full-width characters and surrounding spaces are
 * forgiven. Only province-level codes count: `310115` (a district of Shanghai) is not a region here.
 */
export function regionCode(input: string): RegionCode | null {
  const value = input.normalize('NFKC').trim();
  if (BY_CODE.has(value)) return value as RegionCode;
  const chinese = BY_CHINESE_NAME.get(value) ?? BY_SHORT_NAME.get(value);
  if (chinese) return chinese;
  const suffix = CHINESE_SUFFIXES.find((s) => value.endsWith(s));
  if (suffix) return BY_SHORT_NAME.get(value.slice(0, -suffix.length)) ?? null;
  return BY_ENGLISH_NAME.get(value.toLowerCase().replace(/\s+/g, ' ')) ?? null;
}

export function isRegionCode(value: unknown): value is RegionCode {
  return typeof value === 'string' && BY_CODE.has(value);
}

/** The name of a region code in the language asked for (the Chinese full name, or the English name); null when it is no region code. */
export function regionName(code: string, language: 'zh' | 'en'): string | null {
  return BY_CODE.get(code)?.[language] ?? null;
}

/** The rule's wording in the APIs' problem+json, naming the field (`region`, `callerRegion`). */
export function regionRuleMessage(field: string): string {
  return `${field} must be a province-level division of China: its GB/T 2260 code (e.g. 310000) or its Chinese name (e.g. 上海市 or 上海)`;
}

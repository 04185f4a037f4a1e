import { isRegionCode, REGION_CODES, regionCode, regionName, REGIONS } from './regions';

describe('province-level divisions (GB/T 2260)', () => {
  it('lists the 34 divisions once each, with 6-digit province codes and names in both languages', () => {
    expect(REGIONS).toHaveLength(34);
    expect(new Set(REGION_CODES).size).toBe(34);
    for (const r of REGIONS) {
      expect(r.code).toMatch(/^[1-8]\d0000$/);
      expect(r.zh.startsWith(r.zhShort)).toBe(true);
      expect(r.en).not.toBe('');
    }
    expect(REGIONS.filter((r) => r.zh.endsWith('省'))).toHaveLength(23);
    expect(REGIONS.filter((r) => r.zh.endsWith('自治区'))).toHaveLength(5);
    expect(REGIONS.filter((r) => r.zh.endsWith('市'))).toHaveLength(4);
    expect(REGIONS.filter((r) => r.zh.endsWith('特别行政区'))).toHaveLength(2);
    expect(REGIONS.map((r) => `${r.code} ${r.zh}`)).toEqual(
      expect.arrayContaining([
        '110000 北京市',
        '310000 上海市',
        '440000 广东省',
        '650000 新疆维吾尔自治区',
        '710000 台湾省',
        '810000 香港特别行政区',
        '820000 澳门特别行政区',
      ]),
    );
  });

  it.each([
    ['310000', '310000'],
    ['上海市', '310000'],
    ['上海', '310000'],
    ['北京', '110000'],
    ['广西壮族自治区', '450000'],
    ['广西自治区', '450000'],
    ['广西', '450000'],
    ['内蒙古自治区', '150000'],
    ['宁夏', '640000'],
    ['新疆维吾尔自治区', '650000'],
    ['西藏自治区', '540000'],
    ['香港特别行政区', '810000'],
    ['澳门', '820000'],
    ['台湾省', '710000'],
    ['黑龙江省', '230000'],
    ['  广东省 ', '440000'],
    ['３１００００', '310000'],
    ['Shanghai', '310000'],
    ['hong kong', '810000'],
    ['Inner  Mongolia', '150000'],
    ['Macau', '820000'],
    ['Tibet', '540000'],
  ])('reads %j as %s', (input, code) => {
    expect(regionCode(input)).toBe(code);
  });

  it.each(['', '   ', '310115', '310001', '999999', '000000', '上海浦东', '省', '自治区', 'Shanghai City', '上海市市', 'UNKNOWN', '31000'])(
    'refuses %j',
    (input) => {
      expect(regionCode(input)).toBeNull();
    },
  );

  it('names a code in Chinese or English, and nothing else', () => {
    expect(regionName('310000', 'zh')).toBe('上海市');
    expect(regionName('310000', 'en')).toBe('Shanghai');
    expect(regionName('450000', 'zh')).toBe('广西壮族自治区');
    expect(regionName('820000', 'en')).toBe('Macao');
    expect(regionName('上海', 'zh')).toBeNull();
    expect(regionName('UNKNOWN', 'en')).toBeNull();
  });

  it('knows a code only in its canonical form', () => {
    expect(isRegionCode('110000')).toBe(true);
    expect(isRegionCode('北京市')).toBe(false);
    expect(isRegionCode(110000)).toBe(false);
    expect(REGION_CODES.every((code) => regionCode(code) === code && isRegionCode(code))).toBe(true);
    expect(REGIONS.every((r) => regionCode(r.zh) === r.code && regionCode(r.zhShort) === r.code && regionCode(r.en) === r.code)).toBe(true);
  });
});

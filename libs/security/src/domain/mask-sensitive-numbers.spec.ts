import fc from 'fast-check';
import { isResidentId, maskSensitiveNumbers, passesLuhn } from './mask-sensitive-numbers';

describe('maskSensitiveNumbers', () => {
  it('masks a card number, keeping the last four digits', () => {
    expect(maskSensitiveNumbers('卡号6222020200112233446被盗刷')).toBe('卡号***************3446被盗刷');
  });

  it('masks grouped card numbers and keeps the separators', () => {
    expect(maskSensitiveNumbers('card 4111 1111 1111 1111 was charged')).toBe('card **** **** **** 1111 was charged');
    expect(maskSensitiveNumbers('4111-1111-1111-1111')).toBe('****-****-****-1111');
  });

  it('leaves digit runs that are not card numbers alone (Luhn fails, or too short)', () => {
    expect(maskSensitiveNumbers('order 1234567890123 on 2026-11-29, amount 3000')).toBe('order 1234567890123 on 2026-11-29, amount 3000');
  });

  it('masks resident ID numbers, including an X check character', () => {
    expect(maskSensitiveNumbers('身份证11010519491231002X,请核实')).toBe('身份证**************002X,请核实');
    expect(maskSensitiveNumbers('ID 110105194912310021')).toBe('ID 110105194912310021');
  });

  it('validates with Luhn and GB 11643', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(isResidentId('11010519491231002X')).toBe(true);
    expect(isResidentId('11010519491331002X')).toBe(false);
  });
});

/** Full-width forms of the digits and X (U+FF10-FF19, U+FF38). */
const fullWidth = (c: string) => (c === 'X' ? 'Ｘ' : String.fromCharCode(c.charCodeAt(0) - 0x30 + 0xff10));

function luhnCheckDigit(body: number[]): number {
  for (let d = 0; d < 10; d++) if (passesLuhn([...body, d].join(''))) return d;
  throw new Error('unreachable');
}

function idCheckCharacter(body: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return '10X98765432'[[...body].reduce((acc, d, i) => acc + weights[i] * Number(d), 0) % 11];
}

const cardNumbers = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 18 })
  .map((body) => [...body, luhnCheckDigit(body)].join(''));

const residentIds = fc
  .record({
    region: fc.integer({ min: 110000, max: 659999 }),
    year: fc.integer({ min: 1900, max: 2099 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    sequence: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ region, year, month, day, sequence }) => {
    const body = `${region}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(sequence).padStart(3, '0')}`;
    return body + idCheckCharacter(body);
  });

/** How people write a number: grouping (none, by four, 6-8-4, or groups of at least 3), one separator, each digit ASCII or full-width. */
const writtenForms = fc.record({
  grouping: fc.constantFrom('none', 'fours', '6-8-4', 'random'),
  chunks: fc.array(fc.integer({ min: 3, max: 8 }), { minLength: 1, maxLength: 8 }),
  separator: fc.constantFrom(' ', '-', '.', '\u3000', '－', '．', '\u00a0', '–'),
  widths: fc.array(fc.boolean(), { minLength: 19, maxLength: 19 }),
  lowerX: fc.boolean(),
});

function write(number: string, form: typeof writtenForms extends fc.Arbitrary<infer F> ? F : never): string {
  const chars = [...number].map((c, i) => {
    const x = c === 'X' && form.lowerX ? 'x' : c;
    return form.widths[i] ? (x === 'x' ? 'ｘ' : fullWidth(x)) : x;
  });
  const sizes =
    form.grouping === 'none'
      ? [chars.length]
      : form.grouping === 'fours'
        ? Array(5).fill(4)
        : form.grouping === '6-8-4'
          ? [6, 8, 4, 4]
          : [...form.chunks, 19];
  const groups: string[] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= chars.length) break;
    groups.push(chars.slice(at, at + size).join(''));
    at += size;
  }
  return groups.join(form.separator);
}

/** The masked form: every digit or X but the last four replaced by `*`, separators kept. */
function expectedMask(written: string): string {
  let keep = 4;
  return [...written]
    .reverse()
    .map((c) => (/[0-9Xx０-９Ｘｘ]/.test(c) ? (keep-- > 0 ? c : '*') : c))
    .reverse()
    .join('');
}

const before = fc.constantFrom('', '卡号', '身份证号:', '我的卡 ', '证件号码是', '（', 'card: ');
const after = fc.constantFrom('', '被盗刷', ',请核实。', '。', ' thanks', '）', '\n');

describe('maskSensitiveNumbers, in every way the numbers are written', () => {
  it('masks spaced, hyphenated, dotted, full-width and mixed card and ID numbers', () => {
    expect(maskSensitiveNumbers('卡号 6222 0212 3456 7890 被盗刷')).toBe('卡号 **** **** **** 7890 被盗刷');
    expect(maskSensitiveNumbers('6222-0212-3456-7890')).toBe('****-****-****-7890');
    expect(maskSensitiveNumbers('6222.0212.3456.7890.123')).toBe('****.****.****.***0.123');
    expect(maskSensitiveNumbers('卡号4111.1111.1111.1111')).toBe('卡号****.****.****.1111');
    expect(maskSensitiveNumbers('卡号４１１１１１１１１１１１１１１１')).toBe('卡号************１１１１');
    expect(maskSensitiveNumbers('４１１１－1111－１１１１－1111')).toBe('****－****－****－1111');
    expect(maskSensitiveNumbers('身份证 110105 19491231 002X')).toBe('身份证 ****** ******** 002X');
    expect(maskSensitiveNumbers('身份证１１０１０５１９４９１２３１００２Ｘ')).toBe('身份证**************００２Ｘ');
    expect(maskSensitiveNumbers('身份证1101.0519.4912.3100.2x,谢谢')).toBe('身份证****.****.****.**00.2x,谢谢');
  });

  it('leaves dates, amounts, times and phone numbers as written', () => {
    const text = '2026-11-29 14:30 在网点转账 ¥3,000.00 和 1.50 元,电话 138 1234 5678 / 13812345678,日期 2026.11.29,订单 1234567890123';
    expect(maskSensitiveNumbers(text)).toBe(text);
  });

  it('masks any card number, in any written form, keeping its last four digits (property)', () => {
    fc.assert(
      fc.property(cardNumbers, writtenForms, before, after, (card, form, prefix, suffix) => {
        const written = write(card, form);
        expect(maskSensitiveNumbers(`${prefix}${written}${suffix}`)).toBe(`${prefix}${expectedMask(written)}${suffix}`);
      }),
      { numRuns: 2_000 },
    );
  });

  it('masks any resident ID number, in any written form, keeping its last four characters (property)', () => {
    fc.assert(
      fc.property(residentIds, writtenForms, before, after, (id, form, prefix, suffix) => {
        const written = write(id, form);
        expect(maskSensitiveNumbers(`${prefix}${written}${suffix}`)).toBe(`${prefix}${expectedMask(written)}${suffix}`);
      }),
      { numRuns: 2_000 },
    );
  });

  it('leaves ordinary numbers between words alone (property)', () => {
    const ordinary = fc.oneof(
      fc.integer({ min: 0, max: 999_999_999 }).map(String),
      fc
        .tuple(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 99 }))
        .map(([y, c]) => `${y}.${String(c).padStart(2, '0')}`),
      fc
        .date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10).replace(/-/g, '.')),
      fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      fc.integer({ min: 0, max: 99_999_999 }).map((n) => `13${String(n).padStart(9, '0')}`),
      fc.integer({ min: 0, max: 99_999_999 }).map(
        (n) =>
          `1${String(n)
            .padStart(10, '0')
            .replace(/^(\d{2})(\d{4})(\d{4})$/, '$1 $2 $3')}`,
      ),
    );
    fc.assert(
      fc.property(fc.array(ordinary, { minLength: 1, maxLength: 6 }), (numbers) => {
        const text = numbers.map((n) => `金额${n}元`).join(',');
        expect(maskSensitiveNumbers(text)).toBe(text);
      }),
      { numRuns: 1_000 },
    );
  });

  it('scans a megabyte of digits and separators in linear time', () => {
    for (const text of [
      '1 '.repeat(500_000),
      '111.'.repeat(250_000),
      '６'.repeat(1_000_000),
      '4111 1111 1111 1111 '.repeat(50_000),
      '1'.repeat(1_000_000),
      '110105 19491231 002X '.repeat(50_000),
    ]) {
      const started = performance.now();
      const masked = maskSensitiveNumbers(text);
      expect(masked).toHaveLength(text.length);
      // A quadratic scan of a megabyte takes minutes; this one well under a second on an idle machine (seconds on a loaded one).
      expect(performance.now() - started).toBeLessThan(8_000);
    }
  });
});

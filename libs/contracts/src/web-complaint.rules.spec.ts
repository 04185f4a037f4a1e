import { checkPickedEvidence } from './evidence.rules';
import { checkLookUp, checkSurvey, checkWebComplaint, EMAIL_PATTERN, RULE_MESSAGES, WebComplaintForm } from './web-complaint.rules';

const valid: WebComplaintForm = {
  text: '信用卡被盗刷',
  name: '张三',
  phone: '13800138000',
  email: '',
  idNumber: '',
  product: '',
  region: '',
  consent: true,
};

describe('checkWebComplaint', () => {
  it('passes a complete form, with or without the optional fields', () => {
    expect(checkWebComplaint(valid)).toEqual([]);
    expect(
      checkWebComplaint({ ...valid, email: 'zhang@example.com', idNumber: '11010519491231002X', product: 'CREDIT_CARD', region: '310000' }),
    ).toEqual([]);
    expect(checkWebComplaint({ ...valid, region: '广西' })).toEqual([]);
  });

  it('names each broken rule by the API field path, in form order', () => {
    expect(
      checkWebComplaint({
        text: '  ',
        name: '',
        phone: 'call me',
        email: 'nope',
        idNumber: '123',
        product: 'CRYPTO',
        region: '浦东新区',
        consent: false,
      }),
    ).toEqual([
      { field: 'customer.name', rule: 'nameRequired' },
      { field: 'customer.phone', rule: 'phoneInvalid' },
      { field: 'customer.email', rule: 'emailInvalid' },
      { field: 'customer.idNumber', rule: 'idNumberInvalid' },
      { field: 'product', rule: 'productUnknown' },
      { field: 'region', rule: 'regionUnknown' },
      { field: 'text', rule: 'textRequired' },
      { field: 'consent', rule: 'consentRequired' },
    ]);
  });

  it('applies the length limits', () => {
    expect(checkWebComplaint({ ...valid, text: 'x'.repeat(5_001), name: 'x'.repeat(101) })).toEqual([
      { field: 'customer.name', rule: 'nameTooLong' },
      { field: 'text', rule: 'textTooLong' },
    ]);
    expect(checkWebComplaint({ ...valid, text: 'x'.repeat(5_000) })).toEqual([]);
  });

  it('reads e-mail addresses with a dotted domain, and nothing else', () => {
    for (const email of ['zhang@example.com', 'a.b+c@mail.example.com.cn', '张@例子.中国']) expect(EMAIL_PATTERN.test(email)).toBe(true);
    for (const email of ['zhang@example', 'a@@b.c', 'a b@c.d', '@b.c', 'a@.b.c', 'a@b..c', 'a@b.c.', 'a@b.c@d'])
      expect(EMAIL_PATTERN.test(email)).toBe(false);
  });

  it('checks a long e-mail address by its length, and its pattern in linear time', () => {
    const hostile = `a@${'.'.repeat(1_000_000)}@`;
    expect(checkWebComplaint({ ...valid, email: hostile })).toEqual([{ field: 'customer.email', rule: 'emailTooLong' }]);
    const started = performance.now();
    expect(EMAIL_PATTERN.test(hostile)).toBe(false);
    expect(EMAIL_PATTERN.test(`a@b${'.b'.repeat(500_000)}@`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(250);
  });

  it('has a Chinese and an English message for every rule', () => {
    expect(Object.keys(RULE_MESSAGES.zh).sort()).toEqual(Object.keys(RULE_MESSAGES.en).sort());
  });
});

describe('checkLookUp and checkSurvey', () => {
  it('want a reference, four digits, and a whole score from 1 to 5', () => {
    expect(checkLookUp({ reference: 'C20261129-W7K3Q9', phoneLast4: '8000' })).toEqual([]);
    expect(checkLookUp({ reference: 'c20261129-w7k3q9', phoneLast4: '800' }).map((b) => b.rule)).toEqual([
      'referenceInvalid',
      'phoneLast4Invalid',
    ]);
    expect(checkSurvey({ reference: 'C20261129-W7K3Q9', phoneLast4: '8000', score: 5, comment: '' })).toEqual([]);
    expect(
      checkSurvey({ reference: 'C20261129-W7K3Q9', phoneLast4: '8000', score: null, comment: 'x'.repeat(2_001) }).map((b) => b.rule),
    ).toEqual(['scoreInvalid', 'commentTooLong']);
  });
});

describe('checkPickedEvidence', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const exe = new TextEncoder().encode('MZ this program');
  it('refuses too many files, a file over the limit and a file that is no accepted type, as the API names them', () => {
    const limits = { maxCount: 2, maxBytes: 100 };
    expect(checkPickedEvidence([{ sizeBytes: 10, head: png }], limits)).toEqual([]);
    expect(
      checkPickedEvidence(
        [png, png, png].map((head) => ({ sizeBytes: 10, head })),
        limits,
      ),
    ).toEqual([{ field: 'attachments', rule: 'tooMany', values: { max: 2, count: 3 } }]);
    expect(
      checkPickedEvidence(
        [
          { sizeBytes: 101, head: png },
          { sizeBytes: 10, head: exe },
        ],
        limits,
      ).map((b) => [b.field, b.rule]),
    ).toEqual([
      ['attachments[0].data', 'tooLarge'],
      ['attachments[1].data', 'wrongType'],
    ]);
  });
});

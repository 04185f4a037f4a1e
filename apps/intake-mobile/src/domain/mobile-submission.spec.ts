import { ComplaintV1, parseContract } from '@complaints/contracts';
import { PiiCipher } from '@complaints/security/domain';
import { fingerprint, normaliseMobileSubmission } from './mobile-submission';

const cipher = new PiiCipher({ k1: Buffer.alloc(32, 7) }, 'k1');
const ids = {
  complaintId: '0b7c6a44-63f6-5b9e-9a4f-0e4a0f3a2d11',
  reference: 'C20261129-M7K3Q9',
  customerId: 'cust-42',
  idempotencyKey: 'key-1',
  receivedAt: new Date('2026-11-29T01:02:03Z'),
};
const evidence = [
  { id: 'a1', contentType: 'image/png' as const, sizeBytes: 68, sha256: 'a'.repeat(64), fileName: 'x.png', content: Buffer.from('x') },
];

describe('normaliseMobileSubmission', () => {
  it('builds a valid mobile complaint for the token subject, masking numbers and sealing the phone', () => {
    const complaint = normaliseMobileSubmission(
      {
        text: ' 卡号 6222021234567890128 被盗刷 ',
        product: 'CREDIT_CARD',
        accountRef: '6222021234567890128',
        amount: { value: 1999.5, currency: 'CNY' },
        transactionDate: '2026-11-28',
        phone: '13800138000',
        region: '440000',
      },
      evidence,
      ids,
      cipher,
    );
    expect(() => parseContract(ComplaintV1, complaint)).not.toThrow();
    expect(complaint.channel).toBe('mobile');
    expect(complaint.customer.customerId).toBe('cust-42');
    expect(complaint.source).toEqual({ system: 'mobile-app', messageId: 'key-1', receivedAt: '2026-11-29T01:02:03.000Z' });
    expect(complaint.content.text).toBe('卡号 ***************0128 被盗刷');
    expect(complaint.context.accountRef).toBe('***************0128');
    expect(complaint.context).toMatchObject({
      productHint: 'CREDIT_CARD',
      amount: { value: 1999.5, currency: 'CNY' },
      extra: { transactionDate: '2026-11-28', region: '440000' },
    });
    expect(complaint.customer.contact.phoneLast4).toBe('8000');
    expect(cipher.open(complaint.customer.contact.phone!)).toBe('+8613800138000');
    expect(JSON.stringify(complaint)).not.toContain('13800138000');
    expect(complaint.content.attachments).toEqual([{ id: 'a1', contentType: 'image/png', sizeBytes: 68, sha256: 'a'.repeat(64) }]);
  });

  it('leaves out what the customer did not give', () => {
    const complaint = normaliseMobileSubmission({ text: 'The app crashes at login' }, [], ids, cipher);
    expect(() => parseContract(ComplaintV1, complaint)).not.toThrow();
    expect(complaint.customer.contact).toEqual({});
    expect(complaint.context).toEqual({});
    expect(complaint.content.attachments).toBeUndefined();
    expect(complaint.content.language).toBe('en');
  });
});

describe('fingerprint', () => {
  it('ignores key order and absent fields, but not content or evidence', () => {
    const a = fingerprint({ text: 'x', product: 'LOAN', accountRef: undefined }, evidence);
    expect(fingerprint({ product: 'LOAN', text: 'x' }, evidence)).toBe(a);
    expect(fingerprint({ product: 'LOAN', text: 'y' }, evidence)).not.toBe(a);
    expect(fingerprint({ product: 'LOAN', text: 'x' }, [])).not.toBe(a);
    expect(fingerprint({ product: 'LOAN', text: 'x' }, [{ ...evidence[0], sha256: 'b'.repeat(64) }])).not.toBe(a);
  });
});

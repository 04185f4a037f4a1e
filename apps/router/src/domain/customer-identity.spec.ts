import { customerIdentities, normalisePhone } from './customer-identity';

describe('normalisePhone', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['+86 138-0013-8000', '13800138000'],
    ['008613800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['013800138000', '13800138000'],
    ['010-12345678', '01012345678'],
    ['123', null],
  ])('%s -> %s', (given, expected) => {
    expect(normalisePhone(given)).toBe(expected);
  });
});

describe('customerIdentities', () => {
  it('lists the customer id, the channel identities and the opened, normalised phone, strongest first', () => {
    const identities = customerIdentities({ customerId: 'cust-1', contact: { openId: 'o-1', uid: 'u-1', phone: 'sealed' } }, (sealed) =>
      sealed === 'sealed' ? '+86 13800138000' : null,
    );
    expect(identities).toEqual([
      { kind: 'customer', value: 'cust-1', verified: false },
      { kind: 'openid', value: 'o-1', verified: false },
      { kind: 'uid', value: 'u-1', verified: false },
      { kind: 'phone', value: '13800138000', verified: false },
    ]);
  });

  it('marks verified only the identities the channel vouched for', () => {
    const identities = customerIdentities(
      { customerId: 'cust-1', verifiedIdentities: ['customerId'], contact: { openId: 'o-1', phone: 'sealed' } },
      () => '13800138000',
    );
    expect(identities.map((i) => [i.kind, i.verified])).toEqual([
      ['customer', true],
      ['openid', false],
      ['phone', false],
    ]);
  });

  it('has no phone identity when the phone cannot be opened', () => {
    expect(customerIdentities({ contact: { phone: 'sealed' } }, () => null)).toEqual([]);
  });
});

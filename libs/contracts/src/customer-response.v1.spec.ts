import { customerIdentityKey, customerResponseKey } from './customer-response.v1';

describe('customerResponseKey', () => {
  const identity = { openId: 'o-123' };
  it('keys a response by its complaint, else its reference, else the customer on the channel', () => {
    expect(
      customerResponseKey({
        channel: 'wechat',
        identity,
        complaintId: '0b7c6a44-63f6-5b9e-9a4f-0e4a0f3a2d11',
        reference: 'C20261129-W7K3Q9',
      }),
    ).toBe('0b7c6a44-63f6-5b9e-9a4f-0e4a0f3a2d11');
    expect(customerResponseKey({ channel: 'wechat', identity, reference: 'C20261129-W7K3Q9' })).toBe('C20261129-W7K3Q9');
    expect(customerResponseKey({ channel: 'wechat', identity })).toBe('wechat:o-123');
  });
});

describe('customerIdentityKey', () => {
  it('names who answered by the identity their channel verified, or null when the answer came with none', () => {
    expect(customerIdentityKey({ customerId: 'cust-1', openId: 'o-1' })).toBe('customerId:cust-1');
    expect(customerIdentityKey({ openId: 'o-1' })).toBe('openId:o-1');
    expect(customerIdentityKey({ uid: '1234' })).toBe('uid:1234');
    expect(customerIdentityKey({})).toBeNull();
  });
});

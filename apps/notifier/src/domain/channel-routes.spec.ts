import { routesFor } from './channel-routes';

const sealed = 'pii:v1:k1:aaaa:bbbb:cccc';

describe('routesFor', () => {
  it('answers on the channel the customer used', () => {
    expect(routesFor({ channel: 'wechat', contact: { openId: 'o-1' } })).toEqual([{ route: 'wechat', recipient: 'o-1' }]);
    expect(routesFor({ channel: 'weibo', contact: { uid: '12345' } })).toEqual([{ route: 'weibo', recipient: '12345' }]);
    expect(routesFor({ channel: 'mobile', contact: {}, customerId: 'cust-9' })).toEqual([{ route: 'push', recipient: 'cust-9' }]);
  });

  it('texts hotline and web customers, and e-mails them when they gave an address', () => {
    expect(routesFor({ channel: 'hotline', contact: { phone: sealed, phoneLast4: '8000' } })).toEqual([
      { route: 'sms', recipient: sealed },
    ]);
    expect(routesFor({ channel: 'web', contact: { phone: sealed, email: sealed } })).toEqual([
      { route: 'sms', recipient: sealed },
      { route: 'email', recipient: sealed },
    ]);
  });

  it('has no route without the identity the channel needs', () => {
    expect(routesFor({ channel: 'wechat', contact: {} })).toEqual([]);
    expect(routesFor({ channel: 'mobile', contact: {} })).toEqual([]);
  });
});

import { answeringCustomer, CASE_CUSTOMER } from './answering-customer';
import { openCase } from './case';
import { routedComplaint } from './testing/case.fixture';

describe('answeringCustomer', () => {
  const routed = routedComplaint();
  routed.complaint.customer = { customerId: 'cust-7', contact: { openId: 'o-own', phoneLast4: '1234' } };
  const c = openCase(routed).case;

  it("is the case's own customer for an answer with no identity or with an identity of theirs, on any channel", () => {
    expect(answeringCustomer(c, {})).toBe(CASE_CUSTOMER);
    expect(answeringCustomer(c, { customerId: 'cust-7' })).toBe(CASE_CUSTOMER);
    expect(answeringCustomer(c, { openId: 'o-own' })).toBe(CASE_CUSTOMER);
  });

  it('is the channel identity of anyone else', () => {
    expect(answeringCustomer(c, { customerId: 'cust-8' })).toBe('customerId:cust-8');
    expect(answeringCustomer(c, { openId: 'o-other' })).toBe('openId:o-other');
    expect(answeringCustomer(c, { uid: '42' })).toBe('uid:42');
  });
});

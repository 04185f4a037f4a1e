import { customerIdentityKey, CustomerIdentityV1 } from '@complaints/contracts';
import type { Case } from './case';

/** The key of the case's own customer, whatever channel they answer on. */
export const CASE_CUSTOMER = 'case-customer';

/**
 * Who answers a case's survey, as the key of "one answer per case and customer": the case's own
 * customer (an answer with no identity, as from the web survey page or an SMS reply to the case's phone,
 * or with an identity the case's customer has) is CASE_CUSTOMER on every channel; anyone else is
 * their channel identity (`customerId:…`, `openId:…`, `uid:…`).
 */
export function answeringCustomer(c: Case, identity: CustomerIdentityV1): string {
  const own = c.customer;
  const isOwn =
    (identity.customerId !== undefined && identity.customerId === own.customerId) ||
    (identity.openId !== undefined && identity.openId === own.contact.openId) ||
    (identity.uid !== undefined && identity.uid === own.contact.uid);
  return isOwn ? CASE_CUSTOMER : (customerIdentityKey(identity) ?? CASE_CUSTOMER);
}

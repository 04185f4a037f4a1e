import type { CustomerV1, VerifiableIdentity } from '@complaints/contracts';

export type IdentityKind = 'customer' | 'openid' | 'uid' | 'phone';

/** One way of recognising a customer, before it is fingerprinted (never stored as is). */
export interface CustomerIdentity {
  kind: IdentityKind;
  value: string;
  /** Whether the channel verified it (`CustomerV1.verifiedIdentities`): only verified identities merge complaints. */
  verified: boolean;
}

const CONTRACT_FIELD: Record<IdentityKind, VerifiableIdentity> = { customer: 'customerId', openid: 'openId', uid: 'uid', phone: 'phone' };

/**
 * The identities a complaint carries, strongest first: the bank's customer id, the channel identity
 * (WeChat openId, Weibo uid), then the phone (opened from its sealed form by `openPhone`, normalised).
 */
export function customerIdentities(customer: CustomerV1, openPhone: (sealed: string) => string | null): CustomerIdentity[] {
  const identities: Omit<CustomerIdentity, 'verified'>[] = [];
  if (customer.customerId) identities.push({ kind: 'customer', value: customer.customerId.trim() });
  if (customer.contact.openId) identities.push({ kind: 'openid', value: customer.contact.openId.trim() });
  if (customer.contact.uid) identities.push({ kind: 'uid', value: customer.contact.uid.trim() });
  const phone = customer.contact.phone ? openPhone(customer.contact.phone) : null;
  const normalised = phone ? normalisePhone(phone) : null;
  if (normalised) identities.push({ kind: 'phone', value: normalised });
  const verified = new Set(customer.verifiedIdentities ?? []);
  return identities
    .filter((identity) => identity.value.length > 0)
    .map((identity) => ({ ...identity, verified: verified.has(CONTRACT_FIELD[identity.kind]) }));
}

/**
 * Digits only, without the Chinese country code or trunk prefix, so `+86 138-0013-8000`,
 * `008613800138000` and `13800138000` are one phone. Null when fewer than 5 digits remain.
 */
export function normalisePhone(phone: string): string | null {
  let digits = phone.replace(/\D/g, '');
  if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.startsWith('86') && digits.length === 13) digits = digits.slice(2);
  if (digits.length === 12 && digits.startsWith('0') && digits[1] === '1') digits = digits.slice(1);
  return digits.length >= 5 ? digits : null;
}

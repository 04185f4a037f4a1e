import type { CustomerV1 } from '@complaints/contracts';
import { keyedFingerprint } from '@complaints/security';
import { CustomerIdentity, customerIdentities } from '../../domain/customer-identity';

export interface CustomerFingerprintSet {
  /** Keyed fingerprints of every identity the complaint carries. */
  all: string[];
  /** Those of the identities the channel verified (the only ones that merge complaints). */
  verified: string[];
  /** The fingerprint of the bank's customer id, when there is one. */
  customer: string | null;
}

/**
 * Keyed fingerprints (HMAC-SHA256) of a customer's identities. The phone arrives sealed; it is
 * opened in memory only to be normalised and fingerprinted, and never stored.
 */
export class CustomerFingerprints {
  constructor(
    private readonly key: string,
    private readonly openSealed: (sealed: string) => string,
  ) {}

  of(customer: CustomerV1): CustomerFingerprintSet {
    const identities = customerIdentities(customer, (sealed) => {
      try {
        return this.openSealed(sealed);
      } catch {
        return null; // sealed with a key this service does not hold: the phone cannot identify the customer
      }
    });
    const all = [...new Set(identities.map((identity) => this.fingerprint(identity)))];
    const verified = [...new Set(identities.filter((identity) => identity.verified).map((identity) => this.fingerprint(identity)))];
    const customerId = identities.find((identity) => identity.kind === 'customer');
    return { all, verified, customer: customerId ? this.fingerprint(customerId) : null };
  }

  private fingerprint(identity: CustomerIdentity): string {
    return keyedFingerprint(this.key, identity.kind, identity.value);
  }
}

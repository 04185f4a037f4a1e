import type { Product, Reason } from '@complaints/contracts';

/** A routed complaint as a matter of a customer, for recognising repeats. */
export interface MatterRecord {
  complaintId: string;
  reference: string;
  product: Product;
  reason: Reason;
  receivedAt: string;
  fingerprints: string[];
  customerFingerprint: string | null;
  linkedTo: string | null;
}

export interface EarlierMatterQuery {
  complaintId: string;
  fingerprints: string[];
  customerFingerprint: string | null;
  product: Product;
  reason: Reason;
  since: Date;
  until: Date;
}

export interface EarlierMatter {
  complaintId: string;
  reference: string;
}

/** Port: matters of routed complaints and whether their cases are still open. */
export abstract class MatterStore {
  /**
   * The earliest received still-open matter with the same product and reason, received in [since, until],
   * sharing an identity fingerprint and not belonging to a different customer id.
   */
  abstract findOpenEarlier(query: EarlierMatterQuery): Promise<EarlierMatter | null>;
  /**
   * Holds a lock on these customer fingerprints until the returned release is called, so that two
   * complaints of one customer routed at the same moment (other partitions, other processes) see
   * each other: the second waits until the first is stored.
   */
  abstract lockCustomer(fingerprints: string[]): Promise<() => Promise<void>>;
  /** Marks a complaint's case open or no longer open; false when the router has no such matter. */
  abstract setOpen(complaintId: string, open: boolean, at: Date): Promise<boolean>;
}

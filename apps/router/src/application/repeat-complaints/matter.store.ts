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
  receivedAt: string;
}

/** Port: whether the cases of routed complaints are still open (repeats link only to open ones). */
export abstract class MatterStore {
  /** Marks a complaint's case open or no longer open; false when the router has no such matter. */
  abstract setOpen(complaintId: string, open: boolean, at: Date): Promise<boolean>;
}

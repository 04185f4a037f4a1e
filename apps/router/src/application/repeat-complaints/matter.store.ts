import type { Product, Reason } from '@complaints/contracts';

/** A routed complaint as a matter of a customer, for recognising repeats. */
export interface MatterRecord {
  complaintId: string;
  reference: string;
  product: Product;
  reason: Reason;
  receivedAt: string;
  fingerprints: string[];
  /** The fingerprints of the identities the channel verified (a subset of `fingerprints`). */
  verifiedFingerprints: string[];
  customerFingerprint: string | null;
  linkedTo: string | null;
}

/**
 * How two complaints of a customer relate: `merge` when they share an identity both channels verified
 * (one case, customer-visible), `related` when they share any identity (handlers only).
 */
export type RepeatKind = 'merge' | 'related';

export interface EarlierMatterQuery {
  complaintId: string;
  kind: RepeatKind;
  /** For `merge` the verified fingerprints, matched against verified ones only; for `related` all. */
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

/** A complaint's case became open again or no longer open, at this time. */
export interface CaseOpenChange {
  complaintId: string;
  open: boolean;
  at: Date;
}

/** Port: whether the cases of routed complaints are still open (repeats link only to open ones). */
export abstract class MatterStore {
  /** Marks the complaints' cases open or no longer open (one change per complaint); complaints without a matter are left alone. */
  abstract setOpen(changes: readonly CaseOpenChange[]): Promise<void>;
}

import { ComplaintV1, Evidence, Product, RegionCode, toE164 } from '@complaints/contracts';
import { complaintContent, requestFingerprint } from '@complaints/intake/domain';
import { maskSensitiveNumbers, PiiCipher } from '@complaints/security/domain';

/** What the app submits (already validated at the edge), for the customer named by the token. */
export interface MobileSubmission {
  text: string;
  product?: Product;
  accountRef?: string;
  amount?: { value: number; currency: string };
  /** The date of the disputed transaction, YYYY-MM-DD. */
  transactionDate?: string;
  /** A number to call the customer back on, if they gave one. */
  phone?: string;
  /** The customer's province-level division (GB/T 2260 code), if the app sent it. */
  region?: RegionCode;
}

export interface MobileIdentity {
  complaintId: string;
  reference: string;
  customerId: string;
  idempotencyKey: string;
  receivedAt: Date;
}

export const MOBILE_SOURCE_SYSTEM = 'mobile-app';

/**
 * The canonical complaint of an app submission: the customer is the token's subject; card and ID
 * numbers are masked in the text and the account reference; a phone is sealed (AES-GCM) with only
 * its last four digits in clear; attachments travel as metadata and digest, never as bytes; the
 * transaction date and the region (its code) go in `context.extra`.
 */
export function normaliseMobileSubmission(
  submission: MobileSubmission,
  evidence: readonly Evidence[],
  ids: MobileIdentity,
  cipher: PiiCipher,
): ComplaintV1 {
  const text = maskSensitiveNumbers(submission.text.trim());
  const receivedAt = ids.receivedAt.toISOString();
  const phone = submission.phone ? (toE164(submission.phone) ?? submission.phone.trim()) : undefined;
  const extra = Object.fromEntries(
    Object.entries({ transactionDate: submission.transactionDate, region: submission.region }).filter(([, v]) => v !== undefined),
  );
  return Object.assign(new ComplaintV1(), {
    complaintId: ids.complaintId,
    reference: ids.reference,
    channel: 'mobile' as const,
    receivedAt,
    source: { system: MOBILE_SOURCE_SYSTEM, messageId: ids.idempotencyKey, receivedAt },
    customer: {
      customerId: ids.customerId,
      // The token's subject is verified by the sign-in; a phone typed in the app is not.
      verifiedIdentities: ['customerId' as const],
      contact: phone ? { phone: cipher.seal(phone), phoneLast4: phone.replace(/\D/g, '').slice(-4) } : {},
    },
    content: complaintContent(text, evidence),
    context: {
      ...(submission.product ? { productHint: submission.product } : {}),
      ...(submission.accountRef ? { accountRef: maskSensitiveNumbers(submission.accountRef.trim()) } : {}),
      ...(submission.amount ? { amount: { value: submission.amount.value, currency: submission.amount.currency } } : {}),
      ...(Object.keys(extra).length > 0 ? { extra } : {}),
    },
  });
}

/**
 * A stable fingerprint of a request: the same fields in any key order, and the same attachment
 * bytes (by digest) under the same declared types, give the same hash.
 */
export function fingerprint(submission: MobileSubmission, evidence: ReadonlyArray<Pick<Evidence, 'sha256' | 'fileName'>>): string {
  const value = { ...submission, attachments: evidence.map((e) => ({ sha256: e.sha256, fileName: e.fileName })) };
  return requestFingerprint(value);
}

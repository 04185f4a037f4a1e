import { ComplaintV1, Evidence, Product, RegionCode, toE164 } from '@complaints/contracts';
import { complaintContent, requestFingerprint } from '@complaints/intake/domain';
import { maskSensitiveNumbers, PiiCipher } from '@complaints/security/domain';

/** What a customer submits through the web form (already validated at the edge). */
export interface WebSubmission {
  text: string;
  customer: { name: string; phone: string; email?: string; idNumber?: string };
  product?: Product;
  /** The customer's province-level division (GB/T 2260 code), if they gave it. */
  region?: RegionCode;
  consent: true;
}

export const WEB_SOURCE_SYSTEM = 'web-form';

/**
 * The canonical complaint of a web submission: card and ID numbers masked in the text, contact
 * details sealed (AES-GCM), only the phone's last four digits in clear for status look-ups; the
 * region, when given, as `context.extra.region` (the code), which analytics reports by;
 * evidence travels as metadata and digest, never as bytes (the intake keeps the files).
 */
export function normaliseWebSubmission(
  submission: WebSubmission,
  ids: { complaintId: string; reference: string; receivedAt: Date; idempotencyKey?: string },
  cipher: PiiCipher,
  evidence: readonly Evidence[] = [],
): ComplaintV1 {
  const text = maskSensitiveNumbers(submission.text.trim());
  const phoneDigits = submission.customer.phone.replace(/\D/g, '');
  const receivedAt = ids.receivedAt.toISOString();
  return Object.assign(new ComplaintV1(), {
    complaintId: ids.complaintId,
    reference: ids.reference,
    channel: 'web' as const,
    receivedAt,
    source: { system: WEB_SOURCE_SYSTEM, messageId: ids.idempotencyKey ?? null, receivedAt },
    customer: {
      name: cipher.seal(submission.customer.name.trim()),
      ...(submission.customer.idNumber ? { idNumber: cipher.seal(submission.customer.idNumber.toUpperCase()) } : {}),
      contact: {
        phone: cipher.seal(toE164(submission.customer.phone) ?? submission.customer.phone.trim()),
        phoneLast4: phoneDigits.slice(-4),
        ...(submission.customer.email ? { email: cipher.seal(submission.customer.email.trim().toLowerCase()) } : {}),
      },
    },
    content: complaintContent(text, evidence),
    context: {
      ...(submission.product ? { productHint: submission.product } : {}),
      ...(submission.region ? { extra: { region: submission.region } } : {}),
    },
  });
}

/**
 * A stable fingerprint of a request: the same fields in any key order, and the same evidence bytes
 * (by digest) under the same names, give the same hash. Without evidence it is the body's hash alone.
 */
export function fingerprint(submission: WebSubmission, evidence: ReadonlyArray<Pick<Evidence, 'sha256' | 'fileName'>> = []): string {
  const value =
    evidence.length > 0 ? { ...submission, attachments: evidence.map((e) => ({ sha256: e.sha256, fileName: e.fileName })) } : submission;
  return requestFingerprint(value);
}

import { REFERENCE_PATTERN } from '@complaints/contracts/complaint-reference';

/** What the find-a-case box makes of what was typed: a reference to open, or why it is not one. */
export type ReferenceInput = { ok: true; reference: string } | { ok: false; problem: 'empty' | 'malformed' };

/**
 * A complaint reference as typed by a person: spaces around it dropped and upper-cased, then checked
 * against the references' own format (`C` + yyyymmdd + `-` + 6 Crockford base32 characters).
 */
export function normaliseReference(typed: string): ReferenceInput {
  const reference = typed.trim().toUpperCase();
  if (!reference) return { ok: false, problem: 'empty' };
  return REFERENCE_PATTERN.test(reference) ? { ok: true, reference } : { ok: false, problem: 'malformed' };
}

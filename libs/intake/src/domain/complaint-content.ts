import { detectLanguage } from '@complaints/classification';
import type { Evidence } from '@complaints/contracts';

/** A complaint's content as an intake publishes it: the text, its language, and the evidence as metadata and digest, never the bytes. */
export function complaintContent(text: string, evidence: readonly Evidence[]) {
  return {
    text,
    language: detectLanguage(text),
    ...(evidence.length > 0
      ? { attachments: evidence.map((e) => ({ id: e.id, contentType: e.contentType, sizeBytes: e.sizeBytes, sha256: e.sha256 })) }
      : {}),
  };
}

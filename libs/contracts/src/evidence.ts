import { createHash, randomUUID } from 'node:crypto';
import type { FieldError } from './validation';
import { declaredEvidenceType, EvidenceType, sniffEvidenceType } from './evidence-type';
import { evidenceMessage } from './evidence.rules';

/** An attachment as the app sends it: base64 bytes, with the type and name the app believes. */
export interface EvidenceUpload {
  data: string;
  contentType?: string;
  fileName?: string;
}

/** A checked attachment: its type is what its bytes are, its digest what the bank received. */
export interface Evidence {
  id: string;
  contentType: EvidenceType;
  sizeBytes: number;
  sha256: string;
  fileName: string | null;
  content: Buffer;
}

export interface EvidenceLimits {
  maxCount: number;
  maxBytes: number;
}

export type EvidenceCheck = { ok: true; evidence: Evidence[] } | { ok: false; tooLarge: boolean; errors: FieldError[] };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Decodes and checks evidence: at most `maxCount` files of at most `maxBytes` each, strict base64,
 * and a content that is one of the accepted formats. A declared type that contradicts the content
 * (an executable or a web page sent as image/png) is refused, naming the attachment.
 */
export function checkEvidence(uploads: readonly EvidenceUpload[], limits: EvidenceLimits, newId: () => string = randomUUID): EvidenceCheck {
  if (uploads.length > limits.maxCount) {
    return {
      ok: false,
      tooLarge: true,
      errors: [{ field: 'attachments', message: evidenceMessage('tooMany', { max: limits.maxCount, count: uploads.length }) }],
    };
  }
  const errors: FieldError[] = [];
  let tooLarge = false;
  const evidence: Evidence[] = [];
  uploads.forEach((upload, index) => {
    const field = `attachments[${index}]`;
    const data = upload.data.replace(/\s+/g, '');
    if (Math.floor((data.length * 3) / 4) - padding(data) > limits.maxBytes) {
      tooLarge = true;
      errors.push({ field: `${field}.data`, message: evidenceMessage('tooLarge', { maxBytes: limits.maxBytes }) });
      return;
    }
    if (data.length === 0 || data.length % 4 !== 0 || !BASE64.test(data)) {
      errors.push({ field: `${field}.data`, message: evidenceMessage('notBase64') });
      return;
    }
    const content = Buffer.from(data, 'base64');
    const sniffed = sniffEvidenceType(content);
    if (!sniffed) {
      errors.push({ field: `${field}.data`, message: evidenceMessage('wrongType') });
      return;
    }
    if (upload.contentType !== undefined && declaredEvidenceType(upload.contentType) !== sniffed) {
      errors.push({ field: `${field}.contentType`, message: evidenceMessage('typeMismatch', { declared: upload.contentType, sniffed }) });
      return;
    }
    evidence.push({
      id: newId(),
      contentType: sniffed,
      sizeBytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      fileName: upload.fileName?.trim() || null,
      content,
    });
  });
  return errors.length > 0 ? { ok: false, tooLarge, errors } : { ok: true, evidence };
}

function padding(base64: string): number {
  return base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
}

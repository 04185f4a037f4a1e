import { EVIDENCE_TYPES, EvidenceType } from '@complaints/contracts';
import type { StoredEvidence } from './evidence-files';

const EXTENSIONS: Record<EvidenceType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'application/pdf': 'pdf',
};
const MAX_NAME_LENGTH = 100;

/** The type a download is served with: the stored evidence type, or plain bytes for anything else. */
export function evidenceMediaType(contentType: string): string {
  return isEvidenceType(contentType) ? contentType : 'application/octet-stream';
}

/**
 * A safe name for a downloaded evidence file: the customer's own name without any folder, control or
 * reserved characters, at most 100 characters, ending in the extension of the type the bytes really
 * are (`named-wrongly.pdf` holding a JPEG becomes `named-wrongly.pdf.jpg`); `evidence-<id>` when none.
 */
export function evidenceFileName(file: Pick<StoredEvidence, 'fileName' | 'contentType'>, attachmentId: string): string {
  const extension = isEvidenceType(file.contentType) ? EXTENSIONS[file.contentType] : 'bin';
  const given = (file.fileName ?? '')
    .split(/[\\/]/)
    .pop()!
    // Removing control characters from file names is the point of this expression.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f"*:<>?|\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const base = [...(given || `evidence-${attachmentId.slice(0, 8)}`)].slice(0, MAX_NAME_LENGTH).join('');
  return base.toLowerCase().endsWith(`.${extension}`) || (extension === 'jpg' && /\.jpe?g$/i.test(base)) ? base : `${base}.${extension}`;
}

function isEvidenceType(type: string): type is EvidenceType {
  return (EVIDENCE_TYPES as readonly string[]).includes(type);
}

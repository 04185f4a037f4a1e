import { EvidenceLinkKeys, evidenceLinkQuery } from '@complaints/security';
import type { Case } from '../../domain/case';

/** The download links of a case's evidence, and until when they work. */
export interface IssuedEvidenceLinks {
  expiresAt: Date;
  /** By attachment id. */
  urls: ReadonlyMap<string, string>;
}

/**
 * Signs the links staff open a case's evidence with: each attachment is kept by the intake of the
 * case's channel and served by it at `<base>/v1/evidence/<id>` to holders of a link signed here
 * (EVIDENCE_LINK_SECRET, shared with the intakes), for `ttlSec`.
 */
export class EvidenceLinks {
  constructor(
    private readonly keys: EvidenceLinkKeys,
    /** Base URL of each channel's intake, as staff's browsers reach it. */
    private readonly baseUrls: ReadonlyMap<string, string>,
    private readonly ttlSec: number,
  ) {}

  /** Null when the case has no evidence or its channel has no base URL. */
  issue(c: Case, now: Date): IssuedEvidenceLinks | null {
    const base = this.baseUrls.get(c.channel);
    const attachments = c.content.attachments ?? [];
    if (!base || attachments.length === 0) return null;
    const expires = Math.floor(now.getTime() / 1000) + this.ttlSec;
    const urls = new Map(
      attachments.map((a) => [
        a.id,
        `${base}/v1/evidence/${encodeURIComponent(a.id)}?${evidenceLinkQuery(this.keys, { attachmentId: a.id, complaintId: c.complaintId, expires })}`,
      ]),
    );
    return { expiresAt: new Date(expires * 1000), urls };
  }
}

/** An evidence file as an intake keeps it. */
export interface StoredEvidence {
  complaintId: string;
  /** The type judged from the bytes at upload (one of the accepted evidence types). */
  contentType: string;
  /** The name the customer's device gave it, if any (untrusted). */
  fileName: string | null;
  content: Buffer;
}

/** The port each intake that keeps evidence implements for the shared download route: one file by its id. */
export abstract class EvidenceFiles {
  /** The file, or null when no attachment has this id (always a UUID here). */
  abstract find(attachmentId: string): Promise<StoredEvidence | null>;
}

import type { CaseStatus, Product } from '@complaints/contracts';
import type { CaseUpdate } from '../../domain/customer-timeline';

/** One of the customer's complaints, as a list shows it. */
export interface ComplaintSummary {
  reference: string;
  complaintId: string;
  status: CaseStatus;
  product: Product | null;
  receivedAt: Date;
  updatedAt: Date;
}

export interface TimelineEntry {
  event: string;
  status: CaseStatus;
  message: string | null;
  at: Date;
}

export interface ComplaintDetail extends ComplaintSummary {
  text: string;
  attachments: Array<{ id: string; contentType: string; sizeBytes: number; sha256: string }>;
  /** Customer-visible events only, oldest first. */
  timeline: TimelineEntry[];
}

/** An evidence file of one of the customer's complaints. */
export interface StoredAttachment {
  id: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  content: Buffer;
}

export type ApplyResult = 'applied' | 'duplicate' | 'unknown-complaint';

/** Port: the customer's view of their complaints, fed by case events. */
export abstract class ComplaintViewStore {
  abstract listFor(customerId: string, limit: number): Promise<ComplaintSummary[]>;
  abstract findFor(customerId: string, reference: string): Promise<ComplaintDetail | null>;
  abstract findAttachmentFor(customerId: string, reference: string, attachmentId: string): Promise<StoredAttachment | null>;
  /**
   * Records case updates once per eventId, all or none, answering what became of each (in their
   * order); a complaint's status follows its latest update by time (the later one on a tie).
   */
  abstract applyAll(updates: CaseUpdate[]): Promise<ApplyResult[]>;
}

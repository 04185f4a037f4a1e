import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CaseStatus, ComplaintReceivedV1 } from '@complaints/contracts';
import { AttachmentEntity, guarded, storeUnavailable } from '@complaints/intake';
import {
  ApplyResult,
  ComplaintDetail,
  ComplaintSummary,
  ComplaintViewStore,
  StoredAttachment,
} from '../../application/track-complaints/complaint-view.store';
import { CaseUpdate } from '../../domain/customer-timeline';
import { CaseUpdateEntity } from './case-update.entity';
import { SubmissionEntity } from './submission.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The customer's view in PostgreSQL: submissions (with the latest case status) and case updates. */
@Injectable()
export class TypeOrmComplaintViewStore extends ComplaintViewStore {
  constructor(@InjectRepository(SubmissionEntity) private readonly submissions: Repository<SubmissionEntity>) {
    super();
  }

  async listFor(customerId: string, limit: number): Promise<ComplaintSummary[]> {
    const rows = await available(() =>
      this.submissions.find({ where: { customerId, status: 'accepted' }, order: { receivedAt: 'DESC' }, take: limit }),
    );
    return rows.map(summaryOf);
  }

  async findFor(customerId: string, reference: string): Promise<ComplaintDetail | null> {
    // One snapshot for the status and the updates, so an event applied between the two reads never
    // shows its update beside the status before it.
    const found = await available(() =>
      this.submissions.manager.transaction('REPEATABLE READ', async (manager) => {
        const row = await manager.findOneBy(SubmissionEntity, { customerId, reference, status: 'accepted' });
        if (!row) return null;
        const updates = await manager.find(CaseUpdateEntity, {
          where: { complaintId: row.complaintId, customerVisible: true },
          order: { at: 'ASC', eventId: 'ASC' },
        });
        return { row, updates };
      }),
    );
    if (!found) return null;
    const { row, updates } = found;
    const complaint = (row.event as ComplaintReceivedV1).complaint;
    return {
      ...summaryOf(row),
      text: complaint.content.text,
      attachments: (complaint.content.attachments ?? []).map((a) => ({
        id: a.id,
        contentType: a.contentType,
        sizeBytes: a.sizeBytes,
        sha256: a.sha256,
      })),
      timeline: [
        { event: 'complaint.received', status: 'RECEIVED', message: null, at: row.receivedAt },
        ...updates.map((u) => ({ event: u.eventType, status: u.status as CaseStatus, message: u.message, at: u.at })),
      ],
    };
  }

  async findAttachmentFor(customerId: string, reference: string, attachmentId: string): Promise<StoredAttachment | null> {
    if (!UUID.test(attachmentId)) return null;
    const row = await available(() =>
      this.submissions.manager
        .createQueryBuilder(AttachmentEntity, 'a')
        .innerJoin(SubmissionEntity, 's', 's.complaint_id = a.complaint_id')
        .where('a.id = :attachmentId AND s.customer_id = :customerId AND s.reference = :reference AND s.status = :accepted', {
          attachmentId,
          customerId,
          reference,
          accepted: 'accepted',
        })
        .getOne(),
    );
    return row ? { id: row.id, contentType: row.contentType, sizeBytes: row.sizeBytes, sha256: row.sha256, content: row.content } : null;
  }

  async applyAll(updates: CaseUpdate[]): Promise<ApplyResult[]> {
    // One statement, so all or none: the updates of known complaints are inserted once per event id,
    // and each complaint's status follows the latest inserted update by time (the later one on a tie),
    // unless a later one was applied before.
    const first = new Map<string, CaseUpdate>();
    for (const update of updates) if (!first.has(update.eventId)) first.set(update.eventId, update);
    const unique = [...first.values()];
    const result: unknown = await available(() =>
      this.submissions.query(
        `WITH e AS (
           SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::boolean[], $6::text[], $7::timestamptz[])
             WITH ORDINALITY AS e(event_id, complaint_id, event_type, status, customer_visible, message, at, ord)
         ), known AS (
           SELECT e.* FROM e WHERE EXISTS (SELECT 1 FROM intake_mobile.submissions s WHERE s.complaint_id = e.complaint_id)
         ), inserted AS (
           INSERT INTO intake_mobile.case_updates (event_id, complaint_id, event_type, status, customer_visible, message, at)
           SELECT event_id, complaint_id, event_type, status, customer_visible, message, at FROM known
           ON CONFLICT (event_id) DO NOTHING
           RETURNING event_id
         ), latest AS (
           SELECT DISTINCT ON (k.complaint_id) k.complaint_id, k.status, k.at
             FROM known k JOIN inserted i USING (event_id)
            ORDER BY k.complaint_id, k.at DESC, k.ord DESC
         ), updated AS (
           UPDATE intake_mobile.submissions s SET case_status = l.status, case_updated_at = l.at
             FROM latest l
            WHERE s.complaint_id = l.complaint_id AND (s.case_updated_at IS NULL OR s.case_updated_at <= l.at)
         )
         SELECT e.event_id,
                EXISTS (SELECT 1 FROM known k WHERE k.event_id = e.event_id) AS known,
                EXISTS (SELECT 1 FROM inserted i WHERE i.event_id = e.event_id) AS inserted
           FROM e`,
        [
          unique.map((u) => u.eventId),
          unique.map((u) => u.complaintId),
          unique.map((u) => u.eventType),
          unique.map((u) => u.status),
          unique.map((u) => u.customerVisible),
          unique.map((u) => u.message),
          unique.map((u) => u.at),
        ],
      ),
    );
    const outcomes = new Map(
      (result as Array<{ event_id: string; known: boolean; inserted: boolean }>).map((row) => [
        row.event_id,
        !row.known ? ('unknown-complaint' as const) : row.inserted ? ('applied' as const) : ('duplicate' as const),
      ]),
    );
    // A second delivery of an event in the same batch is a duplicate of the first.
    const seen = new Set<string>();
    return updates.map((update) => {
      const outcome = outcomes.get(update.eventId) ?? 'duplicate';
      if (seen.has(update.eventId)) return outcome === 'unknown-complaint' ? outcome : 'duplicate';
      seen.add(update.eventId);
      return outcome;
    });
  }
}

function summaryOf(row: SubmissionEntity): ComplaintSummary {
  const complaint = (row.event as ComplaintReceivedV1).complaint;
  return {
    reference: row.reference,
    complaintId: row.complaintId,
    status: (row.caseStatus ?? 'RECEIVED') as CaseStatus,
    product: complaint.context.productHint ?? null,
    receivedAt: row.receivedAt,
    updatedAt: row.caseUpdatedAt ?? row.receivedAt,
  };
}

function available<T>(work: () => Promise<T>): Promise<T> {
  return guarded(work, storeUnavailable);
}

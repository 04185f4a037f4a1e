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

  async apply(update: CaseUpdate): Promise<ApplyResult> {
    return available(() =>
      this.submissions.manager.transaction(async (manager) => {
        const known = await manager.existsBy(SubmissionEntity, { complaintId: update.complaintId });
        if (!known) return 'unknown-complaint' as const;
        const inserted = await manager
          .createQueryBuilder()
          .insert()
          .into(CaseUpdateEntity)
          .values({ ...update })
          .orIgnore()
          .returning(['eventId'])
          .execute();
        if ((inserted.raw as unknown[]).length === 0) return 'duplicate' as const;
        // The status follows the latest event by its time, whatever order they arrive in.
        await manager
          .createQueryBuilder()
          .update(SubmissionEntity)
          .set({ caseStatus: update.status, caseUpdatedAt: update.at })
          .where('complaint_id = :id AND (case_updated_at IS NULL OR case_updated_at <= :at)', { id: update.complaintId, at: update.at })
          .execute();
        return 'applied' as const;
      }),
    );
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

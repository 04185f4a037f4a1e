import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ComplaintReceivedV1, Evidence, parseContract } from '@complaints/contracts';
import { violatedUniqueConstraint } from '@complaints/persistence';
import { ReserveResult, StoreUnavailableError, SubmissionRecord, SubmissionStore } from '../../application/submit-complaint/submission.store';
import { AttachmentEntity } from './attachment.entity';
import { SubmissionEntity } from './submission.entity';


@Injectable()
export class TypeOrmSubmissionStore extends SubmissionStore {
  constructor(@InjectRepository(SubmissionEntity) private readonly submissions: Repository<SubmissionEntity>) {
    super();
  }

  async findByKey(customerId: string, idempotencyKey: string): Promise<SubmissionRecord | null> {
    const row = await guard(() => this.submissions.findOneBy({ customerId, idempotencyKey }));
    return row ? toRecord(row) : null;
  }

  async reserve(record: SubmissionRecord, evidence: readonly Evidence[]): Promise<ReserveResult> {
    try {
      await this.submissions.manager.transaction(async (manager) => {
        await manager.insert(SubmissionEntity, {
          complaintId: record.complaintId,
          customerId: record.customerId,
          idempotencyKey: record.idempotencyKey,
          reference: record.reference,
          requestHash: record.requestHash,
          status: record.status,
          event: JSON.parse(JSON.stringify(record.event)) as object,
          receivedAt: record.receivedAt,
          acceptedAt: null,
          caseStatus: null,
          caseUpdatedAt: null,
        });
        // One file per statement: a batch of several 10 MB parameters would build one huge query.
        for (const [position, file] of evidence.entries()) {
          await manager.insert(AttachmentEntity, {
            id: file.id,
            complaintId: record.complaintId,
            position,
            contentType: file.contentType,
            sizeBytes: file.sizeBytes,
            sha256: file.sha256,
            fileName: file.fileName,
            content: file.content,
          });
        }
      });
      return 'reserved';
    } catch (error) {
      const constraint = violatedUniqueConstraint(error);
      if (constraint !== null) {
        if (constraint === 'submissions_reference_uq') return 'reference-taken';
        if (constraint === 'submissions_customer_key_uq' || constraint === 'submissions_pkey') return 'key-taken';
      }
      throw unavailable(error);
    }
  }

  async markAccepted(complaintId: string): Promise<void> {
    await guard(() => this.submissions.update({ complaintId, status: 'pending' }, { status: 'accepted', acceptedAt: new Date() }));
  }
}

function toRecord(row: SubmissionEntity): SubmissionRecord {
  return {
    complaintId: row.complaintId,
    customerId: row.customerId,
    idempotencyKey: row.idempotencyKey,
    reference: row.reference,
    requestHash: row.requestHash,
    status: row.status,
    event: parseContract(ComplaintReceivedV1, row.event),
    receivedAt: row.receivedAt,
  };
}

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw unavailable(error);
  }
}

function unavailable(error: unknown): Error {
  return new StoreUnavailableError(error instanceof Error ? error.message : String(error));
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, Repository } from 'typeorm';
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

  async findByKey(idempotencyKey: string): Promise<SubmissionRecord | null> {
    const row = await guard(() => this.submissions.findOneBy({ idempotencyKey }));
    return row ? toRecord(row) : null;
  }

  async findByReference(reference: string): Promise<SubmissionRecord | null> {
    const row = await guard(() => this.submissions.findOneBy({ reference }));
    return row ? toRecord(row) : null;
  }

  async reserve(record: SubmissionRecord, evidence: readonly Evidence[]): Promise<ReserveResult> {
    try {
      await this.submissions.manager.transaction(async (manager) => {
        await manager.insert(SubmissionEntity, {
          complaintId: record.complaintId,
          reference: record.reference,
          idempotencyKey: record.idempotencyKey,
          requestHash: record.requestHash,
          status: record.status,
          event: JSON.parse(JSON.stringify(record.event)) as object,
          receivedAt: record.receivedAt,
          acceptedAt: null,
        });
        // One file per statement: a batch of several megabyte-sized parameters would build one huge query.
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
        return constraint === 'submissions_reference_uq' ? 'reference-taken' : 'key-taken';
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
    reference: row.reference,
    idempotencyKey: row.idempotencyKey,
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
  if (error instanceof QueryFailedError) return error;
  return new StoreUnavailableError(error instanceof Error ? error.message : String(error));
}

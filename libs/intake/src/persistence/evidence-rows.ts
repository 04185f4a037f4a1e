import type { Evidence } from '@complaints/contracts';
import type { EntityManager } from 'typeorm';
import { AttachmentEntity } from './attachment.entity';

/** Inserts a submission's evidence files (in the submission's transaction), in the order they were sent. */
export async function insertEvidence(manager: EntityManager, complaintId: string, evidence: readonly Evidence[]): Promise<void> {
  // One file per statement: a batch of several megabyte-sized parameters would build one huge query.
  for (const [position, file] of evidence.entries()) {
    await manager.insert(AttachmentEntity, {
      id: file.id,
      complaintId,
      position,
      contentType: file.contentType,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
      fileName: file.fileName,
      content: file.content,
    });
  }
}

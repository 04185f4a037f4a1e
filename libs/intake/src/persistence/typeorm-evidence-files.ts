import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { EvidenceFiles, StoredEvidence } from '@complaints/security';
import { AttachmentEntity } from './attachment.entity';

/** The evidence files an intake keeps (its `attachments` table), for the signed download route. */
@Injectable()
export class TypeOrmEvidenceFiles extends EvidenceFiles {
  constructor(@InjectRepository(AttachmentEntity) private readonly attachments: Repository<AttachmentEntity>) {
    super();
  }

  async find(attachmentId: string): Promise<StoredEvidence | null> {
    const row = await this.attachments.findOne({
      where: { id: attachmentId },
      select: ['complaintId', 'contentType', 'fileName', 'content'],
    });
    return row ? { complaintId: row.complaintId, contentType: row.contentType, fileName: row.fileName, content: row.content } : null;
  }
}

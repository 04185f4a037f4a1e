import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseEventV1, CaseStatus } from '@complaints/contracts';
import { CaseProgress, CaseProgressStore } from '../../application/follow-complaint/case-progress.store';
import { CaseProgressEntity, CaseUpdateEntity } from './case-progress.entity';

@Injectable()
export class TypeOrmCaseProgressStore extends CaseProgressStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async apply(event: CaseEventV1): Promise<void> {
    const at = new Date(event.at);
    await this.dataSource.transaction(async (manager) => {
      // Latest event wins; events of one case arrive in order (keyed by complaintId), replays change nothing.
      await manager
        .createQueryBuilder()
        .insert()
        .into(CaseProgressEntity)
        .values({ reference: event.case.reference, status: event.case.status, updatedAt: at })
        .orUpdate(['status', 'updated_at'], ['reference'])
        .execute();
      if (event.customerVisible) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(CaseUpdateEntity)
          .values({
            eventId: event.eventId,
            reference: event.case.reference,
            kind: event.eventType.slice('case.'.length),
            message: event.message ?? null,
            at,
          })
          .orIgnore()
          .execute();
      }
    });
  }

  async find(reference: string): Promise<CaseProgress | null> {
    // One snapshot for the status and the updates, so an event applied between the two reads never
    // shows its update beside the status before it.
    const found = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const progress = await manager.findOneBy(CaseProgressEntity, { reference });
      return progress ? { progress, updates: await manager.find(CaseUpdateEntity, { where: { reference }, order: { at: 'ASC' } }) } : null;
    });
    if (!found) return null;
    const { progress, updates } = found;
    return {
      reference,
      status: progress.status as CaseStatus,
      updatedAt: progress.updatedAt.toISOString(),
      updates: updates.map((u) => ({ at: u.at.toISOString(), kind: u.kind, ...(u.message ? { message: u.message } : {}) })),
    };
  }
}

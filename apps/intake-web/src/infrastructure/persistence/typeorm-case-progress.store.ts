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

  async applyAll(events: CaseEventV1[]): Promise<void> {
    // The last event of each case sets its status: a case's events arrive in order (keyed by
    // complaintId), so replays end where they ended before. One statement, so all or none.
    const latest = new Map<string, CaseEventV1>();
    for (const event of events) latest.set(event.case.reference, event);
    const updates = new Map<string, CaseEventV1>();
    for (const event of events) if (event.customerVisible && !updates.has(event.eventId)) updates.set(event.eventId, event);
    const cases = [...latest.values()];
    const visible = [...updates.values()];
    await this.dataSource.query(
      `WITH progress AS (
         INSERT INTO intake_web.case_progress (reference, status, updated_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[])
         ON CONFLICT (reference) DO UPDATE SET status = EXCLUDED.status, updated_at = EXCLUDED.updated_at
       )
       INSERT INTO intake_web.case_updates (event_id, reference, kind, message, at)
       SELECT * FROM unnest($4::uuid[], $5::text[], $6::text[], $7::text[], $8::timestamptz[])
       ON CONFLICT (event_id) DO NOTHING`,
      [
        cases.map((e) => e.case.reference),
        cases.map((e) => e.case.status),
        cases.map((e) => e.at),
        visible.map((e) => e.eventId),
        visible.map((e) => e.case.reference),
        visible.map((e) => e.eventType.slice('case.'.length)),
        visible.map((e) => e.message ?? null),
        visible.map((e) => e.at),
      ],
    );
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

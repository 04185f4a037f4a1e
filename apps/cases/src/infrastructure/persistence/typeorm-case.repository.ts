import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { PoisonMessageError } from '@complaints/messaging';
import { CaseFilter, CaseRepository } from '../../application/case.repository';
import type { Case, TimelineEntry } from '../../domain/case';
import { CaseEntity } from './case.entity';
import { TimelineEntryEntity } from './timeline-entry.entity';
import { toCase, toCaseEntity } from './case.mapper';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class TypeOrmCaseRepository extends CaseRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async createIfAbsent(opened: Case, timeline: TimelineEntry[]): Promise<boolean> {
    try {
      return await this.db.transaction(async (tx) => {
        const inserted = await tx.createQueryBuilder().insert().into(CaseEntity).values(toCaseEntity(opened)).onConflict('("complaint_id") DO NOTHING').execute();
        // RETURNING yields a row only when the case was inserted.
        if ((inserted.raw as unknown[]).length === 0) return false;
        await tx
          .createQueryBuilder()
          .insert()
          .into(TimelineEntryEntity)
          .values(timeline.map((entry) => ({ ...entry, complaintId: opened.complaintId })))
          .orIgnore()
          .execute();
        return true;
      });
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        // Another complaint already holds this reference: never overwrite it, park the event for a person.
        throw new PoisonMessageError(`reference ${opened.reference} is already used by another complaint`);
      }
      throw error;
    }
  }

  async findByReference(reference: string): Promise<{ case: Case; timeline: TimelineEntry[] } | null> {
    const row = await this.db.getRepository(CaseEntity).findOneBy({ reference });
    if (!row) return null;
    const entries = await this.db.getRepository(TimelineEntryEntity).find({ where: { complaintId: row.complaintId }, order: { at: 'ASC', id: 'ASC' } });
    return {
      case: toCase(row),
      timeline: entries.map((e) => ({ type: e.type, at: e.at, actor: e.actor, sourceEventId: e.sourceEventId, details: e.details as Record<string, unknown> })),
    };
  }

  async list(filter: CaseFilter): Promise<{ items: Case[]; total: number }> {
    const [rows, total] = await this.db.getRepository(CaseEntity).findAndCount({
      where: {
        ...(filter.departments ? { department: In([...filter.departments]) } : {}),
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.priority ? { priority: filter.priority } : {}),
      },
      order: { decisionDueAt: 'ASC', receivedAt: 'ASC' },
      take: filter.limit,
      skip: filter.offset,
    });
    return { items: rows.map(toCase), total };
  }
}

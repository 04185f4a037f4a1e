import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, In, LessThanOrEqual, Not } from 'typeorm';
import { CaseEventV1, Channel } from '@complaints/contracts';
import { PoisonMessageError } from '@complaints/messaging';
import { rows, violatedUniqueConstraint } from '@complaints/persistence';
import {
  AlreadyAnsweredError,
  AuditEntry,
  CaseFilter,
  CaseRepository,
  CaseWriter,
  CustomerAnswer,
  Opening,
  PreparedChange,
} from '../../application/case.repository';
import { CASE_CUSTOMER } from '../../domain/answering-customer';
import type { Case, TimelineEntry } from '../../domain/case';
import { AuditEntryEntity } from './audit-entry.entity';
import { CaseEntity } from './case.entity';
import { toCase, toCaseEntity } from './case.mapper';
import { changeRecord, OPEN_CASES_SQL, openingRecord, RECORD_CHANGES_SQL } from './case-records.sql';
import { TimelineEntryEntity } from './timeline-entry.entity';

@Injectable()
export class TypeOrmCaseRepository extends CaseRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  createIfAbsent(openings: readonly Opening[]): Promise<boolean[]> {
    // One statement: atomic without a transaction block around it.
    return new TransactionCaseWriter(this.db.manager).createIfAbsent(openings);
  }

  write<T>(work: (writer: CaseWriter) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(new TransactionCaseWriter(tx)));
  }

  async findAwaitingSurvey(channel: Channel, identity: { customerId?: string; openId?: string; uid?: string }): Promise<string | null> {
    const fields = {
      customerId: `c.details -> 'customer' ->> 'customerId'`,
      openId: `c.details -> 'customer' -> 'contact' ->> 'openId'`,
      uid: `c.details -> 'customer' -> 'contact' ->> 'uid'`,
    } as const;
    const known = (Object.keys(fields) as Array<keyof typeof fields>).filter((name) => identity[name]);
    const conditions = known.map((name) => `${fields[name]} = :${name}`);
    const parameters = Object.fromEntries<string>([
      ['channel', channel],
      ...known.map((name): [string, string] => [name, identity[name]!]),
    ]);
    if (conditions.length === 0) return null;
    const row = await this.db
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .select('c.reference', 'reference')
      .where('c.channel = :channel')
      .andWhere(`c.status IN ('RESPONDED', 'RESOLVED')`)
      // A case its customer already answered awaits nothing more from them.
      .andWhere(`NOT EXISTS (SELECT 1 FROM cases.customer_answers a WHERE a.complaint_id = c.complaint_id AND a.customer_key = :own)`, {
        own: CASE_CUSTOMER,
      })
      .andWhere(`(${conditions.join(' OR ')})`)
      .setParameters(parameters)
      .orderBy('c.updated_at', 'DESC')
      .limit(1)
      .getRawOne<{ reference: string }>();
    return row?.reference ?? null;
  }

  change(
    reference: string,
    decide: (current: Case) => PreparedChange,
    answer?: (current: Case) => CustomerAnswer,
  ): Promise<PreparedChange | null> {
    return this.write((writer) => writer.change(reference, decide, answer));
  }

  async findByReference(reference: string): Promise<{ case: Case; timeline: TimelineEntry[] } | null> {
    // A repeat complaint merged into another case is found under its own reference too.
    const row =
      (await this.db.getRepository(CaseEntity).findOneBy({ reference })) ??
      (await this.db
        .getRepository(CaseEntity)
        .createQueryBuilder('c')
        .where(`c.lifecycle -> 'linkedComplaints' @> jsonb_build_array(jsonb_build_object('reference', :reference::text))`, { reference })
        .getOne());
    if (!row) return null;
    const entries = await this.db
      .getRepository(TimelineEntryEntity)
      .find({ where: { complaintId: row.complaintId }, order: { at: 'ASC', id: 'ASC' } });
    return {
      case: toCase(row),
      timeline: entries.map((e) => ({
        type: e.type,
        at: e.at,
        actor: e.actor,
        sourceEventId: e.sourceEventId,
        details: e.details as Record<string, unknown>,
      })),
    };
  }

  async list(filter: CaseFilter): Promise<{ items: Case[]; total: number }> {
    const query = this.db.getRepository(CaseEntity).createQueryBuilder('c');
    if (filter.departments)
      query.andWhere('c.department IN (:...departments)', { departments: filter.departments.length ? [...filter.departments] : ['-'] });
    if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
    if (filter.priority) query.andWhere('c.priority = :priority', { priority: filter.priority });
    if (filter.assignee) query.andWhere('c.assignee = :assignee', { assignee: filter.assignee });
    if (filter.unassigned) query.andWhere('c.assignee IS NULL');
    if (filter.escalated !== undefined) query.andWhere('c.escalation = :escalated', { escalated: filter.escalated });
    if (filter.dueBefore) {
      query.andWhere(
        new Brackets((q) =>
          q
            .where('c.decision_due_at <= :dueBefore', { dueBefore: filter.dueBefore })
            .orWhere("c.clock->>'firstFeedbackAt' IS NULL AND c.feedback_due_at <= :dueBefore"),
        ),
      );
    }
    const [rows, total] = await query
      .orderBy('c.decision_due_at', 'ASC')
      .addOrderBy('c.received_at', 'ASC')
      .take(filter.limit)
      .skip(filter.offset)
      .getManyAndCount();
    return { items: rows.map(toCase), total };
  }

  async auditTrail(reference: string): Promise<AuditEntry[]> {
    const rows = await this.db.getRepository(AuditEntryEntity).find({ where: { reference }, order: { id: 'ASC' } });
    return rows.map(({ action, actorType, actorId, actorRoles, at, before, after, eventIds }) => ({
      action,
      actorType,
      actorId,
      actorRoles,
      at,
      before: before as Record<string, unknown> | null,
      after: after as Record<string, unknown>,
      eventIds,
    }));
  }

  async dueForAlerts(now: Date, limit: number): Promise<string[]> {
    const rows = await this.db.getRepository(CaseEntity).find({
      select: { reference: true },
      where: { nextAlertAt: LessThanOrEqual(now), status: Not(In(['ARCHIVED'])) },
      order: { nextAlertAt: 'ASC' },
      take: limit,
    });
    return rows.map((r) => r.reference);
  }
}

/**
 * Files a customer's answer in the change's transaction: the primary key (case, customer) lets one in;
 * a later one (or one racing it) throws AlreadyAnsweredError, which rolls the whole change back.
 */
async function fileAnswer(tx: EntityManager, complaintId: string, answer: CustomerAnswer): Promise<void> {
  const filed: unknown = await tx.query(
    `INSERT INTO cases.customer_answers (complaint_id, customer_key, response_event_id, channel, score, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (complaint_id, customer_key) DO NOTHING RETURNING complaint_id`,
    [complaintId, answer.customerKey, answer.responseEventId, answer.channel, answer.score, answer.at],
  );
  if (rows(filed).length > 0) return;
  const [earlier] = rows<{ response_event_id: string; score: number; recorded_at: Date }>(
    await tx.query(
      'SELECT response_event_id, score, recorded_at FROM cases.customer_answers WHERE complaint_id = $1 AND customer_key = $2',
      [complaintId, answer.customerKey],
    ),
  );
  throw new AlreadyAnsweredError({ responseEventId: earlier.response_event_id, score: earlier.score, at: earlier.recorded_at });
}

/** The writes of one transaction (or of the data source, for a single statement): new cases in one statement, changes to a locked case each in three. */
class TransactionCaseWriter implements CaseWriter {
  constructor(private readonly tx: EntityManager) {}

  async createIfAbsent(openings: readonly Opening[]): Promise<boolean[]> {
    // A complaint named twice (a redelivery within the batch) is opened by its first opening.
    const first = new Map<string, number>();
    openings.forEach((o, i) => first.has(o.change.case.complaintId) || first.set(o.change.case.complaintId, i));
    const records = [...first.values()].map((i) => openingRecord(i, openings[i].change, openings[i].timeline));
    let opened: { complaintId: string }[];
    try {
      opened = rows<{ complaintId: string }>(await this.tx.query(OPEN_CASES_SQL, [JSON.stringify(records), CaseEventV1.topic]));
    } catch (error) {
      if (violatedUniqueConstraint(error) !== null) {
        // Another complaint already holds this reference: never overwrite it, park the event for a person.
        const references = openings.map((o) => o.change.case.reference).join(', ');
        throw new PoisonMessageError(`a reference among ${references} is already used by another complaint`);
      }
      throw error;
    }
    const created = new Set(opened.map((o) => o.complaintId));
    return openings.map((o, i) => first.get(o.change.case.complaintId) === i && created.has(o.change.case.complaintId));
  }

  async change(
    reference: string,
    decide: (current: Case) => PreparedChange,
    answer?: (current: Case) => CustomerAnswer,
  ): Promise<PreparedChange | null> {
    const cases = this.tx.getRepository(CaseEntity);
    const row = await cases.findOne({ where: { reference }, lock: { mode: 'pessimistic_write' } });
    if (!row) return null;
    const before = toCase(row);
    if (answer) await fileAnswer(this.tx, row.complaintId, answer(before));
    const change = decide(before);
    if (change.events.length === 0) {
      await cases.update({ complaintId: row.complaintId }, { nextAlertAt: change.nextAlertAt });
      return change;
    }
    await cases.update({ complaintId: row.complaintId }, { ...toCaseEntity(change.case, change.nextAlertAt), version: row.version + 1 });
    // Its timeline entries, audit entry and outbox messages.
    await this.tx.query(RECORD_CHANGES_SQL, [JSON.stringify([changeRecord(0, before, change)]), CaseEventV1.topic]);
    return change;
  }
}

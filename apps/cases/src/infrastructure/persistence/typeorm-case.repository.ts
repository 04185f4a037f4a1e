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
  CustomerAnswer,
  PreparedChange,
} from '../../application/case.repository';
import { CASE_CUSTOMER } from '../../domain/answering-customer';
import type { Case, TimelineEntry } from '../../domain/case';
import { AuditEntryEntity } from './audit-entry.entity';
import { CaseEntity } from './case.entity';
import { toCase, toCaseEntity } from './case.mapper';
import { OutboxMessageEntity } from './outbox-message.entity';
import { TimelineEntryEntity } from './timeline-entry.entity';

/** What the audit trail keeps of a case: its mutable state (contact data stays out). */
function auditState(c: Case): Record<string, unknown> {
  const { status, department, assignee, priority, escalation, sla, lifecycle } = c;
  return JSON.parse(JSON.stringify({ status, department, assignee, priority, escalation, sla, lifecycle })) as Record<string, unknown>;
}

function actorLabel(event: CaseEventV1): string {
  return `${event.actor.type}:${event.actor.id}`;
}

@Injectable()
export class TypeOrmCaseRepository extends CaseRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async createIfAbsent(change: PreparedChange, timeline: TimelineEntry[]): Promise<boolean> {
    const opened = change.case;
    try {
      return await this.db.transaction(async (tx) => {
        const inserted = await tx
          .createQueryBuilder()
          .insert()
          .into(CaseEntity)
          .values({ ...toCaseEntity(opened, change.nextAlertAt), version: 0 })
          .onConflict('("complaint_id") DO NOTHING')
          .execute();
        // RETURNING yields a row only when the case was inserted.
        if ((inserted.raw as unknown[]).length === 0) return false;
        await tx
          .createQueryBuilder()
          .insert()
          .into(TimelineEntryEntity)
          .values(timeline.map((entry) => ({ ...entry, complaintId: opened.complaintId })))
          .orIgnore()
          .execute();
        await this.record(tx, null, change);
        return true;
      });
    } catch (error) {
      if (violatedUniqueConstraint(error) !== null) {
        // Another complaint already holds this reference: never overwrite it, park the event for a person.
        throw new PoisonMessageError(`reference ${opened.reference} is already used by another complaint`);
      }
      throw error;
    }
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

  async change(
    reference: string,
    decide: (current: Case) => PreparedChange,
    answer?: (current: Case) => CustomerAnswer,
  ): Promise<PreparedChange | null> {
    return this.db.transaction(async (tx) => {
      const row = await tx.getRepository(CaseEntity).findOne({ where: { reference }, lock: { mode: 'pessimistic_write' } });
      if (!row) return null;
      const before = toCase(row);
      if (answer) await fileAnswer(tx, row.complaintId, answer(before));
      const change = decide(before);
      if (change.events.length === 0) {
        await tx.getRepository(CaseEntity).update({ complaintId: row.complaintId }, { nextAlertAt: change.nextAlertAt });
        return change;
      }
      await tx
        .getRepository(CaseEntity)
        .update({ complaintId: row.complaintId }, { ...toCaseEntity(change.case, change.nextAlertAt), version: row.version + 1 });
      await this.record(tx, before, change);
      return change;
    });
  }

  /** Timeline entries, the audit entry and the outbox messages of a change, in the caller's transaction. */
  private async record(tx: EntityManager, before: Case | null, change: PreparedChange): Promise<void> {
    const c = change.case;
    await tx.getRepository(TimelineEntryEntity).insert(
      change.events.map((event) => ({
        complaintId: c.complaintId,
        type: event.eventType.replace(/^case\./, ''),
        at: new Date(event.at),
        actor: actorLabel(event),
        sourceEventId: event.eventId,
        details: JSON.parse(JSON.stringify({ customerVisible: event.customerVisible, message: event.message, ...event.data })) as object,
      })),
    );
    await tx.getRepository(AuditEntryEntity).insert({
      complaintId: c.complaintId,
      reference: c.reference,
      action: change.action,
      actorType: change.actor.type,
      actorId: change.actor.id,
      actorRoles: [...change.actor.roles],
      at: change.at,
      before: before ? auditState(before) : null,
      after: auditState(c),
      eventIds: change.events.map((e) => e.eventId),
    });
    await tx.getRepository(OutboxMessageEntity).insert(
      change.events.map((event) => ({
        eventId: event.eventId,
        topic: CaseEventV1.topic,
        messageKey: c.complaintId,
        payload: JSON.parse(JSON.stringify(event)) as object,
      })),
    );
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

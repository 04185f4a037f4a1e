import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Department, HandlerReassignmentV1 } from '@complaints/contracts';
import { CaseTracking, HandlerAuditEntry, HandlerStore, Reassignment } from '../../application/handlers/handler.store';
import { reassignmentEvent } from '../../application/handlers/reassignment-event';
import { Handler, HandlerLoad, handlerFits, HandlingNeed, pickHandler } from '../../domain/handler';
import { enqueueOutboxMessage } from '@complaints/messaging';

/** A row of routing.handlers with its count of open assignments. */
export interface HandlerRow {
  handler_id: string;
  name: string;
  department: Department;
  skills: Handler['skills'];
  languages: Handler['languages'];
  active: boolean;
  open_cases: string | number;
}

const SELECT_LOADS = `
  SELECT h.*, (SELECT count(*) FROM routing.assignments a WHERE a.handler_id = h.handler_id AND a.open) AS open_cases
  FROM routing.handlers h`;

/** Key of the advisory lock that serialises assignment decisions per department, so open-case counts are not read stale. */
export const departmentLockKey = (department: string) => `routing.department:${department}`;

const departmentLock = (tx: EntityManager, department: string) =>
  tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [departmentLockKey(department)]);

/** The active handlers of these departments with their open cases. */
export async function activeHandlerLoads(manager: EntityManager, departments: readonly Department[]): Promise<HandlerLoad[]> {
  if (departments.length === 0) return [];
  const rows: HandlerRow[] = await manager.query(`${SELECT_LOADS} WHERE h.department = ANY($1::text[]) AND h.active`, [[...departments]]);
  return rows.map(toLoad);
}

@Injectable()
export class PgHandlerStore extends HandlerStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async list(department?: Department): Promise<HandlerLoad[]> {
    const rows: HandlerRow[] = department
      ? await this.db.query(`${SELECT_LOADS} WHERE h.department = $1 ORDER BY h.handler_id`, [department])
      : await this.db.query(`${SELECT_LOADS} ORDER BY h.department, h.handler_id`);
    return rows.map(toLoad);
  }

  async find(id: string): Promise<HandlerLoad | null> {
    const rows: HandlerRow[] = await this.db.query(`${SELECT_LOADS} WHERE h.handler_id = $1`, [id]);
    return rows.length ? toLoad(rows[0]) : null;
  }

  async save(handler: Handler, actor: string): Promise<Handler | null> {
    const before = await this.find(handler.id);
    await this.db.query(
      `INSERT INTO routing.handlers (handler_id, name, department, skills, languages, active, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())
       ON CONFLICT (handler_id) DO UPDATE SET name = $2, department = $3, skills = $4, languages = $5, active = $6, updated_by = $7, updated_at = now()`,
      [handler.id, handler.name, handler.department, handler.skills, handler.languages, handler.active, actor],
    );
    return before?.handler ?? null;
  }

  async audit(entry: HandlerAuditEntry): Promise<void> {
    await this.db.query('INSERT INTO routing.handler_audit (actor, handler_id, before, after, reassigned) VALUES ($1, $2, $3, $4, $5)', [
      entry.actor,
      entry.handlerId,
      JSON.stringify(entry.before),
      JSON.stringify(entry.after),
      JSON.stringify(entry.reassigned),
    ]);
  }

  async auditTrail(limit: number, offset: number) {
    const [{ total }]: { total: string }[] = await this.db.query('SELECT count(*) AS total FROM routing.handler_audit');
    const rows: Record<string, unknown>[] = await this.db.query('SELECT * FROM routing.handler_audit ORDER BY id DESC LIMIT $1 OFFSET $2', [
      limit,
      offset,
    ]);
    const items = rows.map((row) => ({
      id: Number(row.id),
      at: (row.at as Date).toISOString(),
      actor: row.actor as string,
      handlerId: row.handler_id as string,
      before: row.before as Handler | null,
      after: row.after as Handler,
      reassigned: row.reassigned as Reassignment[],
    }));
    return { items, total: Number(total) };
  }

  async reassignFrom(handlerId: string, changedBy: string): Promise<Reassignment[]> {
    const current = await this.find(handlerId);
    if (!current) return [];
    const reason = current.handler.active ? 'handler_unfit' : 'handler_inactive';
    const open: (HandlingNeed & { complaint_id: string; reference: string })[] = await this.db.query(
      'SELECT complaint_id, reference, department, language, product, reason FROM routing.assignments WHERE handler_id = $1 AND open',
      [handlerId],
    );
    const moves: Reassignment[] = [];
    for (const need of open.filter((n) => !handlerFits(current.handler, n))) {
      const move = await this.db.transaction(async (tx) => {
        await departmentLock(tx, need.department);
        const to = pickHandler(await activeHandlerLoads(tx, [need.department]), need);
        const [, changed]: [unknown, number] = await tx.query(
          'UPDATE routing.assignments SET handler_id = $2, assigned_at = now() WHERE complaint_id = $1 AND handler_id = $3 AND open',
          [need.complaint_id, to?.id ?? null, handlerId],
        );
        if (changed === 0) return null;
        const moved: Reassignment = {
          complaintId: need.complaint_id,
          reference: need.reference,
          department: need.department,
          from: handlerId,
          to: to?.id ?? null,
        };
        const event = reassignmentEvent(moved, reason, changedBy, new Date());
        await enqueueOutboxMessage(tx, 'routing.outbox', {
          eventId: event.eventId,
          topic: HandlerReassignmentV1.topic,
          key: event.complaintId,
          payload: event,
        });
        return moved;
      });
      if (move) moves.push(move);
    }
    return moves;
  }

  /** One statement: each complaint's assignment takes the changed fields, the others stay. */
  async trackCases(changes: readonly CaseTracking[]): Promise<void> {
    if (changes.length === 0) return;
    await this.db.query(
      `UPDATE routing.assignments a
       SET open = coalesce(c.open, a.open), handler_id = CASE WHEN c.sets_handler THEN c.handler_id ELSE a.handler_id END
       FROM unnest($1::uuid[], $2::boolean[], $3::boolean[], $4::text[]) AS c(complaint_id, open, sets_handler, handler_id)
       WHERE a.complaint_id = c.complaint_id AND a.complaint_id = ANY($1::uuid[])`,
      [
        changes.map((c) => c.complaintId),
        changes.map((c) => c.open ?? null),
        changes.map((c) => c.handlerId !== undefined),
        changes.map((c) => c.handlerId ?? null),
      ],
    );
  }
}

export function toLoad(row: HandlerRow): HandlerLoad {
  return {
    handler: {
      id: row.handler_id,
      name: row.name,
      department: row.department,
      skills: row.skills,
      languages: row.languages,
      active: row.active,
    },
    openCases: Number(row.open_cases),
  };
}

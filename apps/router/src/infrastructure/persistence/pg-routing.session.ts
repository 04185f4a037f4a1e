import { EntityManager } from 'typeorm';
import { ComplaintRoutedV1, Department, parseContract } from '@complaints/contracts';
import type { NewDecision, RoutingSession } from '../../application/route-complaint/routing-decision.store';
import type { EarlierMatter, EarlierMatterQuery } from '../../application/repeat-complaints/matter.store';
import type { HandlerLoad } from '../../domain/handler';
import { departmentLockKey, HandlerRow, toLoad } from './pg-handler.store';

/** Key of the advisory lock that serialises the routing of one customer's complaints (by fingerprint). */
export const customerLockKey = (fingerprint: string) => `routing.customer:${fingerprint}`;

/**
 * One routing transaction in PostgreSQL: transaction-level advisory locks taken in the order of
 * their lock ids (so lockers of overlapping sets never deadlock), and every read and write a set
 * statement for the whole batch.
 */
export class PgRoutingSession implements RoutingSession {
  constructor(private readonly tx: EntityManager) {}

  /**
   * One statement: the advisory locks, taken one by one in the order of their lock ids (the subquery
   * hands them over sorted; the count makes every one of them taken before the decisions are read),
   * then the decisions already stored. Those are read with the statement's snapshot, from before any
   * wait for a lock: one stored meanwhile by another router is found by saveNew's conflict instead.
   */
  async lockAndFindStored(
    locks: { customers: readonly string[]; departments: readonly Department[] },
    complaintIds: readonly string[],
  ): Promise<Map<string, ComplaintRoutedV1>> {
    const keys = [...new Set([...locks.customers.map(customerLockKey), ...locks.departments.map(departmentLockKey)])];
    const rows: { complaint_id: string; routed_event: unknown }[] = await this.tx.query(
      `WITH locked AS (
         SELECT count(pg_advisory_xact_lock(id)) AS n
         FROM (SELECT DISTINCT hashtext(k) AS id FROM unnest($1::text[]) AS k ORDER BY id OFFSET 0) AS ids
       )
       SELECT d.complaint_id, d.routed_event
       FROM locked CROSS JOIN LATERAL (
         SELECT complaint_id, routed_event FROM routing.decisions WHERE complaint_id = ANY($2::uuid[]) AND locked.n >= 0
       ) AS d`,
      [keys, [...complaintIds]],
    );
    return new Map(rows.map((row) => [row.complaint_id, parseContract(ComplaintRoutedV1, row.routed_event)]));
  }

  /**
   * One statement. The repeat look-up's plan is fixed by the lateral subqueries (OFFSET 0 keeps them
   * from being flattened): for each (query, fingerprint) one probe of the identities' primary key,
   * then one probe of the matters' primary key per identity found. Left to itself, on tables that
   * grew since they were last analysed, the planner took the filtered matters as the outer side and
   * probed the identities once per matter of the product and reason: a cost growing with the table.
   * The handlers' rows follow the matters' (handler set, idx null).
   */
  async lookUp(
    queries: readonly EarlierMatterQuery[],
    departments: readonly Department[],
  ): Promise<{ earlier: (EarlierMatter | null)[]; loads: HandlerLoad[] }> {
    const earlier: (EarlierMatter | null)[] = queries.map(() => null);
    const pairs = queries.flatMap((q, i) => q.fingerprints.map((fingerprint) => [i, fingerprint] as const));
    if (pairs.length === 0 && departments.length === 0) return { earlier, loads: [] };
    const rows: { idx: number | null; complaint_id: string; reference: string; received_at: Date; handler: HandlerRow | null }[] =
      await this.tx.query(
        `WITH q AS (
           SELECT * FROM unnest($1::int[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::text[], $10::boolean[])
             AS q(idx, complaint_id, product, reason, since, until, customer_fingerprint, verified_only)
         ), f AS (
           SELECT DISTINCT * FROM unnest($8::int[], $9::text[]) AS f(idx, fingerprint)
         ), earlier AS (
           SELECT DISTINCT ON (q.idx) q.idx, m.complaint_id, m.reference, m.received_at
           FROM q
           JOIN f ON f.idx = q.idx
           CROSS JOIN LATERAL (
             SELECT i.complaint_id FROM routing.matter_identities i
             WHERE i.fingerprint = f.fingerprint AND (i.verified OR NOT q.verified_only)
             OFFSET 0
           ) AS shared
           CROSS JOIN LATERAL (
             SELECT m.complaint_id, m.reference, m.received_at FROM routing.matters m
             WHERE m.complaint_id = shared.complaint_id AND m.complaint_id <> q.complaint_id
               AND m.open AND m.product = q.product AND m.reason = q.reason AND m.received_at >= q.since AND m.received_at <= q.until
               AND (q.customer_fingerprint IS NULL OR m.customer_fingerprint IS NULL OR m.customer_fingerprint = q.customer_fingerprint)
             OFFSET 0
           ) AS m
           ORDER BY q.idx, m.received_at, m.complaint_id
         )
         SELECT idx, complaint_id, reference, received_at, NULL::json AS handler FROM earlier
         UNION ALL
         SELECT NULL, NULL, NULL, NULL, json_build_object(
           'handler_id', h.handler_id, 'name', h.name, 'department', h.department, 'skills', h.skills, 'languages', h.languages,
           'active', h.active, 'open_cases', (SELECT count(*) FROM routing.assignments a WHERE a.handler_id = h.handler_id AND a.open))
         FROM routing.handlers h WHERE h.department = ANY($11::text[]) AND h.active`,
        [
          queries.map((_, i) => i),
          queries.map((q) => q.complaintId),
          queries.map((q) => q.product),
          queries.map((q) => q.reason),
          queries.map((q) => q.since),
          queries.map((q) => q.until),
          queries.map((q) => q.customerFingerprint),
          pairs.map(([i]) => i),
          pairs.map(([, fingerprint]) => fingerprint),
          queries.map((q) => q.kind === 'merge'),
          [...departments],
        ],
      );
    const loads: HandlerLoad[] = [];
    for (const row of rows) {
      if (row.handler) loads.push(toLoad(row.handler));
      else if (row.idx !== null)
        earlier[row.idx] = { complaintId: row.complaint_id, reference: row.reference, receivedAt: row.received_at.toISOString() };
    }
    return { earlier, loads };
  }

  /**
   * One statement: the decisions that are new (ON CONFLICT skips those another router stored), and
   * with each of them its assignment, matter and identities (data-modifying CTEs; the identities'
   * foreign key is checked at the end of the statement, when the matters are in).
   */
  async saveNew(decisions: readonly NewDecision[]): Promise<Set<string>> {
    if (decisions.length === 0) return new Set();
    const events = decisions.map((d) => d.event);
    const assignments = decisions.map((d) => d.assignment);
    const matters = decisions.flatMap((d) => (d.matter ? [d.matter] : []));
    const identities = matters.flatMap((m) =>
      m.fingerprints.map((fingerprint) => [fingerprint, m.complaintId, m.verifiedFingerprints.includes(fingerprint)] as const),
    );
    const inserted: { complaint_id: string }[] = await this.tx.query(
      `WITH d AS (
         INSERT INTO routing.decisions (complaint_id, reference, department, rule_id, needs_triage, routed_event)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::jsonb[])
         ON CONFLICT (complaint_id) DO NOTHING
         RETURNING complaint_id
       ), a AS (
         INSERT INTO routing.assignments (complaint_id, reference, department, language, product, reason, handler_id)
         SELECT a.* FROM unnest($7::uuid[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[])
           AS a(complaint_id, reference, department, language, product, reason, handler_id)
         WHERE a.complaint_id IN (SELECT complaint_id FROM d)
       ), m AS (
         INSERT INTO routing.matters (complaint_id, reference, product, reason, received_at, customer_fingerprint, linked_to)
         SELECT m.* FROM unnest($14::uuid[], $15::text[], $16::text[], $17::text[], $18::timestamptz[], $19::text[], $20::uuid[])
           AS m(complaint_id, reference, product, reason, received_at, customer_fingerprint, linked_to)
         WHERE m.complaint_id IN (SELECT complaint_id FROM d)
       ), i AS (
         INSERT INTO routing.matter_identities (fingerprint, complaint_id, verified)
         SELECT i.* FROM unnest($21::text[], $22::uuid[], $23::boolean[]) AS i(fingerprint, complaint_id, verified)
         WHERE i.complaint_id IN (SELECT complaint_id FROM d)
       )
       SELECT complaint_id FROM d`,
      [
        events.map((e) => e.complaint.complaintId),
        events.map((e) => e.complaint.reference),
        events.map((e) => e.routing.department),
        events.map((e) => e.routing.ruleId),
        events.map((e) => e.routing.needsTriage),
        events.map((e) => JSON.stringify(e)),
        assignments.map((a) => a.complaintId),
        assignments.map((a) => a.reference),
        assignments.map((a) => a.department),
        assignments.map((a) => a.language),
        assignments.map((a) => a.product),
        assignments.map((a) => a.reason),
        assignments.map((a) => a.handlerId),
        matters.map((m) => m.complaintId),
        matters.map((m) => m.reference),
        matters.map((m) => m.product),
        matters.map((m) => m.reason),
        matters.map((m) => m.receivedAt),
        matters.map((m) => m.customerFingerprint),
        matters.map((m) => m.linkedTo),
        identities.map(([fingerprint]) => fingerprint),
        identities.map(([, complaintId]) => complaintId),
        identities.map(([, , verified]) => verified),
      ],
    );
    return new Set(inserted.map((row) => row.complaint_id));
  }
}

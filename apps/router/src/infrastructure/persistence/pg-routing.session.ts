import { EntityManager } from 'typeorm';
import type { Department } from '@complaints/contracts';
import type { NewDecision, RoutingSession } from '../../application/route-complaint/routing-decision.store';
import type { EarlierMatter, EarlierMatterQuery } from '../../application/repeat-complaints/matter.store';
import type { HandlerLoad } from '../../domain/handler';
import { activeHandlerLoads, departmentLockKey } from './pg-handler.store';

/** Key of the advisory lock that serialises the routing of one customer's complaints (by fingerprint). */
export const customerLockKey = (fingerprint: string) => `routing.customer:${fingerprint}`;

/**
 * One routing transaction in PostgreSQL: transaction-level advisory locks taken in the order of
 * their lock ids (so lockers of overlapping sets never deadlock), and every read and write a set
 * statement for the whole batch.
 */
export class PgRoutingSession implements RoutingSession {
  constructor(private readonly tx: EntityManager) {}

  lockCustomers(fingerprints: readonly string[]): Promise<void> {
    return this.lock(fingerprints.map(customerLockKey));
  }

  lockDepartments(departments: readonly Department[]): Promise<void> {
    return this.lock(departments.map(departmentLockKey));
  }

  private async lock(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    // The subquery hands the ids over sorted; the outer projection locks them one by one in that order.
    await this.tx.query(
      `SELECT pg_advisory_xact_lock(id) FROM (SELECT DISTINCT hashtext(k) AS id FROM unnest($1::text[]) AS k ORDER BY id OFFSET 0) AS ids`,
      [[...new Set(keys)]],
    );
  }

  async findOpenEarlier(queries: readonly EarlierMatterQuery[]): Promise<(EarlierMatter | null)[]> {
    if (queries.length === 0) return [];
    const pairs = queries.flatMap((q, i) => q.fingerprints.map((fingerprint) => [i, fingerprint] as const));
    const rows: { idx: number; complaint_id: string; reference: string; received_at: Date }[] = await this.tx.query(
      `WITH q AS (
         SELECT * FROM unnest($1::int[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::text[], $10::boolean[])
           AS q(idx, complaint_id, product, reason, since, until, customer_fingerprint, verified_only)
       ), f AS (
         SELECT DISTINCT * FROM unnest($8::int[], $9::text[]) AS f(idx, fingerprint)
       )
       SELECT DISTINCT ON (q.idx) q.idx, m.complaint_id, m.reference, m.received_at
       FROM q
       JOIN f ON f.idx = q.idx
       JOIN routing.matter_identities i ON i.fingerprint = f.fingerprint
       JOIN routing.matters m ON m.complaint_id = i.complaint_id
       WHERE m.open AND (i.verified OR NOT q.verified_only) AND m.product = q.product AND m.reason = q.reason
         AND m.received_at >= q.since AND m.received_at <= q.until AND m.complaint_id <> q.complaint_id
         AND (q.customer_fingerprint IS NULL OR m.customer_fingerprint IS NULL OR m.customer_fingerprint = q.customer_fingerprint)
       ORDER BY q.idx, m.received_at, m.complaint_id`,
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
      ],
    );
    const found: (EarlierMatter | null)[] = queries.map(() => null);
    for (const row of rows)
      found[row.idx] = { complaintId: row.complaint_id, reference: row.reference, receivedAt: row.received_at.toISOString() };
    return found;
  }

  handlerLoads(departments: readonly Department[]): Promise<HandlerLoad[]> {
    return activeHandlerLoads(this.tx, departments);
  }

  async saveNew(decisions: readonly NewDecision[]): Promise<Set<string>> {
    if (decisions.length === 0) return new Set();
    const events = decisions.map((d) => d.event);
    const inserted: { complaint_id: string }[] = await this.tx.query(
      `INSERT INTO routing.decisions (complaint_id, reference, department, rule_id, needs_triage, routed_event)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::jsonb[])
       ON CONFLICT (complaint_id) DO NOTHING
       RETURNING complaint_id`,
      [
        events.map((e) => e.complaint.complaintId),
        events.map((e) => e.complaint.reference),
        events.map((e) => e.routing.department),
        events.map((e) => e.routing.ruleId),
        events.map((e) => e.routing.needsTriage),
        events.map((e) => JSON.stringify(e)),
      ],
    );
    const saved = new Set(inserted.map((row) => row.complaint_id));
    const fresh = decisions.filter((d) => saved.has(d.event.complaint.complaintId));
    const assignments = fresh.map((d) => d.assignment);
    await this.tx.query(
      `INSERT INTO routing.assignments (complaint_id, reference, department, language, product, reason, handler_id)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`,
      [
        assignments.map((a) => a.complaintId),
        assignments.map((a) => a.reference),
        assignments.map((a) => a.department),
        assignments.map((a) => a.language),
        assignments.map((a) => a.product),
        assignments.map((a) => a.reason),
        assignments.map((a) => a.handlerId),
      ],
    );
    const matters = fresh.flatMap((d) => (d.matter ? [d.matter] : []));
    if (matters.length === 0) return saved;
    await this.tx.query(
      `INSERT INTO routing.matters (complaint_id, reference, product, reason, received_at, customer_fingerprint, linked_to)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::uuid[])`,
      [
        matters.map((m) => m.complaintId),
        matters.map((m) => m.reference),
        matters.map((m) => m.product),
        matters.map((m) => m.reason),
        matters.map((m) => m.receivedAt),
        matters.map((m) => m.customerFingerprint),
        matters.map((m) => m.linkedTo),
      ],
    );
    const identities = matters.flatMap((m) =>
      m.fingerprints.map((fingerprint) => [fingerprint, m.complaintId, m.verifiedFingerprints.includes(fingerprint)] as const),
    );
    await this.tx.query(
      'INSERT INTO routing.matter_identities (fingerprint, complaint_id, verified) SELECT * FROM unnest($1::text[], $2::uuid[], $3::boolean[])',
      [
        identities.map(([fingerprint]) => fingerprint),
        identities.map(([, complaintId]) => complaintId),
        identities.map(([, , verified]) => verified),
      ],
    );
    return saved;
  }
}

import { randomUUID } from 'node:crypto';
import { classifyComplaint, Classification } from '@complaints/classification';
import { ComplaintReceivedV1, ComplaintRoutedV1, Department } from '@complaints/contracts';
import { decideRouting, RoutingOutcome } from '../../domain/decide-routing';
import { HandlerLoad, HandlerPool } from '../../domain/handler';
import { raisePriority } from '../../domain/repeat-complaint';
import { RuleSet, rulesVersionLabel } from '../../domain/rule-set';
import { CustomerFingerprints } from '../repeat-complaints/customer-fingerprints';
import { earlierMatterQuery, linkWithinBatch } from '../repeat-complaints/batch-repeats';
import { EarlierMatter, MatterRecord, RepeatKind } from '../repeat-complaints/matter.store';
import { ActiveRules } from '../routing-rules/active-rules';
import { customerText } from './customer-text';
import { NewDecision, RoutedComplaintPublisher, RoutingDecisionStore, RoutingSession } from './routing-decision.store';

export interface RouteComplaintSettings {
  triageThreshold: number;
  repeatWindowDays: number;
}

/** A complaint of the batch once classified, with its matter and, later, the matter it repeats. */
interface Pending {
  received: ComplaintReceivedV1;
  classification: Classification;
  matter: MatterRecord | null;
}

/**
 * Routes a batch of received complaints (each partition's in order) as if one after the other, in
 * one pass: classifies them, then in one transaction (under the customers' and departments' locks)
 * links each to the same customer's open complaint on the same matter when they share an identity
 * both channels verified (raising its priority one step; earlier complaints of the same batch count),
 * else names an open complaint sharing any identity (a typed phone) as related, for handlers only;
 * applies the active routing rules, assigns the fitting handler with the fewest open cases
 * (counting the batch's own assignments) and stores the decisions; then publishes every `complaints.routed.v1` in one request. Idempotent: a complaint
 * that already has a decision (redelivered, or routed by another instance) republishes the stored
 * decision unchanged (same eventId), so downstream dedupe sees the same event.
 */
export class RouteComplaintsUseCase {
  constructor(
    private readonly store: RoutingDecisionStore,
    private readonly publisher: RoutedComplaintPublisher,
    private readonly rules: ActiveRules,
    private readonly fingerprints: CustomerFingerprints,
    private readonly settings: RouteComplaintSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Returns the routed event of each distinct complaint, in the order received. */
  async execute(batch: readonly ComplaintReceivedV1[]): Promise<ComplaintRoutedV1[]> {
    const received = [...new Map(batch.map((r) => [r.complaint.complaintId, r] as const)).values()];
    const ids = received.map((r) => r.complaint.complaintId);
    const pending = received.map((r) => this.classify(r));
    const ruleSet = await this.rules.get();
    const departments = this.possibleDepartments(pending, ruleSet);
    const { stored, decisions } = await this.store.inTransaction(async (session) => {
      const before = await session.lockAndFindStored({ customers: pending.flatMap((p) => p.matter?.fingerprints ?? []), departments }, ids);
      const fresh = pending.filter((p) => !before.has(p.received.complaint.complaintId));
      if (fresh.length === 0) return { stored: before, decisions: [] };
      const built = await this.decideAll(session, fresh, ruleSet, departments);
      const saved = await session.saveNew(built);
      return { stored: before, decisions: built.filter((d) => saved.has(d.event.complaint.complaintId)) };
    });
    for (const { event } of decisions) stored.set(event.complaint.complaintId, event);
    // Complaints another router stored while this one decided: theirs is the decision.
    const lost = ids.filter((id) => !stored.has(id));
    if (lost.length) for (const [id, event] of await this.store.findMany(lost)) stored.set(id, event);
    const events = ids.map((id) => {
      const event = stored.get(id);
      if (!event) throw new Error(`routing decision for ${id} vanished after insert`);
      return event;
    });
    await this.publisher.publishAll(events);
    return events;
  }

  /**
   * Every department a complaint of the batch may go to, known before the repeat look-up: the one its
   * classification leads to and, when it may repeat a matter (its priority is then raised), the one
   * the raised priority leads to. Locked with the customers, in the transaction's first statement, and
   * their handlers' loads read with the repeat look-up.
   */
  private possibleDepartments(pending: Pending[], ruleSet: RuleSet): Department[] {
    const departments = new Set<Department>();
    for (const { classification, matter } of pending) {
      departments.add(decideRouting(classification, ruleSet.rules, this.settings.triageThreshold).department);
      if (matter) {
        const raised = { ...classification, priority: raisePriority(classification.priority) };
        departments.add(decideRouting(raised, ruleSet.rules, this.settings.triageThreshold).department);
      }
    }
    return [...departments];
  }

  private classify(received: ComplaintReceivedV1): Pending {
    const { complaint } = received;
    const classification = classifyComplaint({
      text: customerText(complaint.content.text, complaint.content.transcript),
      productHint: complaint.context.productHint,
    });
    return { received, classification, matter: this.matterOf(received, classification) };
  }

  private async decideAll(
    session: RoutingSession,
    pending: Pending[],
    ruleSet: RuleSet,
    departments: Department[],
  ): Promise<NewDecision[]> {
    const { repeats, loads } = await this.lookUp(session, pending, departments);
    const { merge: merges, related } = repeats;

    const routed = pending.map((p, i) => {
      const earlier = merges[i];
      // Only a verified repeat is more urgent and linked; a merely related case is a hint for handlers.
      const classification = earlier ? { ...p.classification, priority: raisePriority(p.classification.priority) } : p.classification;
      if (p.matter) p.matter.linkedTo = earlier?.complaintId ?? null;
      const relatedCase = earlier ? null : related[i];
      return {
        ...p,
        classification,
        earlier,
        relatedCase,
        outcome: decideRouting(classification, ruleSet.rules, this.settings.triageThreshold),
      };
    });

    const pool = new HandlerPool(loads);
    return routed.map((r) => {
      const { complaint } = r.received;
      const need = {
        department: r.outcome.department,
        language: complaint.content.language,
        product: r.classification.product,
        reason: r.classification.reason,
      };
      const assignee = pool.pick(need);
      const event = this.routedEvent(
        r.received,
        r.classification,
        r.outcome,
        ruleSet,
        { merge: r.earlier, related: r.relatedCase },
        assignee?.id ?? null,
      );
      return {
        event,
        matter: r.matter,
        assignment: { complaintId: complaint.complaintId, reference: complaint.reference, ...need, handlerId: assignee?.id ?? null },
      };
    });
  }

  /**
   * Per complaint and kind of repeat, the earliest open matter of the same customer it repeats (store
   * and batch), or null; and the loads of the handlers of these departments: one look-up in the store.
   */
  private async lookUp(
    session: RoutingSession,
    pending: Pending[],
    departments: Department[],
  ): Promise<{ repeats: Record<RepeatKind, (EarlierMatter | null)[]>; loads: HandlerLoad[] }> {
    const window = this.settings.repeatWindowDays;
    const matters = pending.map((p) => p.matter);
    const withMatter = matters.filter((m): m is MatterRecord => m !== null);
    let position = 0;
    const positions = matters.map((m) => (m ? position++ : -1));
    const kinds: RepeatKind[] = ['merge', 'related'];
    const queries = kinds.flatMap((kind) => withMatter.map((m) => earlierMatterQuery(m, window, kind)));
    const { earlier: found, loads } = await session.lookUp(queries, departments);
    const [merge, related] = kinds.map((kind, k) => {
      const fromStore = positions.map((at) => (at < 0 ? null : found[k * withMatter.length + at]));
      return linkWithinBatch(matters, fromStore, window, kind);
    });
    return { repeats: { merge, related }, loads };
  }

  /** Complaints whose product and reason are both unknown are no matter to link by. */
  private matterOf(received: ComplaintReceivedV1, classification: Classification): MatterRecord | null {
    if (classification.product === 'OTHER' && classification.reason === 'OTHER') return null;
    const fingerprints = this.fingerprints.of(received.complaint.customer);
    if (fingerprints.all.length === 0) return null;
    return {
      complaintId: received.complaint.complaintId,
      reference: received.complaint.reference,
      product: classification.product,
      reason: classification.reason,
      receivedAt: received.complaint.receivedAt,
      fingerprints: fingerprints.all,
      verifiedFingerprints: fingerprints.verified,
      customerFingerprint: fingerprints.customer,
      linkedTo: null,
    };
  }

  private routedEvent(
    received: ComplaintReceivedV1,
    classification: Classification,
    outcome: RoutingOutcome,
    ruleSet: RuleSet,
    repeats: { merge: EarlierMatter | null; related: EarlierMatter | null },
    assignee: string | null,
  ): ComplaintRoutedV1 {
    const routedAt = this.now().toISOString();
    return Object.assign(new ComplaintRoutedV1(), {
      eventId: randomUUID(),
      eventType: ComplaintRoutedV1.type,
      eventVersion: 1 as const,
      occurredAt: routedAt,
      correlationId: received.correlationId,
      causationId: received.eventId,
      source: 'router',
      complaint: received.complaint,
      routing: {
        department: outcome.department,
        category: { product: classification.product, reason: classification.reason, servicePoint: classification.servicePoint },
        priority: classification.priority,
        escalation: classification.escalation,
        needsTriage: outcome.needsTriage,
        confidence: classification.confidence,
        ruleId: outcome.ruleId,
        rulesVersion: rulesVersionLabel(ruleSet.version),
        classifierVersion: classification.classifierVersion,
        matchedTerms: classification.matchedTerms,
        ...(repeats.merge ? { linkedCaseReference: repeats.merge.reference } : {}),
        ...(repeats.related ? { relatedCaseReference: repeats.related.reference } : {}),
        ...(assignee ? { assignee } : {}),
        routedAt,
      },
    });
  }
}

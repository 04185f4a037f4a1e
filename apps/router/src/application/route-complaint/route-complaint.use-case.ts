import { randomUUID } from 'node:crypto';
import { classifyComplaint, Classification } from '@complaints/classification';
import { ComplaintReceivedV1, ComplaintRoutedV1 } from '@complaints/contracts';
import { decideRouting } from '../../domain/decide-routing';
import { pickHandler } from '../../domain/handler';
import { raisePriority, repeatWindow } from '../../domain/repeat-complaint';
import { rulesVersionLabel } from '../../domain/rule-set';
import { Assignment, HandlerStore } from '../handlers/handler.store';
import { CustomerFingerprints } from '../repeat-complaints/customer-fingerprints';
import { EarlierMatter, MatterRecord, MatterStore } from '../repeat-complaints/matter.store';
import { ActiveRules } from '../routing-rules/active-rules';
import { customerText } from './customer-text';
import { RoutedComplaintPublisher, RoutingDecisionStore } from './routing-decision.store';

export interface RouteComplaintSettings {
  triageThreshold: number;
  repeatWindowDays: number;
}

/**
 * Classifies a received complaint, links it to the same customer's open complaint on the same
 * matter (raising its priority one step), applies the active routing rules, assigns the fitting
 * handler with the fewest open cases (if any), stores the decision
 * (one per complaint) and publishes `complaints.routed.v1`. Idempotent: a redelivered complaint
 * republishes the stored decision unchanged (same eventId), so downstream dedupe sees the same event.
 */
export class RouteComplaintUseCase {
  constructor(
    private readonly store: RoutingDecisionStore,
    private readonly publisher: RoutedComplaintPublisher,
    private readonly rules: ActiveRules,
    private readonly matters: MatterStore,
    private readonly fingerprints: CustomerFingerprints,
    private readonly handlers: HandlerStore,
    private readonly settings: RouteComplaintSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(received: ComplaintReceivedV1): Promise<ComplaintRoutedV1> {
    const existing = await this.store.find(received.complaint.complaintId);
    const stored = existing ?? (await this.decideAndStore(received));
    await this.publisher.publish(stored);
    return stored;
  }

  private async decideAndStore(received: ComplaintReceivedV1): Promise<ComplaintRoutedV1> {
    const { complaint } = received;
    const classification = classifyComplaint({
      text: customerText(complaint.content.text, complaint.content.transcript),
      productHint: complaint.context.productHint,
    });
    const matter = this.matterOf(received, classification);
    if (!matter) return this.save(await this.decide(received, classification, null), null);
    const release = await this.matters.lockCustomer(matter.fingerprints);
    try {
      const earlier = await this.findEarlier(matter);
      matter.linkedTo = earlier?.complaintId ?? null;
      return await this.save(await this.decide(received, classification, earlier), matter);
    } finally {
      await release();
    }
  }

  private save(event: ComplaintRoutedV1, matter: MatterRecord | null): Promise<ComplaintRoutedV1> {
    const { complaint, routing } = event;
    const assignment: Assignment = {
      complaintId: complaint.complaintId,
      reference: complaint.reference,
      department: routing.department,
      language: complaint.content.language,
      product: routing.category.product,
      reason: routing.category.reason,
      handlerId: routing.assignee ?? null,
    };
    return this.store.saveIfAbsent(event, matter, assignment);
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
      customerFingerprint: fingerprints.customer,
      linkedTo: null,
    };
  }

  private findEarlier(matter: MatterRecord): Promise<EarlierMatter | null> {
    const receivedAt = new Date(matter.receivedAt);
    return this.matters.findOpenEarlier({
      complaintId: matter.complaintId,
      fingerprints: matter.fingerprints,
      customerFingerprint: matter.customerFingerprint,
      product: matter.product,
      reason: matter.reason,
      ...repeatWindow(receivedAt, this.settings.repeatWindowDays),
    });
  }

  private async decide(received: ComplaintReceivedV1, classified: Classification, earlier: EarlierMatter | null): Promise<ComplaintRoutedV1> {
    const classification = earlier ? { ...classified, priority: raisePriority(classified.priority) } : classified;
    const ruleSet = await this.rules.get();
    const outcome = decideRouting(classification, ruleSet.rules, this.settings.triageThreshold);
    const assignee = pickHandler(await this.handlers.loads(outcome.department), {
      department: outcome.department,
      language: received.complaint.content.language,
      product: classification.product,
      reason: classification.reason,
    });
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
        ...(earlier ? { linkedCaseReference: earlier.reference } : {}),
        ...(assignee ? { assignee: assignee.id } : {}),
        routedAt,
      },
    });
  }
}

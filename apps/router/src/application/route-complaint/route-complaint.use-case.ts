import { randomUUID } from 'node:crypto';
import { classifyComplaint } from '@complaints/classification';
import { ComplaintReceivedV1, ComplaintRoutedV1 } from '@complaints/contracts';
import { decideRouting } from '../../domain/decide-routing';
import { DEFAULT_RULES, DEFAULT_RULES_VERSION } from '../../domain/default-rules';
import { RoutedComplaintPublisher, RoutingDecisionStore } from './routing-decision.store';

export interface RouteComplaintSettings {
  triageThreshold: number;
}

/**
 * Classifies a received complaint, applies the routing rules, stores the decision (one per
 * complaint) and publishes `complaints.routed.v1`. Idempotent: a redelivered complaint republishes
 * the stored decision unchanged (same eventId), so downstream dedupe sees the same event.
 */
export class RouteComplaintUseCase {
  constructor(
    private readonly store: RoutingDecisionStore,
    private readonly publisher: RoutedComplaintPublisher,
    private readonly settings: RouteComplaintSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(received: ComplaintReceivedV1): Promise<ComplaintRoutedV1> {
    const existing = await this.store.find(received.complaint.complaintId);
    const stored = existing ?? (await this.store.saveIfAbsent(this.decide(received)));
    await this.publisher.publish(stored);
    return stored;
  }

  private decide(received: ComplaintReceivedV1): ComplaintRoutedV1 {
    const { complaint } = received;
    const customerText = complaint.content.transcript?.length
      ? complaint.content.transcript.filter((turn) => turn.speaker === 'customer').map((turn) => turn.text).join('\n')
      : complaint.content.text;
    const classification = classifyComplaint({ text: customerText, productHint: complaint.context.productHint });
    const outcome = decideRouting(classification, DEFAULT_RULES, this.settings.triageThreshold);
    const routedAt = this.now().toISOString();
    return Object.assign(new ComplaintRoutedV1(), {
      eventId: randomUUID(),
      eventType: ComplaintRoutedV1.type,
      eventVersion: 1 as const,
      occurredAt: routedAt,
      correlationId: received.correlationId,
      causationId: received.eventId,
      source: 'router',
      complaint,
      routing: {
        department: outcome.department,
        category: { product: classification.product, reason: classification.reason, servicePoint: classification.servicePoint },
        priority: classification.priority,
        escalation: classification.escalation,
        needsTriage: outcome.needsTriage,
        confidence: classification.confidence,
        ruleId: outcome.ruleId,
        rulesVersion: DEFAULT_RULES_VERSION,
        classifierVersion: classification.classifierVersion,
        matchedTerms: classification.matchedTerms,
        routedAt,
      },
    });
  }
}

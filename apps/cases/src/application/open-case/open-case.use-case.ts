import type { ComplaintRoutedV1 } from '@complaints/contracts';
import { openCase } from '../../domain/case';
import { nextWatchAt } from '../../domain/case-clock-actions';
import { acceptsLinkedComplaints, linkComplaint } from '../../domain/link-complaint';
import { SlaPolicy } from '../../domain/sla-policy';
import { toCaseEvent } from '../case-event.factory';
import { CaseEventsRelay } from '../case-events.relay';
import { CaseRepository } from '../case.repository';

/** What the customer is told when the case opens: the reference to quote. */
export function openedMessage(reference: string, language: string): string {
  return language === 'zh'
    ? `您的投诉已受理,编号 ${reference}。我们会尽快与您联系。`
    : `We have received your complaint. Your reference is ${reference}. We will be in touch soon.`;
}

/**
 * Opens the case of a routed complaint — or, for a repeat complaint the router linked to a case still
 * being worked (same customer, an identity both channels verified), merges it into that case instead
 * (CBIRC allows merging); a merely related case (`relatedCaseReference`) is kept for handlers only — and, in the same transaction, queues `case.opened` (customer-visible,
 * with the reference) for publication. A redelivered event finds the case open and changes nothing.
 */
export class OpenCaseUseCase {
  constructor(
    private readonly cases: CaseRepository,
    private readonly policy: SlaPolicy,
    private readonly relay: CaseEventsRelay,
  ) {}

  async execute(routed: ComplaintRoutedV1): Promise<{ reference: string; created: boolean }> {
    // Only a complaint whose channel verified the customer may join (and change) another case; the
    // router links only those, and a link without a verified identity (an older router) opens a case of its own.
    const verified = (routed.complaint.customer.verifiedIdentities?.length ?? 0) > 0;
    const linkedTo =
      verified && routed.routing.linkedCaseReference && (await this.linkToOpenCase(routed.routing.linkedCaseReference, routed));
    if (linkedTo) return { reference: linkedTo, created: false };
    const { case: opened, timeline } = openCase(routed, this.policy);
    const at = new Date(routed.routing.routedAt);
    const actor = { type: 'system' as const, id: 'cases', roles: ['system'] };
    const event = toCaseEvent(
      opened,
      {
        kind: 'opened',
        customerVisible: true,
        message: openedMessage(opened.reference, opened.content.language),
        data: {
          sla: { feedbackDueAt: opened.sla.feedbackDueAt.toISOString(), decisionDueAt: opened.sla.decisionDueAt.toISOString() },
          needsTriage: opened.needsTriage,
        },
      },
      actor,
      at,
      routed.eventId,
    );
    const created = await this.cases.createIfAbsent(
      { case: opened, events: [event], action: 'open', actor, at, nextAlertAt: nextWatchAt(opened, this.policy) },
      timeline,
    );
    if (created) this.relay.kick();
    return { reference: opened.reference, created };
  }

  /** Merges a repeat complaint into the case the router linked it to, if that case is still being worked. */
  private async linkToOpenCase(reference: string, routed: ComplaintRoutedV1): Promise<string | null> {
    const at = new Date(routed.routing.routedAt);
    const actor = { type: 'system' as const, id: 'cases', roles: ['system'] };
    const stored = await this.cases.change(reference, (current) => {
      const change = acceptsLinkedComplaints(current) ? linkComplaint(current, routed, at, this.policy) : { case: current, events: [] };
      return {
        case: change.case,
        events: change.events.map((e) => toCaseEvent(change.case, e, actor, at, routed.eventId)),
        action: 'link-complaint',
        actor,
        at,
        nextAlertAt: nextWatchAt(change.case, this.policy),
      };
    });
    const merged = stored?.case.lifecycle.linkedComplaints.some((l) => l.complaintId === routed.complaint.complaintId);
    if (!stored || !merged) return null;
    if (stored.events.length > 0) this.relay.kick();
    return stored.case.reference;
  }
}

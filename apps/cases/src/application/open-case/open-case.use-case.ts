import type { ComplaintRoutedV1 } from '@complaints/contracts';
import { openCase } from '../../domain/case';
import { nextWatchAt } from '../../domain/case-clock-actions';
import { acceptsLinkedComplaints, linkComplaint } from '../../domain/link-complaint';
import { SlaPolicy } from '../../domain/sla-policy';
import { toCaseEvent } from '../case-event.factory';
import { CaseEventsRelay } from '../case-events.relay';
import { CaseRepository, CaseWriter, Opening } from '../case.repository';

/** What the customer is told when the case opens: the reference to quote. */
export function openedMessage(reference: string, language: string): string {
  return language === 'zh'
    ? `您的投诉已受理,编号 ${reference}。我们会尽快与您联系。`
    : `We have received your complaint. Your reference is ${reference}. We will be in touch soon.`;
}

/** What opening a routed complaint came to: its case's reference, and whether this opened it (false: merged, or already open). */
export interface OpenedCase {
  reference: string;
  created: boolean;
}

/**
 * Whether the router linked the complaint to another case it may join: only a complaint whose channel
 * verified the customer may join (and change) another case; the router links only those, and a link
 * without a verified identity (an older router) opens a case of its own.
 */
function mayJoinAnotherCase(routed: ComplaintRoutedV1): boolean {
  return Boolean(routed.routing.linkedCaseReference) && (routed.complaint.customer.verifiedIdentities?.length ?? 0) > 0;
}

const CASES_ACTOR = { type: 'system' as const, id: 'cases', roles: ['system'] };

/**
 * Opens the case of a routed complaint — or, for a repeat complaint the router linked to a case still
 * being worked (same customer, an identity both channels verified), merges it into that case instead
 * (CBIRC allows merging); a merely related case (`relatedCaseReference`) is kept for handlers only — and, in the same transaction, queues `case.opened` (customer-visible,
 * with the reference) for publication. A redelivered event finds the case open and changes nothing.
 * A batch of routed complaints is handled in order in one transaction: the cases it opens are written
 * together (a merge first writes the cases opened before it, so a repeat can join a case of the same
 * batch), and the relay is woken once, after the commit.
 */
export class OpenCaseUseCase {
  constructor(
    private readonly cases: CaseRepository,
    private readonly policy: SlaPolicy,
    private readonly relay: CaseEventsRelay,
  ) {}

  async execute(routed: ComplaintRoutedV1): Promise<OpenedCase> {
    const [opened] = await this.executeAll([routed]);
    return opened;
  }

  async executeAll(batch: readonly ComplaintRoutedV1[]): Promise<OpenedCase[]> {
    if (!batch.some(mayJoinAnotherCase)) {
      // Only new cases: one statement.
      const openings = batch.map((routed) => this.opening(routed));
      const created = await this.cases.createIfAbsent(openings);
      if (created.some(Boolean)) this.relay.kick();
      return openings.map((o, i) => ({ reference: o.change.case.reference, created: created[i] }));
    }
    const { results, wrote } = await this.cases.write(async (writer) => {
      const results: OpenedCase[] = new Array<OpenedCase>(batch.length);
      let wrote = false;
      let pending: { index: number; opening: Opening }[] = [];
      const openPending = async () => {
        if (pending.length === 0) return;
        const created = await writer.createIfAbsent(pending.map((p) => p.opening));
        pending.forEach(({ index, opening }, i) => (results[index] = { reference: opening.change.case.reference, created: created[i] }));
        wrote ||= created.some(Boolean);
        pending = [];
      };
      for (const [index, routed] of batch.entries()) {
        if (mayJoinAnotherCase(routed) && routed.routing.linkedCaseReference) {
          await openPending();
          const linked = await this.linkToOpenCase(writer, routed.routing.linkedCaseReference, routed);
          if (linked) {
            results[index] = { reference: linked.reference, created: false };
            wrote ||= linked.wrote;
            continue;
          }
        }
        pending.push({ index, opening: this.opening(routed) });
      }
      await openPending();
      return { results, wrote };
    });
    if (wrote) this.relay.kick();
    return results;
  }

  /** The case a routed complaint opens, with its `case.opened`. */
  private opening(routed: ComplaintRoutedV1): Opening {
    const { case: opened, timeline } = openCase(routed, this.policy);
    const at = new Date(routed.routing.routedAt);
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
      CASES_ACTOR,
      at,
      routed.eventId,
    );
    return {
      change: { case: opened, events: [event], action: 'open', actor: CASES_ACTOR, at, nextAlertAt: nextWatchAt(opened, this.policy) },
      timeline,
    };
  }

  /** Merges a repeat complaint into the case the router linked it to, if that case is still being worked. */
  private async linkToOpenCase(
    writer: CaseWriter,
    reference: string,
    routed: ComplaintRoutedV1,
  ): Promise<{ reference: string; wrote: boolean } | null> {
    const at = new Date(routed.routing.routedAt);
    const stored = await writer.change(reference, (current) => {
      const change = acceptsLinkedComplaints(current) ? linkComplaint(current, routed, at, this.policy) : { case: current, events: [] };
      return {
        case: change.case,
        events: change.events.map((e) => toCaseEvent(change.case, e, CASES_ACTOR, at, routed.eventId)),
        action: 'link-complaint',
        actor: CASES_ACTOR,
        at,
        nextAlertAt: nextWatchAt(change.case, this.policy),
      };
    });
    const merged = stored?.case.lifecycle.linkedComplaints.some((l) => l.complaintId === routed.complaint.complaintId);
    if (!stored || !merged) return null;
    return { reference: stored.case.reference, wrote: stored.events.length > 0 };
  }
}

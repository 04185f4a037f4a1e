import type { AnalyticsEvent, CaseFacts, RoutingFacts } from '../analytics-event';

let sequence = 0;
const nextId = () => `00000000-0000-4000-8000-${String(++sequence).padStart(12, '0')}`;

/** Builds the events of one complaint received at `receivedAt`, with times given as hours after receipt. */
export class ComplaintStory {
  readonly events: AnalyticsEvent[] = [];
  private offset = 0;
  private status = 'RECEIVED';

  constructor(
    readonly complaintId: string,
    readonly receivedAt: string,
    private readonly caseDefaults: Pick<CaseFacts, 'department' | 'priority'> = { department: 'CARD_CENTER', priority: 'P2' },
  ) {}

  at(hours: number): string {
    return new Date(Date.parse(this.receivedAt) + hours * 3_600_000).toISOString();
  }

  received(extra: { region?: string } = {}): this {
    this.events.push({
      eventId: nextId(),
      complaintId: this.complaintId,
      topic: 'received',
      offset: this.offset++,
      at: this.receivedAt,
      complaint: { reference: 'C20261015-AAAAAA', channel: 'web', receivedAt: this.receivedAt, branch: null, region: extra.region ?? null },
    });
    return this;
  }

  routed(routing: Partial<RoutingFacts> = {}, hours = 0.01): this {
    this.events.push({
      eventId: nextId(),
      complaintId: this.complaintId,
      topic: 'routed',
      offset: this.offset++,
      at: this.at(hours),
      complaint: { reference: 'C20261015-AAAAAA', channel: 'web', receivedAt: this.receivedAt, branch: null, region: null },
      routing: {
        product: 'CREDIT_CARD',
        reason: 'FEES',
        servicePoint: 'ONLINE',
        department: 'CARD_CENTER',
        priority: 'P2',
        escalation: false,
        linkedCaseReference: null,
        ...routing,
      },
    });
    return this;
  }

  /** A case event `hours` after receipt; `to` moves the status (recorded as from/to like the cases service does). */
  case(kind: string, hours: number, data: CaseFacts['data'] = {}, to?: string, snapshot: Partial<CaseFacts> = {}): this {
    const move = to && to !== this.status ? { from: this.status, to } : {};
    if (to) this.status = to;
    this.events.push({
      eventId: nextId(),
      complaintId: this.complaintId,
      topic: 'case',
      offset: this.offset++,
      at: this.at(hours),
      caseEvent: {
        kind,
        reference: 'C20261015-AAAAAA',
        channel: 'web',
        sourceReceivedAt: this.receivedAt,
        status: this.status,
        ...this.caseDefaults,
        ...snapshot,
        data: { ...data, ...move },
      },
    });
    return this;
  }
}

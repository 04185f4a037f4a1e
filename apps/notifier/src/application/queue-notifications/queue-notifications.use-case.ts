import { CaseEventKind, CaseEventV1 } from '@complaints/contracts';
import { DeliveryOutbox } from '@complaints/delivery';
import { routesFor } from '../../domain/channel-routes';
import { customerLanguage, Language, Notification, Route } from '../../domain/notification';
import { renderMessage } from '../../domain/templates';

export interface QueueOutcome {
  queued: Route[];
  /** Routes the customer could be reached on but that have no gateway configured here. */
  unconfigured: Route[];
}

/**
 * Decides what a case event tells the customer and on which routes, and records one notification
 * per (event, route) in the outbox: a redelivered event queues nothing new (nor does an event twice in one batch). Internal events
 * (`customerVisible: false`) and kinds without a template tell the customer nothing.
 */
export class QueueNotificationsUseCase {
  constructor(
    private readonly outbox: DeliveryOutbox<Notification>,
    private readonly configuredRoutes: ReadonlySet<Route>,
    private readonly defaultLanguage: Language,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Whether an event, as JSON not yet checked, can tell the customer something (see `execute`): read before anything else. */
  static concerns(json: unknown): boolean {
    return (json as { customerVisible?: unknown } | null)?.customerVisible === true;
  }

  /** Queues what each event tells the customer, all at once; answers each event's outcome, in order. */
  async execute(events: CaseEventV1[]): Promise<QueueOutcome[]> {
    const outcomes = events.map((): QueueOutcome => ({ queued: [], unconfigured: [] }));
    const requests: Array<{ id: string; target: Route; payload: Notification }> = [];
    const wanted: Array<{ index: number; id: string; route: Route }> = [];
    events.forEach((event, index) => {
      for (const notification of this.notificationsOf(event, outcomes[index])) {
        const id = `${event.eventId}:${notification.route}`;
        requests.push({ id, target: notification.route, payload: notification });
        wanted.push({ index, id, route: notification.route });
      }
    });
    if (requests.length === 0) return outcomes;
    const recorded = await this.outbox.enqueueAll(requests, this.now());
    for (const { index, id, route } of wanted) if (recorded.delete(id)) outcomes[index].queued.push(route);
    return outcomes;
  }

  /** The notifications an event calls for on the configured routes; the others go to `outcome.unconfigured`. */
  private notificationsOf(event: CaseEventV1, outcome: QueueOutcome): Notification[] {
    if (!event.customerVisible) return [];
    const snapshot = event.case;
    const language = customerLanguage(snapshot.language, this.defaultLanguage);
    const kind = event.eventType.slice('case.'.length) as CaseEventKind;
    const message = renderMessage(kind, language, {
      reference: snapshot.reference,
      message: event.message ?? stringField(event.data, 'reason'),
      dueAt: stringField(event.data, 'decisionDueAt'),
    });
    if (!message) return [];
    const notifications: Notification[] = [];
    for (const { route, recipient } of routesFor(snapshot)) {
      if (!this.configuredRoutes.has(route)) {
        outcome.unconfigured.push(route);
        continue;
      }
      notifications.push({
        route,
        recipient,
        language,
        reference: snapshot.reference,
        complaintId: snapshot.complaintId,
        eventType: event.eventType,
        eventId: event.eventId,
        ...message,
      });
    }
    return notifications;
  }
}

function stringField(data: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = data?.[name];
  return typeof value === 'string' ? value : undefined;
}

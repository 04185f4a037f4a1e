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
 * per (event, route) in the outbox: a redelivered event queues nothing new. Internal events
 * (`customerVisible: false`) and kinds without a template tell the customer nothing.
 */
export class QueueNotificationsUseCase {
  constructor(
    private readonly outbox: DeliveryOutbox<Notification>,
    private readonly configuredRoutes: ReadonlySet<Route>,
    private readonly defaultLanguage: Language,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(event: CaseEventV1): Promise<QueueOutcome> {
    const outcome: QueueOutcome = { queued: [], unconfigured: [] };
    if (!event.customerVisible) return outcome;
    const snapshot = event.case;
    const language = customerLanguage(snapshot.language, this.defaultLanguage);
    const kind = event.eventType.slice('case.'.length) as CaseEventKind;
    const message = renderMessage(kind, language, {
      reference: snapshot.reference,
      message: event.message ?? stringField(event.data, 'reason'),
      dueAt: stringField(event.data, 'decisionDueAt'),
    });
    if (!message) return outcome;

    for (const { route, recipient } of routesFor(snapshot)) {
      if (!this.configuredRoutes.has(route)) {
        outcome.unconfigured.push(route);
        continue;
      }
      const notification: Notification = {
        route,
        recipient,
        language,
        reference: snapshot.reference,
        complaintId: snapshot.complaintId,
        eventType: event.eventType,
        eventId: event.eventId,
        ...message,
      };
      if (await this.outbox.enqueue({ id: `${event.eventId}:${route}`, target: route, payload: notification }, this.now()))
        outcome.queued.push(route);
    }
    return outcome;
  }
}

function stringField(data: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = data?.[name];
  return typeof value === 'string' ? value : undefined;
}

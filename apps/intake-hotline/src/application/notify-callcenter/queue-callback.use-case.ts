import { CaseEventV1 } from '@complaints/contracts';
import { DeliveryOutbox } from '@complaints/delivery';
import { CALLBACK_EVENTS, CallbackEvent, CallbackPayload } from '../../domain/callback';

/**
 * Turns a case event into a status callback owed to the call centre the call came from: when a
 * hotline case is opened and when it is closed, for call centres that registered a callback URL.
 * One callback per event (the event id is the delivery id), however often Kafka delivers the event.
 */
export class QueueCallbackUseCase {
  constructor(
    private readonly outbox: DeliveryOutbox<CallbackPayload>,
    private readonly hasCallbackUrl: (callcenterId: string) => boolean,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Whether an event, as JSON not yet checked, can owe a callback (see `execute`: a hotline case
   * opened or closed, from a call centre with a callback URL): read before anything else.
   */
  concerns(json: unknown): boolean {
    const event = json as { eventType?: unknown; case?: { channel?: unknown; source?: { system?: unknown } } } | null;
    const system = event?.case?.source?.system;
    return (
      event?.case?.channel === 'hotline' &&
      typeof event.eventType === 'string' &&
      isCallbackEvent(event.eventType) &&
      typeof system === 'string' &&
      this.hasCallbackUrl(system)
    );
  }

  /** True when a callback was queued now. */
  async execute(event: CaseEventV1): Promise<boolean> {
    const { case: snapshot } = event;
    if (snapshot.channel !== 'hotline' || !isCallbackEvent(event.eventType)) return false;
    if (!snapshot.source.messageId || !this.hasCallbackUrl(snapshot.source.system)) return false;
    return this.outbox.enqueue(
      {
        id: event.eventId,
        target: snapshot.source.system,
        payload: {
          event: event.eventType,
          eventId: event.eventId,
          callId: snapshot.source.messageId,
          reference: snapshot.reference,
          complaintId: snapshot.complaintId,
          status: snapshot.status,
          department: snapshot.department,
          occurredAt: event.occurredAt,
        },
      },
      this.now(),
    );
  }
}

function isCallbackEvent(type: string): type is CallbackEvent {
  return (CALLBACK_EVENTS as readonly string[]).includes(type);
}

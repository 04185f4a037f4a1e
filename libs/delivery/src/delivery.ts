/**
 * Outbound deliveries to systems outside the platform (call-centre callbacks, customer notifications):
 * recorded once, sent at least once, retried with backoff, dead-lettered when they keep failing.
 */
export interface DeliveryRequest<P> {
  /** Idempotency key: a delivery with an id already recorded is not recorded again. */
  id: string;
  /** Where it goes (a call centre, a channel): for routing the send and for operators. */
  target: string;
  payload: P;
}

export interface DueDelivery<P> extends DeliveryRequest<P> {
  /** Attempts made so far. */
  attempts: number;
}

/** Port: deliveries kept until sent or dead-lettered. */
export abstract class DeliveryOutbox<P> {
  /** Records a delivery once per id; true when it was new. */
  abstract enqueue(request: DeliveryRequest<P>, now: Date): Promise<boolean>;
  /** Records several deliveries at once, each once per id; answers the ids that were new. */
  abstract enqueueAll(requests: DeliveryRequest<P>[], now: Date): Promise<Set<string>>;
  /** Takes up to `limit` due deliveries and leases them for `leaseMs`, so no other instance sends them meanwhile. */
  abstract claimDue(limit: number, leaseMs: number, now: Date): Promise<Array<DueDelivery<P>>>;
  abstract markDelivered(id: string, attempts: number, now: Date): Promise<void>;
  abstract scheduleRetry(id: string, attempts: number, nextAttemptAt: Date, error: string): Promise<void>;
  abstract markDead(id: string, attempts: number, error: string, now: Date): Promise<void>;
}

/** Port: sends one delivery; throws when the receiver did not accept it. */
export abstract class DeliverySender<P> {
  abstract send(delivery: DueDelivery<P>): Promise<void>;
}

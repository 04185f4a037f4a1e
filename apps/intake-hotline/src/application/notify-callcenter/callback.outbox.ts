import type { CallbackPayload } from '../../domain/callback';

export interface CallbackRequest {
  callcenterId: string;
  payload: CallbackPayload;
}

export interface DueCallback extends CallbackRequest {
  attempts: number;
}

/** Port: callbacks owed to call centres, kept until delivered or dead-lettered. */
export abstract class CallbackOutbox {
  /** Records a callback once per `payload.eventId`; a redelivered case event adds nothing. */
  abstract enqueue(request: CallbackRequest, now: Date): Promise<void>;
  /** Takes up to `limit` callbacks that are due and leases them for `leaseMs`, so no other instance sends them meanwhile. */
  abstract claimDue(limit: number, leaseMs: number, now: Date): Promise<DueCallback[]>;
  abstract markDelivered(eventId: string, attempts: number, now: Date): Promise<void>;
  abstract scheduleRetry(eventId: string, attempts: number, nextAttemptAt: Date, error: string): Promise<void>;
  abstract markDead(eventId: string, attempts: number, error: string, now: Date): Promise<void>;
}

/** Port: sends one signed callback; throws when the call centre did not accept it (non-2xx, timeout). */
export abstract class CallbackSender {
  abstract send(request: CallbackRequest): Promise<void>;
}

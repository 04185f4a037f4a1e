import { nextRetryDelayMs, RetryPolicy } from '../../domain/callback';
import { CallbackOutbox, CallbackSender, DueCallback } from './callback.outbox';

export interface DeliveryReport {
  delivered: number;
  retrying: number;
  dead: number;
}

/**
 * Sends the callbacks that are due. A failure is retried with exponential backoff; after the last
 * attempt the callback stays in the outbox as a dead letter (status `dead`, with the last error).
 */
export class DeliverCallbacksUseCase {
  constructor(
    private readonly outbox: CallbackOutbox,
    private readonly sender: CallbackSender,
    private readonly policy: RetryPolicy & { batchSize: number; leaseMs: number },
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(): Promise<DeliveryReport> {
    const due = await this.outbox.claimDue(this.policy.batchSize, this.policy.leaseMs, this.now());
    const outcomes = await Promise.all(due.map((callback) => this.deliver(callback)));
    return {
      delivered: outcomes.filter((o) => o === 'delivered').length,
      retrying: outcomes.filter((o) => o === 'retrying').length,
      dead: outcomes.filter((o) => o === 'dead').length,
    };
  }

  private async deliver(callback: DueCallback): Promise<keyof DeliveryReport> {
    const attempts = callback.attempts + 1;
    try {
      await this.sender.send(callback);
      await this.outbox.markDelivered(callback.payload.eventId, attempts, this.now());
      return 'delivered';
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const delay = nextRetryDelayMs(attempts, this.policy);
      if (delay === null) {
        await this.outbox.markDead(callback.payload.eventId, attempts, reason, this.now());
        return 'dead';
      }
      await this.outbox.scheduleRetry(callback.payload.eventId, attempts, new Date(this.now().getTime() + delay), reason);
      return 'retrying';
    }
  }
}

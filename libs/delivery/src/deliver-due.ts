import { DeliveryOutbox, DeliverySender, DueDelivery } from './delivery';
import { nextRetryDelayMs, RetryPolicy } from './retry-policy';

export interface DeliveryReport {
  delivered: number;
  retrying: number;
  dead: number;
}

export interface DeliverySettings extends RetryPolicy {
  batchSize: number;
  /** How long a claimed delivery is hidden from other instances (longer than a send can take). */
  leaseMs: number;
}

/**
 * Sends the deliveries that are due. A failure is retried with exponential backoff; after the last
 * attempt the delivery stays in the outbox as a dead letter (status `dead`, with the last error).
 */
export class DeliverDue<P> {
  constructor(
    private readonly outbox: DeliveryOutbox<P>,
    private readonly sender: DeliverySender<P>,
    private readonly settings: DeliverySettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(): Promise<DeliveryReport> {
    const due = await this.outbox.claimDue(this.settings.batchSize, this.settings.leaseMs, this.now());
    const outcomes = await Promise.all(due.map((delivery) => this.deliver(delivery)));
    return {
      delivered: outcomes.filter((o) => o === 'delivered').length,
      retrying: outcomes.filter((o) => o === 'retrying').length,
      dead: outcomes.filter((o) => o === 'dead').length,
    };
  }

  private async deliver(delivery: DueDelivery<P>): Promise<keyof DeliveryReport> {
    const attempts = delivery.attempts + 1;
    try {
      await this.sender.send(delivery);
      await this.outbox.markDelivered(delivery.id, attempts, this.now());
      return 'delivered';
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const delay = nextRetryDelayMs(attempts, this.settings);
      if (delay === null) {
        await this.outbox.markDead(delivery.id, attempts, reason, this.now());
        return 'dead';
      }
      await this.outbox.scheduleRetry(delivery.id, attempts, new Date(this.now().getTime() + delay), reason);
      return 'retrying';
    }
  }
}

import { randomUUID } from 'node:crypto';
import { dueWeek, SendTime } from '../../domain/bulletin/bulletin-schedule';
import { Clock } from '../clock';
import { BulletinRelay, BulletinStore } from './bulletin-store';
import { ComposeBulletinQuery } from './compose-bulletin.query';

export interface BulletinTick {
  /** The week due at the clock's time. */
  week: string;
  /** Whether this tick composed (and stored) it. */
  composed: boolean;
  /** Bulletins published by this tick (the due one, or one a Kafka outage left pending). */
  published: number;
}

/**
 * Once the send time has passed, composes the last complete week's bulletin, stores it (once per week,
 * whichever instance comes first: the week is the table's key) and publishes what is pending. A week
 * missed while the service was down is not sent late: the next due week is.
 */
export class PublishDueBulletinUseCase {
  private running: Promise<BulletinTick> | null = null;

  constructor(
    private readonly store: BulletinStore,
    private readonly relay: BulletinRelay,
    private readonly compose: ComposeBulletinQuery,
    private readonly clock: Clock,
    private readonly sendTime: SendTime,
  ) {}

  /** One pass; a pass already running in this process is awaited instead of starting another. */
  tick(): Promise<BulletinTick> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(): Promise<BulletinTick> {
    const now = this.clock.now();
    const { week } = dueWeek(now, this.sendTime);
    let composed = false;
    if (!(await this.store.has(week.label))) {
      const bulletin = await this.compose.execute(week, now);
      composed = await this.store.saveOnce({ bulletinId: randomUUID(), composedAt: now, publishedAt: null, bulletin });
    }
    return { week: week.label, composed, published: await this.relay.publishPending() };
  }
}

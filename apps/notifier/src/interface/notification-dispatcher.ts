import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { DeliverDue, DeliveryDispatcher } from '@complaints/delivery';
import { notifierMetrics } from './notifier.metrics';

export const NOTIFY_POLL_MS = Symbol('NOTIFY_POLL_MS');

/** Sends the notifications that are due, every poll interval, while the service runs. */
@Injectable()
export class NotificationDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly dispatcher: DeliveryDispatcher;

  constructor(deliverDue: DeliverDue<unknown>, logger: PinoLogger, @Inject(NOTIFY_POLL_MS) pollMs: number) {
    this.dispatcher = new DeliveryDispatcher(
      deliverDue,
      pollMs,
      (report) => {
        for (const [outcome, count] of Object.entries(report)) if (count > 0) notifierMetrics.deliveries.inc({ outcome }, count);
        if (report.retrying || report.dead) logger.warn(report, 'customer notifications failed');
      },
      (error) => logger.error({ err: error }, 'notification run failed'),
    );
  }

  onApplicationBootstrap(): void {
    this.dispatcher.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.dispatcher.stop();
  }
}

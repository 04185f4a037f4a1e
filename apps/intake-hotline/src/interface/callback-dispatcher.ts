import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { DeliverDue, DeliveryDispatcher } from '@complaints/delivery';
import { hotlineMetrics } from './hotline.metrics';

export const CALLBACK_POLL_MS = Symbol('CALLBACK_POLL_MS');

/** Sends the call-centre callbacks that are due, every poll interval, while the service runs. */
@Injectable()
export class CallbackDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly dispatcher: DeliveryDispatcher;

  constructor(deliverDue: DeliverDue<unknown>, logger: PinoLogger, @Inject(CALLBACK_POLL_MS) pollMs: number) {
    this.dispatcher = new DeliveryDispatcher(
      deliverDue,
      pollMs,
      (report) => {
        for (const [outcome, count] of Object.entries(report)) if (count > 0) hotlineMetrics.callbacks.inc({ outcome }, count);
        if (report.retrying || report.dead) logger.warn(report, 'call-centre callbacks failed');
      },
      (error) => logger.error({ err: error }, 'call-centre callback run failed'),
    );
  }

  onApplicationBootstrap(): void {
    this.dispatcher.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.dispatcher.stop();
  }
}

import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { PinoLogger } from 'nestjs-pino';
import { PeriodicTask } from '@complaints/persistence';
import { PollWeiboUseCase } from '../application/poll-weibo/poll-weibo.use-case';
import { socialMetrics } from './social.metrics';

export class WeiboPollSchedule {
  constructor(readonly intervalMs: number) {}
}

/** Polls Weibo for @mentions and comments every interval (only when an access token is configured). */
@Injectable()
export class WeiboPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(
    private readonly poll: PollWeiboUseCase,
    private readonly logger: PinoLogger,
    schedule: WeiboPollSchedule,
  ) {
    this.task = new PeriodicTask(schedule.intervalMs, () => this.run());
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  runOnce(): Promise<void> {
    return this.task.runOnce();
  }

  private async run(): Promise<void> {
    try {
      const taken = await this.poll.execute(randomUUID());
      for (const [stream, count] of Object.entries(taken))
        if (count > 0) socialMetrics.messages.inc({ channel: 'weibo', outcome: `polled-${stream}` }, count);
    } catch (error) {
      this.logger.warn({ err: error }, 'polling Weibo failed; the cursor stays where it was');
    }
  }
}

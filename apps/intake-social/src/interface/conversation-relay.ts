import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { PeriodicTask } from '@complaints/persistence';
import { PublishConversationsUseCase } from '../application/publish-conversations/publish-conversations.use-case';
import { SendRepliesUseCase } from '../application/send-replies/send-replies.use-case';
import { socialMetrics } from './social.metrics';

export const RELAY_POLL_MS = Symbol('RELAY_POLL_MS');

/**
 * Publishes the conversations that went quiet and sends the queued replies, every poll interval.
 * (Survey answers have an outbox of their own, relayed by the shared PostgresOutboxRelay.)
 */
@Injectable()
export class ConversationRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(
    private readonly publish: PublishConversationsUseCase,
    private readonly replies: SendRepliesUseCase,
    private readonly logger: PinoLogger,
    @Inject(RELAY_POLL_MS) pollMs: number,
  ) {
    this.task = new PeriodicTask(pollMs, () => this.run());
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** One pass now (tests and shutdown). */
  runOnce(): Promise<void> {
    return this.task.runOnce();
  }

  private async run(): Promise<void> {
    try {
      const { published, rejected, failure } = await this.publish.execute();
      if (published > 0) socialMetrics.published.inc(published);
      if (rejected.length > 0) socialMetrics.rejected.inc(rejected.length);
      if (rejected.length > 0)
        this.logger.error({ complaintIds: rejected }, 'conversations that can never satisfy the complaint contract set aside as rejected');
      if (failure) this.logger.warn({ err: failure }, 'publishing closed conversations failed; the rest stay queued');
    } catch (error) {
      this.logger.warn({ err: error }, 'publishing closed conversations failed; they stay queued');
    }
    try {
      const report = await this.replies.execute();
      for (const [outcome, count] of Object.entries(report)) if (count > 0) socialMetrics.replies.inc({ outcome }, count);
      if (report.retrying || report.dead) this.logger.warn(report, 'channel replies failed');
    } catch (error) {
      this.logger.warn({ err: error }, 'sending channel replies failed');
    }
  }
}

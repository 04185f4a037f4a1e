import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { Client } from 'pg';
import { ActiveRules } from '../application/routing-rules/active-rules';
import { RouterConfig } from '../router.config';
import { RULES_CHANGED_CHANNEL } from './persistence/pg-rule-set.repository';

/**
 * Keeps every router process on the active rule set: it LISTENs for the change notification that a
 * rules change sends on commit, and polls the active version every ROUTING_RULES_POLL_MS in case a
 * notification was missed (e.g. while the listening connection was down).
 */
@Injectable()
export class RulesChangeListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private client: Client | null = null;
  private stopped = false;

  constructor(
    private readonly activeRules: ActiveRules,
    private readonly config: RouterConfig,
    private readonly logger: PinoLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.activeRules.refresh();
    this.timer = setInterval(() => this.refresh('poll'), this.config.ROUTING_RULES_POLL_MS);
    this.timer.unref();
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.client?.end().catch(() => undefined);
  }

  private refresh(reason: string): void {
    this.activeRules.refresh().catch((error: unknown) => this.logger.warn({ err: error, reason }, 'could not refresh the routing rules'));
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.config.DATABASE_URL, application_name: 'router-rules-listener' });
    this.client = client;
    client.on('notification', () => this.refresh('notification'));
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'routing rules listener connection failed; polling until it is back');
      void client.end().catch(() => undefined);
      setTimeout(() => void this.listen(), 5_000).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${RULES_CHANGED_CHANNEL}`);
    } catch (error) {
      this.logger.warn({ err: error }, 'could not listen for routing rule changes; polling only');
      await client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.listen(), 5_000).unref();
    }
  }
}

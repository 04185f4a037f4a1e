import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { WechatyBot } from '../infrastructure/wechaty-bot';

/** Starts the chat bot with the service and stops it on shutdown (only when WECHATY_PUPPET is set). */
@Injectable()
export class WechatyBotRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly bot: WechatyBot,
    private readonly logger: PinoLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.bot.start();
    this.logger.info('Wechaty bot started');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bot.stop();
  }
}

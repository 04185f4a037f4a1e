import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { Message, Wechaty } from 'wechaty';
import { PendingReply } from '../application/receive-message/conversation.store';
import { ReceiveMessageUseCase } from '../application/receive-message/receive-message.use-case';
import { ReplySender } from '../application/send-replies/send-replies.use-case';
import { botComplaintMessage } from '../domain/wechaty-message';

export interface WechatyBotSettings {
  puppet: string;
  puppetToken: string;
}

/**
 * The WeChat chat bot (Wechaty, with the puppet named in WECHATY_PUPPET): direct messages and
 * @mentions in rooms are taken in like official-account messages (same conversations, same
 * durability); the reply with the reference is queued and said in the same chat by `send`.
 */
export class WechatyBot extends ReplySender {
  private readonly logger = new Logger('WechatyBot');
  private bot?: Wechaty;
  private textType?: number;

  constructor(
    private readonly settings: WechatyBotSettings,
    private readonly receive: ReceiveMessageUseCase,
  ) {
    super();
  }

  /** The running Wechaty instance (after `start`). */
  get wechaty(): Wechaty {
    if (!this.bot) throw new Error('the Wechaty bot has not been started');
    return this.bot;
  }

  async start(): Promise<void> {
    // Loaded only when the bot is configured: Wechaty and its puppets are heavy to import.
    const { WechatyBuilder, types } = await import('wechaty');
    this.textType = types.Message.Text;
    this.bot = WechatyBuilder.build({
      name: 'intake-social',
      puppet: this.settings.puppet as never,
      ...(this.settings.puppetToken ? { puppetOptions: { token: this.settings.puppetToken } } : {}),
    });
    this.bot.on('message', (message) => void this.onMessage(message));
    this.bot.on('error', (error) => this.logger.warn(`wechaty error: ${error instanceof Error ? error.message : String(error)}`));
    await this.bot.start();
  }

  async stop(): Promise<void> {
    await this.bot?.stop();
  }

  private async onMessage(message: Message): Promise<void> {
    try {
      if (message.self() || message.type() !== this.textType || !this.wechaty.isLoggedIn) return;
      const room = message.room();
      const chat = botComplaintMessage({
        botId: this.wechaty.currentUser.id,
        messageId: message.id,
        talkerId: message.talker().id,
        ...(room ? { roomId: room.id } : {}),
        mentionsBot: room ? await message.mentionSelf() : false,
        text: room ? await message.mentionText() : message.text(),
        sentAt: message.date(),
      });
      if (!chat) return;
      await this.receive.execute(chat, randomUUID());
    } catch (error) {
      // Not recorded: the customer got no reference, so nothing acknowledged is lost; they can send again.
      this.logger.warn(`a chat message could not be taken in: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  canSend(reply: PendingReply): boolean {
    return reply.target.kind === 'wechaty';
  }

  async send(reply: PendingReply): Promise<void> {
    const target = reply.target;
    if (target.kind !== 'wechaty') return;
    if (!this.bot?.isLoggedIn) throw new Error('the Wechaty bot is not logged in');
    if (target.roomId) {
      const room = await this.wechaty.Room.find({ id: target.roomId });
      if (!room) throw new Error(`room ${target.roomId} not found`);
      const talker = await this.wechaty.Contact.find({ id: target.talkerId });
      await (talker ? room.say(reply.text, talker) : room.say(reply.text));
    } else {
      const contact = await this.wechaty.Contact.find({ id: target.talkerId });
      if (!contact) throw new Error(`contact ${target.talkerId} not found`);
      await contact.say(reply.text);
    }
  }
}

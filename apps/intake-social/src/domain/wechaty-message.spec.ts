import { botComplaintMessage, BotChatMessage } from './wechaty-message';

const chat = (overrides: Partial<BotChatMessage> = {}): BotChatMessage => ({
  botId: 'bot',
  messageId: 'm1',
  talkerId: 'alice',
  mentionsBot: false,
  text: '我要投诉',
  sentAt: new Date(0),
  ...overrides,
});

describe('which chat messages the bot takes as complaints', () => {
  it('takes direct messages, replying to the talker', () => {
    expect(botComplaintMessage(chat())).toMatchObject({
      channel: 'wechat',
      account: 'wechaty:bot',
      userId: 'alice',
      messageId: 'm1',
      via: 'bot-direct',
      replyTarget: { kind: 'wechaty', talkerId: 'alice' },
    });
  });

  it('takes room messages only when they @mention the bot, replying in the room', () => {
    expect(botComplaintMessage(chat({ roomId: 'r1' }))).toBeUndefined();
    expect(botComplaintMessage(chat({ roomId: 'r1', mentionsBot: true }))).toMatchObject({
      via: 'bot-room',
      replyTarget: { kind: 'wechaty', talkerId: 'alice', roomId: 'r1' },
    });
  });

  it('ignores its own messages and empty text', () => {
    expect(botComplaintMessage(chat({ talkerId: 'bot' }))).toBeUndefined();
    expect(botComplaintMessage(chat({ text: '  ' }))).toBeUndefined();
  });
});

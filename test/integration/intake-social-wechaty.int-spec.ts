import type { Producer } from 'kafkajs';
import { Client } from 'pg';
import { ComplaintReceivedV1, CustomerResponseV1, Topics } from '@complaints/contracts';
import { mock, PuppetMock } from 'wechaty-puppet-mock';
import { WechatyBot } from '../../apps/intake-social/src/infrastructure/wechaty-bot';
import { IntakeSocialConfig } from '../../apps/intake-social/src/intake-social.config';
import { IntakeSocialModule, intakeSocialHttpOptions } from '../../apps/intake-social/src/intake-social.module';
import { testConfig } from '../support/configs';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { testProducer } from '../support/case-events';
import { TopicReader } from '../support/topic-reader';
import { publishSurveyEvent } from './intake-social-client';

const REFERENCE = /C\d{8}-X[0-9A-HJKMNP-TV-Z]{5}/;

describe('intake-social: the Wechaty chat bot with wechaty-puppet-mock (real Kafka and PostgreSQL)', () => {
  let social: RunningApp;
  let received: TopicReader<ComplaintReceivedV1>;
  let responses: TopicReader<CustomerResponseV1>;
  let producer: Producer;
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  let mocker: mock.Mocker;
  let botUser: mock.ContactMock;
  const heard: Array<{ talker: string; listener?: string; room?: string; text: string }> = [];

  beforeAll(async () => {
    const config = testConfig(IntakeSocialConfig, {
      WECHATY_PUPPET: 'wechaty-puppet-mock',
      SOCIAL_QUIET_WINDOW_SEC: '1',
      SOCIAL_PUBLISH_POLL_MS: '200',
    });
    social = await startApp(IntakeSocialModule.register(config), intakeSocialHttpOptions(config));
    received = await TopicReader.open<ComplaintReceivedV1>(Topics.complaintReceivedV1);
    responses = await TopicReader.open<CustomerResponseV1>(Topics.customerResponsesV1);
    producer = await testProducer();
    await db.connect();
    const bot = social.app.get(WechatyBot);
    mocker = (bot.wechaty.puppet as PuppetMock).mocker;
    botUser = mocker.createContact({ name: '某银行客服' });
    mocker.login(botUser);
    await eventually(async () => (bot.wechaty.isLoggedIn ? true : undefined), 10_000);
    bot.wechaty.on('message', (message) => {
      if (message.self())
        heard.push({ talker: message.talker().id, listener: message.listener()?.id, room: message.room()?.id, text: message.text() });
    });
  });
  afterAll(async () => {
    await Promise.all([social?.close(), received?.close(), responses?.close(), producer?.disconnect(), db.end()]);
  });

  const botSaid = (predicate: (said: (typeof heard)[number]) => boolean) => eventually(async () => heard.find(predicate), 15_000);
  const publishedFor = (reference: string) => received.values((event) => event.complaint.reference === reference);

  it('answers a direct message in the chat with the reference, joins follow-ups and publishes one complaint', async () => {
    const alice = mocker.createContact({ name: 'alice' });
    alice.say('你好，我的借记卡被莫名扣了年费').to(botUser);
    const first = await botSaid((said) => said.listener === alice.id && REFERENCE.test(said.text));
    const reference = first.text.match(REFERENCE)![0];
    expect(first.text).toContain('48小时');

    alice.say('一共扣了两次，每次50元').to(botUser);
    await botSaid((said) => said.listener === alice.id && said.text.includes('补充') && said.text.includes(reference));

    const [event] = await eventually(async () => (publishedFor(reference).length ? publishedFor(reference) : undefined), 15_000);
    expect(event.complaint).toMatchObject({
      channel: 'wechat',
      customer: { contact: { openId: alice.id } },
      source: { system: `wechaty:${botUser.id}` },
      content: { text: '你好，我的借记卡被莫名扣了年费\n一共扣了两次，每次50元' },
    });
    expect(event.complaint.context.extra).toMatchObject({ via: 'bot-direct', messageCount: '2' });
  });

  it('takes @mentions in a room (replying in the room) and ignores other room chatter', async () => {
    const bob = mocker.createContact({ name: 'bob' });
    const carol = mocker.createContact({ name: 'carol' });
    const room = mocker.createRoom({ topic: '某银行客户群', memberIdList: [botUser.id, bob.id, carol.id] });

    carol.say('大家好').to(room);
    bob.say(`@${botUser.payload.name} 手机银行转账失败但钱被扣了`, [botUser]).to(room);
    const reply = await botSaid((said) => said.room === room.id && REFERENCE.test(said.text));
    const reference = reply.text.match(REFERENCE)![0];

    const [event] = await eventually(async () => (publishedFor(reference).length ? publishedFor(reference) : undefined), 15_000);
    expect(event.complaint.customer.contact).toEqual({ openId: bob.id });
    expect(event.complaint.content.text).toBe('手机银行转账失败但钱被扣了');
    expect(event.complaint.context.extra).toMatchObject({ via: 'bot-room' });
    // Carol's greeting did not address the bot: no complaint of hers.
    expect(received.values((e) => e.complaint.customer.contact.openId === carol.id)).toHaveLength(0);
  });

  it('takes 满意 in a direct chat as the answer to the survey of a resolved case, and thanks in the chat', async () => {
    const dave = mocker.createContact({ name: 'dave' });
    const resolved = await publishSurveyEvent(producer, db, { type: 'case.resolved', channel: 'wechat', userId: dave.id });
    dave.say('满意').to(botUser);
    const thanks = await botSaid((said) => said.listener === dave.id && said.text.includes('感谢您的评价'));
    expect(thanks.text).toContain(resolved.case.reference);
    const [answer] = await eventually(async () => {
      const found = responses.values((r) => r.reference === resolved.case.reference);
      return found.length ? found : undefined;
    }, 15_000);
    expect(answer).toMatchObject({ channel: 'wechat', identity: { openId: dave.id }, satisfaction: { score: 5 } });
    expect(received.values((e) => e.complaint.customer.contact.openId === dave.id)).toHaveLength(0);
  });
});

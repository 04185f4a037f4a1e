import { complaintIdFor, CustomerResponseV1, customerResponseIdFor, parseContract } from '@complaints/contracts';
import { ACCOUNT, socialCaseEvent, socialIntake, wechatMessage } from '../in-memory/social-intake';
import { TrackSurveysUseCase } from '../track-surveys/track-surveys.use-case';
import { ReferenceTakenError, StoreUnavailableError } from './conversation.store';

describe('ReceiveMessageUseCase', () => {
  it('opens a complaint with the first message and answers its reference at once', async () => {
    const { receive, store } = socialIntake();

    const recorded = await receive.execute(wechatMessage('m1', '我的信用卡被盗刷了'), 'corr-1');

    expect(recorded).toMatchObject({ outcome: 'opened', complaintId: complaintIdFor('wechat', ACCOUNT, 'oUser1|m1') });
    expect(recorded.reference).toMatch(/^C20261201-X[0-9A-Z]{5}$/);
    expect(recorded.reply).toContain(recorded.reference);
    expect(store.conversations.get(recorded.complaintId)).toMatchObject({
      status: 'open',
      reference: recorded.reference,
      correlationId: 'corr-1',
    });
  });

  it('adds the messages sent within the quiet window to the same complaint', async () => {
    const { receive, later } = socialIntake();
    const opened = await receive.execute(wechatMessage('m1', '我的信用卡被盗刷了'), 'corr-1');
    later(50);

    const appended = await receive.execute(wechatMessage('m2', '金额是3000元'), 'corr-2');

    expect(appended).toMatchObject({ outcome: 'appended', complaintId: opened.complaintId, reference: opened.reference });
    expect(appended.reply).toContain(opened.reference);
  });

  it('opens a new complaint once the conversation went quiet, and leaves the old one for the relay', async () => {
    const { receive, store, later } = socialIntake();
    const first = await receive.execute(wechatMessage('m1', '信用卡被盗刷'), 'corr-1');
    later(61);

    const second = await receive.execute(wechatMessage('m2', '另外网银登录不了'), 'corr-2');

    expect(second.outcome).toBe('opened');
    expect(second.reference).not.toBe(first.reference);
    expect(store.conversations.get(first.complaintId)!.status).toBe('closing');
  });

  it('opens a new complaint once a lively conversation reached its longest time', async () => {
    const { receive, later } = socialIntake();
    const first = await receive.execute(wechatMessage('m0', '第一条'), 'corr');
    for (let i = 1; i <= 12; i++) {
      later(50);
      await receive.execute(wechatMessage(`m${i}`, `补充${i}`), 'corr');
    }

    expect((await receive.execute(wechatMessage('m13', '还有一条'), 'corr')).reference).not.toBe(first.reference);
  });

  it("keeps each customer's messages to their own complaint", async () => {
    const { receive } = socialIntake();
    const mine = await receive.execute(wechatMessage('m1', '信用卡被盗刷', 'oUser1'), 'corr');

    const theirs = await receive.execute(wechatMessage('m1', '贷款利率不对', 'oUser2'), 'corr');

    expect(theirs.outcome).toBe('opened');
    expect(theirs.complaintId).not.toBe(mine.complaintId);
  });

  it('answers a message delivered again as before, without recording it twice', async () => {
    const { receive, store, later } = socialIntake();
    const first = await receive.execute(wechatMessage('m1', '信用卡被盗刷'), 'corr-1');
    later(5);

    await expect(receive.execute(wechatMessage('m1', '信用卡被盗刷'), 'corr-2')).resolves.toEqual({ ...first, outcome: 'duplicate' });
    expect(store.messages.size).toBe(1);
  });

  it('masks card numbers before anything is stored', async () => {
    const { receive, store } = socialIntake();

    await receive.execute(wechatMessage('m1', '卡号4111111111111111被盗刷'), 'corr-1');

    expect(store.message('wechat', ACCOUNT, 'oUser1', 'm1')!.text).not.toContain('4111111111111111');
  });

  describe('with a survey awaiting the answer', () => {
    async function surveyed() {
      const intake = socialIntake();
      await new TrackSurveysUseCase(intake.surveys, 72).execute(socialCaseEvent('case.resolved', 'RESOLVED', '2026-11-30T10:00:00.000Z'));
      return intake;
    }

    it('records a reply such as 满意 as the answer, queues its response, kicks the relay and thanks the customer', async () => {
      const { receive, store, relay, surveys } = await surveyed();

      const recorded = await receive.execute(wechatMessage('m1', '满意'), 'corr-1');

      expect(recorded).toMatchObject({
        outcome: 'survey-answered',
        reference: 'C20261130-X7K3Q9',
        complaintId: '0b8a4cf4-43a5-5b5e-9d6c-000000000001',
      });
      expect(recorded.reply).toContain('C20261130-X7K3Q9');
      expect(store.outbox).toHaveLength(1);
      expect(parseContract(CustomerResponseV1, JSON.parse(JSON.stringify(store.outbox[0])))).toMatchObject({
        eventId: customerResponseIdFor('wechat', 'oUser1|m1'),
        channel: 'wechat',
        reference: 'C20261130-X7K3Q9',
        identity: { openId: 'oUser1' },
        satisfaction: { score: 5 },
        correlationId: 'corr-1',
      });
      expect(relay.kicks).toBe(1);
      expect(store.conversations.size).toBe(0);
      expect(surveys.awaitedFrom('wechat', 'oUser1', new Date('2026-12-01T08:00:00.000Z'))).toBeNull();
    });

    it('answers the survey once: the reply delivered again is a duplicate, kicking nothing', async () => {
      const { receive, store, relay } = await surveyed();
      const first = await receive.execute(wechatMessage('m1', '3'), 'corr-1');

      await expect(receive.execute(wechatMessage('m1', '3'), 'corr-1')).resolves.toEqual({ ...first, outcome: 'duplicate' });
      expect(store.outbox).toHaveLength(1);
      expect(relay.kicks).toBe(1);
    });

    it('takes a text that is no answer as a new complaint', async () => {
      const { receive, store, relay } = await surveyed();

      await expect(receive.execute(wechatMessage('m1', '我还有一个新问题'), 'corr-1')).resolves.toMatchObject({ outcome: 'opened' });
      expect(store.outbox).toEqual([]);
      expect(relay.kicks).toBe(0);
    });

    it('never reads an image as an answer', async () => {
      const { receive, store } = await surveyed();

      const recorded = await receive.execute({ ...wechatMessage('m1', '5'), attachment: { kind: 'image', mediaId: 'media-1' } }, 'corr-1');

      expect(recorded.outcome).toBe('opened');
      expect(store.outbox).toEqual([]);
    });

    it('takes an answer after the survey expired as a message', async () => {
      const { receive, store, later } = await surveyed();
      later(72 * 3600);

      await expect(receive.execute(wechatMessage('m1', '满意'), 'corr-1')).resolves.toMatchObject({ outcome: 'opened' });
      expect(store.outbox).toEqual([]);
    });

    it("keeps the survey answered when the case's resolution is delivered again", async () => {
      const { receive, surveys } = await surveyed();
      await receive.execute(wechatMessage('m1', '满意'), 'corr-1');

      await expect(
        new TrackSurveysUseCase(surveys, 72).execute(socialCaseEvent('case.resolved', 'RESOLVED', '2026-12-01T09:00:00.000Z')),
      ).resolves.toBe('stale');
    });
  });

  it('draws another reference when the one drawn was taken', async () => {
    const { receive, store } = socialIntake();
    const draws: string[] = [];
    const record = store.record.bind(store);
    store.record = (command) => {
      draws.push(command.candidate.reference);
      if (draws.length === 1) store.takenReferences.add(command.candidate.reference);
      return record(command);
    };

    const recorded = await receive.execute(wechatMessage('m1', '信用卡被盗刷'), 'corr-1');

    expect(draws).toHaveLength(2);
    expect(recorded).toMatchObject({ outcome: 'opened', reference: draws[1] });
  });

  it('gives up with ReferenceTakenError after five references taken, recording nothing', async () => {
    const { receive, store } = socialIntake();
    const record = store.record.bind(store);
    let attempts = 0;
    store.record = (command) => {
      attempts++;
      store.takenReferences.add(command.candidate.reference);
      return record(command);
    };

    await expect(receive.execute(wechatMessage('m1', '信用卡被盗刷'), 'corr-1')).rejects.toBeInstanceOf(ReferenceTakenError);
    expect(attempts).toBe(5);
    expect(store.messages.size).toBe(0);
  });

  it('tells the caller at once when the store does not answer, so the message is not acknowledged', async () => {
    const { receive, store } = socialIntake();
    store.unavailable = true;

    await expect(receive.execute(wechatMessage('m1', '信用卡被盗刷'), 'corr-1')).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});

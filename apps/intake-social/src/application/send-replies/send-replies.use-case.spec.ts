import { InMemoryReplySender } from '../in-memory/in-memory-reply.sender';
import { socialIntake, wechatMessage } from '../in-memory/social-intake';
import { ReplyTarget } from '../../domain/social-message';
import { SendRepliesUseCase } from './send-replies.use-case';

const settings = { maxAttempts: 3, baseDelayMs: 1_000, batchSize: 10, leaseMs: 30_000 };

async function withQueuedReplies(...targets: Array<ReplyTarget | undefined>) {
  const intake = socialIntake();
  for (const [i, target] of targets.entries())
    await intake.receive.execute(
      { ...wechatMessage(`m${i}`, `投诉${i}`, `oUser${i}`), ...(target ? { replyTarget: target } : {}) },
      'corr',
    );
  const weibo = new InMemoryReplySender(['weibo-status', 'weibo-comment']);
  const send = new SendRepliesUseCase(intake.store, [weibo], settings, intake.now);
  const reply = (i: number) => intake.store.message('wechat', 'wxdev0000000000000', `oUser${i}`, `m${i}`)!;
  return { ...intake, weibo, send, reply };
}

describe('SendRepliesUseCase', () => {
  it('sends the queued replies through the sender for their target and marks them sent', async () => {
    const { weibo, send, reply } = await withQueuedReplies({ kind: 'weibo-status', statusId: '1001' }, undefined);

    await expect(send.execute()).resolves.toEqual({ sent: 1, retrying: 0, dead: 0 });

    expect(weibo.sent.map((r) => [r.target, r.text])).toEqual([[{ kind: 'weibo-status', statusId: '1001' }, reply(0).reply]]);
    expect(reply(0)).toMatchObject({ replyStatus: 'sent', replyAttempts: 1 });
    expect(reply(1).replyStatus).toBe('in-response');
    await expect(send.execute()).resolves.toEqual({ sent: 0, retrying: 0, dead: 0 });
  });

  it('retries a failed reply after a back-off that doubles, keeping the error', async () => {
    const { weibo, send, reply, later } = await withQueuedReplies({ kind: 'weibo-status', statusId: '1001' });
    weibo.failing = new Error('rate limited');

    await expect(send.execute()).resolves.toEqual({ sent: 0, retrying: 1, dead: 0 });
    expect(reply(0)).toMatchObject({ replyStatus: 'pending', replyAttempts: 1, replyError: 'rate limited' });
    later(0.999);
    await expect(send.execute()).resolves.toEqual({ sent: 0, retrying: 0, dead: 0 });

    later(0.001);
    await expect(send.execute()).resolves.toEqual({ sent: 0, retrying: 1, dead: 0 });
    expect(reply(0).replyAfter).toEqual(new Date('2026-12-01T08:00:03.000Z'));

    weibo.failing = null;
    later(2);
    await expect(send.execute()).resolves.toEqual({ sent: 1, retrying: 0, dead: 0 });
  });

  it('gives a reply up after the attempts allowed, with the last error, and never sends it again', async () => {
    const { weibo, send, reply, later } = await withQueuedReplies({ kind: 'weibo-comment', statusId: '900', commentId: '2001' });
    weibo.failing = new Error('comment deleted');

    const reports = [];
    for (let i = 0; i < settings.maxAttempts; i++) {
      reports.push(await send.execute());
      later(3600);
    }

    expect(reports.map((r) => r.dead)).toEqual([0, 0, 1]);
    expect(reply(0)).toMatchObject({ replyStatus: 'dead', replyAttempts: 3, replyError: 'comment deleted' });
    weibo.failing = null;
    await expect(send.execute()).resolves.toEqual({ sent: 0, retrying: 0, dead: 0 });
  });

  it('keeps a reply no configured sender can send for later, saying why', async () => {
    const { send, reply } = await withQueuedReplies({ kind: 'wechaty', talkerId: 'talker-1' });

    await expect(send.execute()).resolves.toEqual({ sent: 0, retrying: 1, dead: 0 });
    expect(reply(0).replyError).toBe('no sender for wechaty replies is configured');
  });

  it('sends at most a batch per run', async () => {
    const targets = Array.from({ length: settings.batchSize + 2 }, (_, i) => ({
      kind: 'weibo-status' as const,
      statusId: String(1000 + i),
    }));
    const { send } = await withQueuedReplies(...targets);

    await expect(send.execute()).resolves.toMatchObject({ sent: settings.batchSize });
    await expect(send.execute()).resolves.toMatchObject({ sent: 2 });
  });

  it('fails the run when the store goes away after a reply went out, and sends the reply again once its lease is over (at least once)', async () => {
    const { weibo, store, send, later } = await withQueuedReplies({ kind: 'weibo-status', statusId: '1001' });
    const markReplied = store.markReplied.bind(store);
    store.markReplied = (reply) => {
      store.unavailable = true;
      return markReplied(reply);
    };

    await expect(send.execute()).rejects.toThrow('does not answer');
    store.unavailable = false;
    store.markReplied = markReplied;
    await expect(send.execute()).resolves.toEqual({ sent: 0, retrying: 0, dead: 0 });

    later(settings.leaseMs / 1000);
    await expect(send.execute()).resolves.toEqual({ sent: 1, retrying: 0, dead: 0 });
    expect(weibo.sent).toHaveLength(2);
  });
});

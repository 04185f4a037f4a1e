import { WeiboPost } from './weibo.api';
import { InMemoryPollCursorStore } from '../in-memory/in-memory-poll-cursor.store';
import { InMemoryWeiboApi } from '../in-memory/in-memory-weibo.api';
import { socialIntake } from '../in-memory/social-intake';
import { PollWeiboUseCase } from './poll-weibo.use-case';

const BANK_UID = '5000000001';

const post = (id: string, text = '信用卡被盗刷了，请处理', extra: Partial<WeiboPost> = {}): WeiboPost => ({
  id,
  text,
  createdAt: new Date('2026-12-01T07:00:00.000Z'),
  userId: `u${id}`,
  ...extra,
});

function poller() {
  const intake = socialIntake();
  const api = new InMemoryWeiboApi();
  const cursors = new InMemoryPollCursorStore();
  const poll = new PollWeiboUseCase(api, cursors, intake.receive, BANK_UID, intake.now);
  return { ...intake, api, cursors, poll };
}

describe('PollWeiboUseCase', () => {
  it('takes in the new @mentions and comments, oldest first, each with the reply queued where it was posted', async () => {
    const { api, cursors, store, poll } = poller();
    api.posts.mentions.push(post('1002'), post('1001'));
    api.posts.comments.push(post('2001', '转账失败', { statusId: '900' }));

    await expect(poll.execute('corr-poll')).resolves.toEqual({ mentions: 2, comments: 1 });

    expect([...store.messages.values()].map((m) => [m.messageId, m.replyTarget, m.replyStatus])).toEqual([
      ['status:1001', { kind: 'weibo-status', statusId: '1001' }, 'pending'],
      ['status:1002', { kind: 'weibo-status', statusId: '1002' }, 'pending'],
      ['comment:2001', { kind: 'weibo-comment', commentId: '2001', statusId: '900' }, 'pending'],
    ]);
    expect(Object.fromEntries(cursors.cursors)).toEqual({ mentions: '1002', comments: '2001' });
  });

  it('takes only what is newer than the cursor on the next poll', async () => {
    const { api, poll } = poller();
    api.posts.mentions.push(post('1001'));
    await poll.execute('corr-1');
    api.posts.mentions.push(post('1002'));

    await expect(poll.execute('corr-2')).resolves.toEqual({ mentions: 1, comments: 0 });
  });

  it('orders ids as numbers, whatever their length', async () => {
    const { api, cursors, store, poll } = poller();
    api.posts.mentions.push(post('1000'), post('999'));

    await poll.execute('corr');

    expect([...store.messages.values()].map((m) => m.messageId)).toEqual(['status:999', 'status:1000']);
    expect(cursors.cursors.get('mentions')).toBe('1000');
  });

  it('leaves the cursor on the last post taken when one fails, and the next poll goes on from there without counting a post twice', async () => {
    const { api, cursors, store, poll } = poller();
    api.posts.mentions.push(post('1001'), post('1002'), post('1003'));
    const record = store.record.bind(store);
    store.record = (command) => {
      if (command.message.messageId === 'status:1002') store.unavailable = true;
      return record(command);
    };

    await expect(poll.execute('corr-1')).rejects.toThrow('does not answer');
    expect(cursors.cursors.get('mentions')).toBe('1001');

    store.unavailable = false;
    store.record = record;
    await expect(poll.execute('corr-2')).resolves.toEqual({ mentions: 2, comments: 0 });
    expect(store.messages.size).toBe(3);
  });

  it('counts nothing for posts taken in before the cursor moved (a crash in between)', async () => {
    const { api, cursors, poll } = poller();
    api.posts.mentions.push(post('1001'), post('1002'));
    await poll.execute('corr-1');
    cursors.cursors.set('mentions', '1000');

    await expect(poll.execute('corr-2')).resolves.toEqual({ mentions: 0, comments: 0 });
    expect(cursors.cursors.get('mentions')).toBe('1002');
  });

  it('moves no cursor when Weibo does not answer', async () => {
    const { api, cursors, poll } = poller();
    api.posts.mentions.push(post('1001'));
    api.failing = new Error('Weibo API timeout');

    await expect(poll.execute('corr')).rejects.toThrow('Weibo API timeout');
    expect(cursors.cursors.size).toBe(0);
  });
});

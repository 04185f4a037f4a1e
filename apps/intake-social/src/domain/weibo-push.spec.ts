import { readWeiboPush, weiboTextReply } from './weibo-push';

const push = {
  type: 'text',
  receiver_id: 5000000001,
  sender_id: '1234567890',
  created_at: 'Sun Nov 29 10:00:00 +0800 2026',
  text: '贷款被乱收费',
  data: {},
};

describe('reading Weibo fan-service pushes', () => {
  it('takes text messages, with the sender uid as the customer', () => {
    const inbound = readWeiboPush(push);
    expect(inbound).toMatchObject({
      kind: 'message',
      message: {
        channel: 'weibo',
        account: '5000000001',
        userId: '1234567890',
        text: '贷款被乱收费',
        sentAt: new Date('2026-11-29T02:00:00Z'),
        via: 'fan-service',
      },
    });
  });

  it('gives the same message id to a re-delivered push and another to a different one', () => {
    const id = (body: object) => {
      const r = readWeiboPush(body);
      return r.kind === 'message' ? r.message.messageId : undefined;
    };
    expect(id(push)).toBe(id({ ...push }));
    expect(id(push)).not.toBe(id({ ...push, text: '另一条' }));
  });

  it('keeps images as evidence and answers follow events', () => {
    expect(readWeiboPush({ ...push, type: 'image', text: '', data: { vfid: 821804459, tovfid: 821804469 } })).toMatchObject({
      kind: 'message',
      message: { text: '[图片]', attachment: { kind: 'image', mediaId: '821804459' } },
    });
    expect(readWeiboPush({ ...push, type: 'event', text: '', data: { subtype: 'follow' } }).kind).toBe('follow');
    expect(readWeiboPush({ ...push, type: 'event', text: '', data: { subtype: 'unfollow' } }).kind).toBe('ignored');
  });

  it('names wrong and unknown fields', () => {
    expect(readWeiboPush({ ...push, sender_id: 'abc', created_at: 'yesterday', extra: 1 })).toEqual({
      kind: 'invalid',
      errors: [
        { field: 'extra', message: expect.any(String) },
        { field: 'sender_id', message: expect.any(String) },
        { field: 'created_at', message: expect.any(String) },
      ],
    });
    expect(readWeiboPush([1])).toEqual({ kind: 'invalid', errors: [{ field: 'body', message: expect.any(String) }] });
  });

  it('answers with a text message back to the sender', () => {
    const reply = weiboTextReply('1234567890', '5000000001', '编号 C1');
    expect(reply).toMatchObject({ result: true, receiver_id: '1234567890', sender_id: '5000000001', type: 'text' });
    expect(JSON.parse(decodeURIComponent(reply.data as string))).toEqual({ text: '编号 C1' });
  });
});

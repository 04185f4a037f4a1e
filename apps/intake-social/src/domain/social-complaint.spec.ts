import { parseContract, ComplaintV1 } from '@complaints/contracts';
import { conversationComplaint, Conversation } from './social-complaint';

const at = (s: number) => new Date(Date.UTC(2026, 10, 29, 2, 0, s));

function conversation(overrides: Partial<Conversation> = {}): Conversation {
  return {
    complaintId: '0b8a4cf4-43a5-5b5e-9d6c-9f1c2f2b8d11',
    reference: 'C20261129-X7K3Q9',
    channel: 'wechat',
    account: 'wxdev0000000000000',
    userId: 'oUser_abc-123',
    openedAt: at(0),
    fragments: [
      { messageId: '2', text: '昨晚收到扣款短信', sentAt: at(30), via: 'official-account' },
      { messageId: '1', text: '我的信用卡被盗刷了', sentAt: at(0), via: 'official-account' },
      {
        messageId: '3',
        text: '[图片]',
        sentAt: at(40),
        via: 'official-account',
        attachment: { kind: 'image', mediaId: 'M1', url: 'http://mmbiz/1.jpg' },
      },
    ],
    ...overrides,
  };
}

describe('the complaint of a conversation', () => {
  it('joins the messages in the order they were sent, one transcript turn each', () => {
    const complaint = conversationComplaint(conversation(), at(90));
    expect(complaint.content.text).toBe('我的信用卡被盗刷了\n昨晚收到扣款短信\n[图片]');
    expect(complaint.content.transcript!.map((turn) => turn.offsetMs)).toEqual([0, 30_000, 40_000]);
    expect(complaint.content.language).toBe('zh');
    expect(complaint.source).toEqual({ system: 'wxdev0000000000000', messageId: '1', receivedAt: at(90).toISOString() });
    expect(complaint.receivedAt).toBe(at(0).toISOString());
  });

  it('keeps images as references and the openId as the contact; the result satisfies the contract', () => {
    const complaint = parseContract(ComplaintV1, conversationComplaint(conversation(), at(90)));
    expect(complaint.customer.contact).toEqual({ openId: 'oUser_abc-123' });
    expect(complaint.context.extra).toMatchObject({
      messageCount: '3',
      messageIds: '1,2,3',
      attachment1: 'image mediaId=M1 url=http://mmbiz/1.jpg',
    });
  });

  it('uses the Weibo uid as the contact on Weibo', () => {
    const complaint = conversationComplaint(conversation({ channel: 'weibo', userId: '1234567890' }), at(90));
    expect(complaint.customer.contact).toEqual({ uid: '1234567890' });
  });
});

describe('a conversation over the contract limits still makes a valid complaint', () => {
  const EMOJI = '\u{1F600}';
  const message = (id: number, text: string) => ({ messageId: String(id), text, sentAt: at(id % 60), via: 'official-account' });

  it('an emoji at the 20,000 limit is kept whole or left out, never cut in half', () => {
    const text = `${'a'.repeat(19_999)}${EMOJI}${EMOJI}`;
    const complaint = parseContract(ComplaintV1, conversationComplaint(conversation({ fragments: [message(1, text)] }), at(90)));
    expect(complaint.content.text).toBe(`${'a'.repeat(19_999)}${EMOJI}`);
    expect(complaint.content.transcript![0].text).toBe(`${'a'.repeat(19_999)}${EMOJI}`);
    expect(complaint.context.extra).toMatchObject({ truncated: 'true' });
  });

  it('one message over 20,000 characters is cut, and the complaint says it was', () => {
    const complaint = parseContract(
      ComplaintV1,
      conversationComplaint(conversation({ fragments: [message(1, '钱'.repeat(25_000)), message(2, '请回复')] }), at(90)),
    );
    expect(complaint.content.text).toBe('钱'.repeat(20_000));
    expect(complaint.content.transcript!.map((turn) => turn.text.length)).toEqual([20_000, 3]);
    expect(complaint.context.extra!.truncated).toBe('true');
  });

  it('more than 2,000 messages, or a huge transcript, stays within the contract and far below a Kafka message', () => {
    const many = Array.from({ length: 2_500 }, (_, i) => message(i, `第${i}条`));
    expect(parseContract(ComplaintV1, conversationComplaint(conversation({ fragments: many }), at(90))).content.transcript).toHaveLength(
      2_000,
    );
    const huge = Array.from({ length: 50 }, (_, i) => message(i, `${EMOJI}`.repeat(20_000)));
    const complaint = parseContract(ComplaintV1, conversationComplaint(conversation({ fragments: huge }), at(90)));
    expect(Buffer.byteLength(JSON.stringify(complaint))).toBeLessThan(512 * 1024);
    expect(complaint.context.extra!.truncated).toBe('true');
  });

  it('a conversation within the limits is not marked truncated', () => {
    expect(conversationComplaint(conversation(), at(90)).context.extra!.truncated).toBeUndefined();
  });
});

import { readWechatMessage, wechatTextReply } from './wechat-message';

const APP = 'wxapp';
const base = { ToUserName: 'gh_bank', FromUserName: 'oUser1', CreateTime: '1764381600' };

describe('reading WeChat official-account messages', () => {
  it('takes text messages', () => {
    const inbound = readWechatMessage({ ...base, MsgType: 'text', Content: ' 信用卡被盗刷 ', MsgId: '24000000000000001' }, APP);
    expect(inbound).toEqual({
      kind: 'message',
      message: expect.objectContaining({
        channel: 'wechat',
        account: APP,
        userId: 'oUser1',
        messageId: '24000000000000001',
        text: '信用卡被盗刷',
        sentAt: new Date(1764381600_000),
      }),
    });
  });

  it('uses the Recognition text of voice messages, keeping the media as evidence', () => {
    const inbound = readWechatMessage(
      { ...base, MsgType: 'voice', MediaId: 'V1', Format: 'amr', Recognition: '我要投诉', MsgId: '2' },
      APP,
    );
    expect(inbound.kind === 'message' && inbound.message).toMatchObject({ text: '我要投诉', attachment: { kind: 'voice', mediaId: 'V1' } });
  });

  it('keeps images as attachment references', () => {
    const inbound = readWechatMessage({ ...base, MsgType: 'image', PicUrl: 'http://mmbiz.qpic.cn/x', MediaId: 'I1', MsgId: '3' }, APP);
    expect(inbound.kind === 'message' && inbound.message).toMatchObject({
      text: '[图片]',
      attachment: { kind: 'image', mediaId: 'I1', url: 'http://mmbiz.qpic.cn/x' },
    });
  });

  it('answers subscribe, ignores other events and does not take unsupported types', () => {
    expect(readWechatMessage({ ...base, MsgType: 'event', Event: 'subscribe' }, APP).kind).toBe('subscribe');
    expect(readWechatMessage({ ...base, MsgType: 'event', Event: 'unsubscribe' }, APP).kind).toBe('ignored');
    expect(readWechatMessage({ ...base, MsgType: 'location', MsgId: '4' }, APP).kind).toBe('unsupported');
  });

  it('names the fields that are missing or wrong', () => {
    expect(readWechatMessage({ MsgType: 'text', Content: 'x' }, APP)).toEqual({
      kind: 'invalid',
      errors: [
        { field: 'FromUserName', message: expect.any(String) },
        { field: 'ToUserName', message: expect.any(String) },
        { field: 'CreateTime', message: expect.any(String) },
      ],
    });
    expect(readWechatMessage({ ...base, MsgType: 'text', Content: 'x' }, APP)).toEqual({
      kind: 'invalid',
      errors: [{ field: 'MsgId', message: expect.any(String) }],
    });
    expect(readWechatMessage({ ...base, MsgType: 'text', Content: '  ', MsgId: '5' }, APP)).toEqual({
      kind: 'invalid',
      errors: [{ field: 'Content', message: expect.any(String) }],
    });
  });

  it('builds a passive reply that cannot be broken out of its CDATA', () => {
    const xml = wechatTextReply('oUser1', 'gh_bank', 'a]]>b', new Date(1764381600_000));
    expect(xml).toContain('<CreateTime>1764381600</CreateTime>');
    expect(xml).toContain('<Content><![CDATA[a]]]]><![CDATA[>b]]></Content>');
  });
});

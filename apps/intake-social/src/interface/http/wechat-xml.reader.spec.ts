import { ProblemException } from '@complaints/http';
import { readWechatXml } from './wechat-xml.reader';

describe('readWechatXml', () => {
  it('leaves character references as written, so none becomes a lone surrogate', () => {
    const fields = readWechatXml('<xml><Content>卡 &#xD800; &#55296; &#x4e2d;</Content></xml>');
    expect(fields.Content).toBe('卡 &#xD800; &#55296; &#x4e2d;');
  });

  it('replaces a lone surrogate (however it got into the document) by U+FFFD and keeps a pair', () => {
    const fields = readWechatXml('<xml><Content>a\uD800b\uDC00c😀</Content><FromUserName>x\uDBFF</FromUserName></xml>');
    expect(fields.Content).toBe('a\uFFFDb\uFFFDc😀');
    expect(fields.FromUserName).toBe('x\uFFFD');
  });

  it.each([
    ['a DTD', '<!DOCTYPE xml [<!ENTITY x "y">]><xml><Content>&x;</Content></xml>'],
    ['malformed XML', '<xml><Content>open</xml>'],
    ['no <xml> root with fields', '<root/>'],
  ])('refuses %s with a 400 problem naming the body', (_, raw) => {
    expect(() => readWechatXml(raw)).toThrow(ProblemException);
    try {
      readWechatXml(raw);
    } catch (error) {
      expect((error as ProblemException).problem).toMatchObject({ status: 400, errors: [{ field: 'body' }] });
    }
  });
});

import { loggableUrl } from './loggable-url';

describe('loggableUrl', () => {
  it.each([
    [
      '/v1/wechat/callback?signature=ab12&timestamp=1700000000&nonce=42&openid=oUser1&encrypt_type=aes&msg_signature=cd34',
      '/v1/wechat/callback?signature=[redacted]&timestamp=[redacted]&nonce=[redacted]&openid=[redacted]&encrypt_type=aes&msg_signature=[redacted]',
    ],
    [
      '/v1/weibo/callback?%73ignature=ab&NONCE=1&echostr=x',
      '/v1/weibo/callback?%73ignature=[redacted]&NONCE=[redacted]&echostr=[redacted]',
    ],
    ['/v1/cases?offset=10&limit=5', '/v1/cases?offset=10&limit=5'],
    ['/v1/cases', '/v1/cases'],
    ['/x?%E0%A4%A=1&nonce', '/x?%E0%A4%A=[redacted]&nonce=[redacted]'],
  ])('%s', (url, logged) => {
    expect(loggableUrl(url)).toBe(logged);
  });
});

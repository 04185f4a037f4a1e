import { signPayload, verifySignedRequest } from './request-signature';

describe('signed webhook requests', () => {
  const verifier = {
    secrets: new Map([['cc-a', ['old-secret', 'new-secret']]]),
    toleranceSeconds: 300,
    senderHeader: 'X-Callcenter-Id',
    senderKind: 'call centre',
  };
  const now = 1_764_400_000_000;
  const timestamp = String(now / 1000);
  const body = Buffer.from('{"calls":[]}');

  const verify = (overrides: Partial<{ senderId: string; timestamp: string; signature: string; body: Buffer }> = {}) =>
    verifySignedRequest(
      { senderId: 'cc-a', timestamp, signature: signPayload('new-secret', timestamp, body), body, ...overrides },
      verifier,
      now,
    );

  it('accepts a request signed with any active secret of the call centre', () => {
    expect(verify()).toEqual({ ok: true, senderId: 'cc-a' });
    expect(verify({ signature: signPayload('old-secret', timestamp, body) })).toEqual({ ok: true, senderId: 'cc-a' });
  });

  it('signs "<timestamp>.<body>" with HMAC-SHA256 as lowercase hex', () => {
    // openssl: printf '1764400000.{"calls":[]}' | openssl dgst -sha256 -hmac new-secret
    expect(signPayload('new-secret', timestamp, body)).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(signPayload('new-secret', timestamp, body)).not.toBe(signPayload('new-secret', String(Number(timestamp) + 1), body));
  });

  it.each([
    ['missing sender', { senderId: '' }, 'sender'],
    ['unknown sender', { senderId: 'cc-x' }, 'sender'],
    ['missing timestamp', { timestamp: '' }, 'timestamp'],
    ['timestamp in milliseconds', { timestamp: String(now) }, 'timestamp'],
    ['stale timestamp', { timestamp: String(now / 1000 - 301) }, 'timestamp'],
    ['timestamp from the future', { timestamp: String(now / 1000 + 301) }, 'timestamp'],
    ['missing signature', { signature: '' }, 'signature'],
    ['malformed signature', { signature: 'sha1=abc' }, 'signature'],
    ['signature of another body', { signature: signPayload('new-secret', timestamp, '{"calls":[1]}') }, 'signature'],
    ['signature with a retired secret', { signature: signPayload('retired', timestamp, body) }, 'signature'],
  ])('refuses a %s', (_, overrides, failed) => {
    const result = verify(overrides);
    expect(result).toMatchObject({ ok: false, failed });
  });

  it('accepts the edges of the timestamp window', () => {
    const sign = (ts: string) => ({ timestamp: ts, signature: signPayload('new-secret', ts, body) });
    expect(verify(sign(String(now / 1000 - 300))).ok).toBe(true);
    expect(verify(sign(String(now / 1000 + 300))).ok).toBe(true);
  });

  it('never puts a secret in a refusal', () => {
    const result = verify({ signature: signPayload('wrong', timestamp, body) });
    expect(JSON.stringify(result)).not.toMatch(/old-secret|new-secret/);
  });
});

describe('refusals name the sender as the webhook does', () => {
  it('uses the sender header and kind it is given', () => {
    const verifier = {
      secrets: new Map([['gw-1', ['s']]]),
      toleranceSeconds: 300,
      senderHeader: 'X-Gateway-Id',
      senderKind: 'SMS gateway',
    };
    expect(verifySignedRequest({ body: Buffer.alloc(0) }, verifier, 0)).toEqual({
      ok: false,
      failed: 'sender',
      reason: 'The X-Gateway-Id header is missing.',
    });
    expect(verifySignedRequest({ senderId: 'gw-2', body: Buffer.alloc(0) }, verifier, 0)).toMatchObject({
      reason: 'The SMS gateway named in X-Gateway-Id is not registered.',
    });
  });
});

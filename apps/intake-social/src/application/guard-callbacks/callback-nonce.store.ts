/** The platforms whose callbacks are signed with a timestamp and nonce. */
export type CallbackRealm = 'wechat' | 'weibo';

/** One signed query string (its realm, timestamp and nonce) and a digest of what it came with. */
export interface SignedCallback {
  realm: CallbackRealm;
  /** Unix seconds, as signed. */
  timestamp: number;
  nonce: string;
  /** SHA-256 (hex) of what the request carried: the body, the ciphertext in safe mode, the echostr of a URL check. */
  digest: string;
  /** When the timestamp leaves the tolerance window: from then on the timestamp check refuses it anyway. */
  expiresAt: Date;
}

/**
 * `first`: never seen. `same-request`: seen with the same content, i.e. the platform delivering the
 * same request again (WeChat retries a message it had no answer to within 5 s), which the message
 * dedupe then answers as before. `replayed`: seen with other content: a replay with another body.
 */
export type NonceClaim = 'first' | 'same-request' | 'replayed';

/**
 * Port: the nonces of the callbacks taken while their timestamp is in the tolerance window, shared by
 * every instance of the service (PostgreSQL, a unique key decides).
 */
export abstract class CallbackNonceStore {
  abstract claim(callback: SignedCallback): Promise<NonceClaim>;
  /** Deletes the nonces whose window has passed; answers how many. */
  abstract purgeExpired(now: Date): Promise<number>;
}

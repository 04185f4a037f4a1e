import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** WeChat pads to 32-byte blocks (PKCS#7 with k = 32), not AES's 16. */
const BLOCK = 32;

export class WechatCryptoError extends Error {
  readonly code = 'WECHAT_DECRYPT_FAILED';
}

/** The 32-byte AES key behind an EncodingAESKey (43 characters of base64 without the final '='). */
export function decodeEncodingAesKey(encodingAesKey: string): Buffer {
  if (!/^[A-Za-z0-9+/]{43}$/.test(encodingAesKey)) throw new Error('an EncodingAESKey is 43 base64 characters');
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (key.length !== 32) throw new Error('an EncodingAESKey must decode to 32 bytes');
  return key;
}

/**
 * WeChat's "safe mode" message encryption: AES-256-CBC with the key from the EncodingAESKey and its
 * first 16 bytes as IV, over random(16) + msgLen(4 bytes, big endian) + msg + appId, padded with
 * PKCS#7 to 32-byte blocks, base64-encoded. Several keys may be accepted (the current one first,
 * then the previous one while an administrator rotates it); replies use the current key.
 */
export class WechatCrypto {
  private readonly keys: Buffer[];

  constructor(
    private readonly appId: string,
    encodingAesKeys: readonly string[],
  ) {
    if (encodingAesKeys.length === 0) throw new Error('at least one EncodingAESKey is needed');
    this.keys = encodingAesKeys.map(decodeEncodingAesKey);
  }

  encrypt(message: string, random: Buffer = randomBytes(16)): string {
    const body = Buffer.from(message, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    const plain = pad(Buffer.concat([random, length, body, Buffer.from(this.appId, 'utf8')]));
    const key = this.keys[0];
    const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
    return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
  }

  /** The message inside `encrypted`; throws WechatCryptoError when no key opens it or it was meant for another app. */
  decrypt(encrypted: string): string {
    const data = Buffer.from(encrypted, 'base64');
    if (data.length === 0 || data.length % BLOCK !== 0) throw new WechatCryptoError('ciphertext is not a whole number of blocks');
    for (const key of this.keys) {
      const opened = open(data, key);
      if (!opened) continue;
      if (opened.appId !== this.appId) throw new WechatCryptoError('message was encrypted for another app id');
      return opened.message;
    }
    throw new WechatCryptoError('no configured EncodingAESKey decrypts the message');
  }
}

function open(data: Buffer, key: Buffer): { message: string; appId: string } | undefined {
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
    const plain = unpad(Buffer.concat([decipher.update(data), decipher.final()]));
    if (!plain || plain.length < 20) return undefined;
    const length = plain.readUInt32BE(16);
    if (20 + length > plain.length) return undefined;
    return { message: plain.subarray(20, 20 + length).toString('utf8'), appId: plain.subarray(20 + length).toString('utf8') };
  } catch {
    return undefined;
  }
}

function pad(data: Buffer): Buffer {
  const amount = BLOCK - (data.length % BLOCK);
  return Buffer.concat([data, Buffer.alloc(amount, amount)]);
}

function unpad(data: Buffer): Buffer | undefined {
  const amount = data[data.length - 1];
  if (amount < 1 || amount > BLOCK) return undefined;
  for (let i = data.length - amount; i < data.length; i++) if (data[i] !== amount) return undefined;
  return data.subarray(0, data.length - amount);
}

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const PREFIX = 'pii:v1';

/**
 * AES-256-GCM for personal data (phone, e-mail, ID numbers, names). Every value names the key it was
 * sealed with, so keys rotate: new values use the active key, old values still open with theirs.
 * Format: `pii:v1:<keyId>:<iv>:<tag>:<ciphertext>` (base64url parts).
 */
export class PiiCipher {
  private readonly keys: Map<string, Buffer>;

  constructor(
    keys: Record<string, Buffer>,
    private readonly activeKeyId: string,
  ) {
    this.keys = new Map(Object.entries(keys));
    for (const [id, key] of this.keys) {
      if (key.length !== 32) throw new Error(`PII key "${id}" must be 32 bytes (AES-256), got ${key.length}`);
    }
    if (!this.keys.has(activeKeyId)) throw new Error(`PII_ACTIVE_KEY_ID "${activeKeyId}" is not among PII_KEYS`);
  }

  /** Parses `kid:base64key,kid2:base64key2` (the PII_KEYS setting). */
  static fromSetting(setting: string, activeKeyId: string): PiiCipher {
    const keys: Record<string, Buffer> = {};
    for (const entry of setting.split(',')) {
      const [id, material] = entry.split(':');
      if (!id || !material) throw new Error('PII_KEYS must look like "<keyId>:<base64 key>[,...]"');
      keys[id.trim()] = Buffer.from(material.trim(), 'base64');
    }
    return new PiiCipher(keys, activeKeyId);
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.activeKeyId)!, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [
      PREFIX,
      this.activeKeyId,
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      ciphertext.toString('base64url'),
    ].join(':');
  }

  open(sealed: string): string {
    const parts = sealed.split(':');
    if (parts.length !== 6 || `${parts[0]}:${parts[1]}` !== PREFIX) throw new Error('not a sealed PII value');
    const [, , keyId, iv, tag, ciphertext] = parts;
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`unknown PII key id "${keyId}"`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }
}

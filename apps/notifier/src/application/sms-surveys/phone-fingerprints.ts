import { CountryCode, toE164 } from '@complaints/contracts';
import { keyedFingerprint } from '@complaints/security';

/**
 * Keyed fingerprints of phones in E.164 (`keyedFingerprint(key, 'phone', '+86…')`): how the notifier
 * recognises the sender of an SMS reply as the customer it texted a survey to, without storing the
 * number. A sealed phone is opened in memory only to be fingerprinted.
 */
export class PhoneFingerprints {
  constructor(
    private readonly key: string,
    private readonly defaultCountry: CountryCode,
    private readonly openSealed: (sealed: string) => string,
  ) {}

  /** A number as written anywhere (the gateway's sender, `13800138000`, `+86 138…`); null when not a valid number. */
  ofNumber(raw: string): string | null {
    const e164 = toE164(raw, this.defaultCountry);
    return e164 ? keyedFingerprint(this.key, 'phone', e164) : null;
  }

  /** A sealed phone (`pii:v1:…`); null when this service holds no key for it or it is no valid number. */
  ofSealed(sealed: string): string | null {
    try {
      return this.ofNumber(this.openSealed(sealed));
    } catch {
      return null;
    }
  }
}

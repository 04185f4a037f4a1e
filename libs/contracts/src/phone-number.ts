import { CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * The E.164 form of a phone number (`+8613800138000`), reading numbers without a country code as
 * `defaultCountry` (mainland China unless configured otherwise). Null when it is not a valid number.
 * Pure: the services validate phones with it, and the customer site checks the form with it.
 */
export function toE164(raw: string, defaultCountry: CountryCode = 'CN'): string | null {
  const parsed = parsePhoneNumberFromString(raw.trim(), defaultCountry);
  return parsed?.isValid() ? parsed.number : null;
}

export type { CountryCode };

import { CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * The E.164 form of a phone number (`+8613800138000`), reading numbers without a country code as
 * `defaultCountry` (mainland China unless configured otherwise). Null when it is not a valid number.
 */
export function toE164(raw: string, defaultCountry: CountryCode = 'CN'): string | null {
  const parsed = parsePhoneNumberFromString(raw.trim(), defaultCountry);
  return parsed?.isValid() ? parsed.number : null;
}

export type { CountryCode };

/** class-validator decorator: the value is a string that `toE164` accepts. */
export function IsPhoneNumberE164(defaultCountry: CountryCode = 'CN', options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPhoneNumberE164',
      validator: { validate: (value: unknown) => typeof value === 'string' && toE164(value, defaultCountry) !== null },
    },
    options,
  );
}

import { ValidateBy, ValidationOptions } from 'class-validator';
import { CountryCode, toE164 } from '@complaints/contracts';

// The rule itself lives in libs/contracts (pure, shared with the customer site); re-exported for the services.
export { toE164 };
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

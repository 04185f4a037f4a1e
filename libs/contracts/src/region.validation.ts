import { Transform } from 'class-transformer';
import { ValidateBy, ValidationOptions } from 'class-validator';
import { isRegionCode, regionCode, regionRuleMessage } from './regions';

/**
 * A province-level division (see regions.ts): the code, or a name `regionCode` reads, becomes the
 * 6-digit code when the body is turned into the DTO; anything else is refused naming the field.
 */
export function IsRegion(options?: ValidationOptions): PropertyDecorator {
  const normalise = Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? (regionCode(value) ?? value) : value));
  const validate = ValidateBy(
    {
      name: 'isRegion',
      validator: {
        validate: (value: unknown) => isRegionCode(value),
        defaultMessage: (args) => regionRuleMessage(args?.property ?? 'region'),
      },
    },
    options,
  );
  return (target, property) => {
    normalise(target, property);
    validate(target, property);
  };
}

import { ClassConstructor, plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { illFormedTextPath } from './unicode-text';

/** One field-level validation failure: `field` is a dotted path such as `customer.phone`. */
export interface FieldError {
  field: string;
  message: string;
}

/** A message or payload that does not satisfy its contract. Never retried: it will not get better. */
export class ContractViolation extends Error {
  readonly code = 'CONTRACT_VIOLATION';

  constructor(
    readonly contract: string,
    readonly errors: FieldError[],
  ) {
    super(`${contract} violated: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
    this.name = 'ContractViolation';
  }
}

/** Flattens class-validator's nested errors into dotted field paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * Turns a plain value into a validated instance of a contract class, strictly: unknown fields are
 * refused (`whitelist` + `forbidNonWhitelisted`), as on every transport, and so is text that is not
 * well-formed Unicode (a lone surrogate: PostgreSQL cannot store it). Throws ContractViolation.
 */
export function parseContract<T extends object>(cls: ClassConstructor<T>, value: unknown): T {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ContractViolation(cls.name, [{ field: '$', message: 'must be a JSON object' }]);
  }
  const illFormed = illFormedTextPath(value);
  if (illFormed)
    throw new ContractViolation(cls.name, [
      { field: illFormed, message: `${illFormed} must be well-formed Unicode text (no lone surrogate)` },
    ]);
  const instance = plainToInstance(cls, value);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (errors.length > 0) throw new ContractViolation(cls.name, flattenValidationErrors(errors));
  return instance;
}

import { ArgumentMetadata, Injectable, ValidationPipe } from '@nestjs/common';
import { flattenValidationErrors } from '@complaints/contracts';
import { validationProblem } from './problem';
import { unsafeStringIn } from './unsafe-strings';

/**
 * Strict validation of every DTO: unknown fields refused, each failure named by its field path. Before
 * that, any string (or object key) of a body, query or path parameter holding a NUL character (U+0000)
 * or ill-formed Unicode (a lone surrogate) is refused naming its field: PostgreSQL would refuse to
 * store it, and that must not surface as a 500. (A handler that must judge items of a batch one by
 * one takes its body through a custom parameter decorator and checks each item with `unsafeStringIn`.)
 */
@Injectable()
export class StrictValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      stopAtFirstError: true,
      transform: true,
      exceptionFactory: (errors) => validationProblem(flattenValidationErrors(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const unsafe = unsafeStringIn(value, metadata.data ?? '');
      if (unsafe) throw validationProblem([unsafe]);
    }
    if (metadata.type === 'body' && metadata.metatype && this.toValidate(metadata)) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw validationProblem([{ field: 'body', message: 'the request body must be a JSON object' }]);
      }
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe();
}

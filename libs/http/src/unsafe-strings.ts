import { type FieldError, findString, isWellFormedText } from '@complaints/contracts';

/** Why a string cannot be accepted, or undefined when it can. */
function stringProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain NUL characters (U+0000)';
  if (!isWellFormedText(text)) return 'must be valid Unicode (no lone UTF-16 surrogates such as \\ud800)';
  return undefined;
}

/**
 * The first string of `value` (a value or an object key) that no service can accept, named by its
 * path (`customer.name`, `calls.3.transcript`: array items by index, as class-validator names them):
 * - a NUL character (U+0000): PostgreSQL stores none in text or jsonb, and no customer means one;
 * - ill-formed Unicode (a lone UTF-16 surrogate such as `\ud800`, sent as a JSON escape): PostgreSQL
 *   refuses it in jsonb, and it has no meaning in any channel.
 * One walk with the contracts' check (`findString`), safe at any nesting depth.
 */
export function unsafeStringIn(value: unknown, path = ''): FieldError | undefined {
  const found = findString(value, (text) => stringProblem(text) !== undefined, path);
  if (!found) return undefined;
  const message = stringProblem(found.text)!;
  if (found.key === undefined) return { field: found.path || 'body', message };
  return { field: found.path ? `${found.path}.${found.key}` : found.key, message: `field names ${message}` };
}

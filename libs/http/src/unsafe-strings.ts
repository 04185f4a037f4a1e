import { type FieldError, isWellFormedText } from '@complaints/contracts';

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
 * Walks with an explicit stack, so any nesting depth is safe (the JSON parser limits depth anyway).
 */
export function unsafeStringIn(value: unknown, path = ''): FieldError | undefined {
  const pending: Array<{ value: unknown; path: string }> = [{ value, path }];
  while (pending.length > 0) {
    const { value: item, path: itemPath } = pending.pop()!;
    if (typeof item === 'string') {
      const message = stringProblem(item);
      if (message) return { field: itemPath || 'body', message };
      continue;
    }
    if (typeof item !== 'object' || item === null) continue;
    const entries = Object.entries(item as Record<string, unknown>);
    for (const [key] of entries) {
      const message = stringProblem(key);
      if (message) return { field: itemPath ? `${itemPath}.${key}` : key, message: `field names ${message}` };
    }
    // Pushed in reverse, so the first field in document order is the one named.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      pending.push({ value: child, path: itemPath ? `${itemPath}.${key}` : key });
    }
  }
  return undefined;
}

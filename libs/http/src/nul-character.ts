/**
 * The path of the first string (value or object key) in `value` that holds a NUL character (U+0000),
 * e.g. `customer.name` or `calls.3.transcript` (array items by index, as class-validator names them);
 * undefined when there is none. PostgreSQL stores no NUL in text or jsonb, and no customer means one.
 */
export function nulCharacterPath(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'body' : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const itemPath = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return itemPath;
    const found = nulCharacterPath(item, itemPath);
    if (found) return found;
  }
  return undefined;
}

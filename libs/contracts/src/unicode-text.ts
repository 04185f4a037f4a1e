/** A UTF-16 code unit that is half of a surrogate pair. */
const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** Matches a surrogate that is not half of a pair (in `u` mode a pair is one code point, never `\p{Cs}`). */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * `text` cut to at most `maxCodePoints` code points, never between the two halves of a surrogate pair
 * (an emoji cut in half is a lone surrogate, which PostgreSQL refuses in jsonb). Code points are what
 * the contracts' `@MaxLength` counts, so the result always fits a `@MaxLength(maxCodePoints)` field.
 * Every place that shortens text uses this instead of `.slice(0, n)`.
 */
export function truncateText(text: string, maxCodePoints: number): string {
  if (text.length <= maxCodePoints) return text;
  let end = 0;
  for (let count = 0; count < maxCodePoints && end < text.length; count++) {
    end += isHighSurrogate(text.charCodeAt(end)) && isLowSurrogate(text.charCodeAt(end + 1)) ? 2 : 1;
  }
  return text.slice(0, end);
}

/** Whether `text` is well-formed UTF-16: no lone surrogate (what `String.prototype.isWellFormed` says). */
export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/**
 * The dotted path (as contract errors name fields, `$` for the value itself) of the first string in
 * `value` that is not well-formed UTF-16, a property name included, or null when every string is
 * well-formed. Walks iteratively, so a deeply nested value cannot overflow the stack.
 */
export function illFormedTextPath(value: unknown): string | null {
  const pending: [unknown, string][] = [[value, '']];
  const seen = new Set<object>();
  while (pending.length > 0) {
    const [current, path] = pending.pop()!;
    if (typeof current === 'object' && current !== null) {
      if (seen.has(current)) continue;
      seen.add(current);
    }
    if (typeof current === 'string') {
      if (!isWellFormedText(current)) return path || '$';
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => pending.push([item, path ? `${path}.${index}` : String(index)]));
    } else if (typeof current === 'object' && current !== null) {
      for (const [key, item] of Object.entries(current)) {
        const field = path ? `${path}.${key}` : key;
        if (!isWellFormedText(key)) return path || '$';
        pending.push([item, field]);
      }
    }
  }
  return null;
}

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

/** What `findString` found: the string, and `path` of the value or of the object whose property name it is (`key`). */
export interface StringFound {
  text: string;
  path: string;
  key?: string;
}

/**
 * The first string of `value` for which `isBad` holds: a value, or a property name (checked before the
 * object's values), in document order, array items by index (`calls.3.transcript`, as class-validator
 * names them). Walks with an explicit stack and passes over objects already seen, so neither a deeply
 * nested nor a cyclic value can exhaust it. The one walk behind the contracts' and the HTTP edges' checks.
 */
export function findString(value: unknown, isBad: (text: string) => boolean, path = ''): StringFound | undefined {
  const pending: Array<{ value: unknown; path: string }> = [{ value, path }];
  const seen = new Set<object>();
  while (pending.length > 0) {
    const { value: item, path: itemPath } = pending.pop()!;
    if (typeof item === 'string') {
      if (isBad(item)) return { text: item, path: itemPath };
      continue;
    }
    if (typeof item !== 'object' || item === null || seen.has(item)) continue;
    seen.add(item);
    const entries: [string, unknown][] = Object.entries(item);
    const key = entries.find(([name]) => isBad(name))?.[0];
    if (key !== undefined) return { text: key, path: itemPath, key };
    // Pushed in reverse, so the first field in document order is the one found.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [name, child] = entries[i];
      pending.push({ value: child, path: itemPath ? `${itemPath}.${name}` : name });
    }
  }
  return undefined;
}

/**
 * The dotted path (as contract errors name fields, `$` for the value itself) of the first string in
 * `value` that is not well-formed UTF-16 (for a property name, the path of its object), or null when
 * every string is well-formed.
 */
export function illFormedTextPath(value: unknown): string | null {
  const found = findString(value, (text) => !isWellFormedText(text));
  return found ? found.path || '$' : null;
}

/** How deeply a JSON request body may nest arrays and objects: far more than any DTO needs. */
export const MAX_JSON_DEPTH = 64;

const OPEN_ARRAY = 0x5b,
  CLOSE_ARRAY = 0x5d,
  OPEN_OBJECT = 0x7b,
  CLOSE_OBJECT = 0x7d,
  QUOTE = 0x22,
  BACKSLASH = 0x5c;

/**
 * Whether raw JSON text nests arrays/objects deeper than `maxDepth`, found by one linear scan of the
 * characters (or UTF-8 bytes: the brackets, quotes and backslashes are ASCII and never part of a
 * multi-byte sequence) before anything parses or walks it recursively. Brackets inside strings do not count.
 */
export function jsonNestsDeeperThan(raw: string | Buffer, maxDepth: number): boolean {
  const at = typeof raw === 'string' ? (i: number) => raw.charCodeAt(i) : (i: number) => raw[i];
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const c = at(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > maxDepth) return true;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      depth--;
    }
  }
  return false;
}

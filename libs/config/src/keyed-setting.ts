/**
 * Reads a setting of `<id>:<value>` pairs separated by commas, e.g. `HOTLINE_SECRETS=cc-a:s1,cc-a:s2,cc-b:s3`.
 * An id may appear several times (several secrets active at once while keys rotate); order is kept.
 */
export function parseKeyedSetting(setting: string): Map<string, string[]> {
  const byId = new Map<string, string[]>();
  for (const entry of setting
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const colon = entry.indexOf(':');
    const id = entry.slice(0, colon).trim();
    const value = entry.slice(colon + 1).trim();
    if (colon <= 0 || !value) throw new Error(`"${entry.slice(0, Math.max(colon, 0)) || '?'}:…" is not an <id>:<value> pair`);
    byId.set(id, [...(byId.get(id) ?? []), value]);
  }
  return byId;
}

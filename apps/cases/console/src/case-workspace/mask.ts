/**
 * An identifier shown masked: only its last `keep` characters, the rest as `*` (at most 8 of them, so
 * the length tells little). A value no longer than `keep` shows only its last character (none of one).
 */
export function maskKeepingEnd(value: string, keep = 4): string {
  const shown = value.length > keep ? keep : Math.min(1, Math.max(0, value.length - 1));
  const hidden = Math.min(8, value.length - shown);
  return `${'*'.repeat(hidden)}${value.slice(value.length - shown)}`;
}

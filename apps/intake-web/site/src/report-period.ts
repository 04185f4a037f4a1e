/** A reporting period of the transparency report, as analytics names it: `2026`, `2026Q4` or `2026-11`. */
export type PeriodKind = 'year' | 'quarter' | 'month';

export interface Period {
  kind: PeriodKind;
  year: number;
  /** Quarter 1-4 or month 1-12; unused for a year. */
  part: number;
}

/** The first year the report can be asked for. */
export const FIRST_YEAR = 2018;

export function periodCode(p: Period): string {
  if (p.kind === 'year') return String(p.year);
  if (p.kind === 'quarter') return `${p.year}Q${p.part}`;
  return `${p.year}-${String(p.part).padStart(2, '0')}`;
}

export function parsePeriod(code: string | null): Period | undefined {
  const match = /^(\d{4})(?:Q([1-4])|-(0[1-9]|1[0-2]))?$/.exec(code ?? '');
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < FIRST_YEAR) return undefined;
  if (match[2]) return { kind: 'quarter', year, part: Number(match[2]) };
  if (match[3]) return { kind: 'month', year, part: Number(match[3]) };
  return { kind: 'year', year, part: 1 };
}

/** Reporting periods follow China Standard Time (UTC+8 all year), whatever the visitor's clock. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const shanghai = (now: Date) => new Date(now.getTime() + SHANGHAI_OFFSET_MS);

/** The last finished quarter in Shanghai: the default period. */
export function lastQuarter(now = new Date()): Period {
  const local = shanghai(now);
  const quarter = Math.floor(local.getUTCMonth() / 3) + 1;
  return quarter === 1
    ? { kind: 'quarter', year: local.getUTCFullYear() - 1, part: 4 }
    : { kind: 'quarter', year: local.getUTCFullYear(), part: quarter - 1 };
}

/** Whether a period has ended in Shanghai (only those are published). */
export function hasEnded(p: Period, now = new Date()): boolean {
  const local = shanghai(now);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + 1;
  if (p.year !== year) return p.year < year;
  if (p.kind === 'year') return false;
  return p.kind === 'quarter' ? p.part * 3 < month : p.part < month;
}

/** The years to choose from: FIRST_YEAR to this year (or the year asked for, if later), latest first. */
export function selectableYears(current: number, now = new Date()): number[] {
  const last = Math.max(now.getFullYear(), current);
  return Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => last - i);
}

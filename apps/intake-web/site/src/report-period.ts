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

/** The last finished quarter (in the visitor's calendar): the default period. */
export function lastQuarter(now = new Date()): Period {
  const quarter = Math.floor(now.getMonth() / 3) + 1;
  return quarter === 1
    ? { kind: 'quarter', year: now.getFullYear() - 1, part: 4 }
    : { kind: 'quarter', year: now.getFullYear(), part: quarter - 1 };
}

/** The years to choose from: FIRST_YEAR to this year (or the year asked for, if later), latest first. */
export function selectableYears(current: number, now = new Date()): number[] {
  const last = Math.max(now.getFullYear(), current);
  return Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => last - i);
}

/**
 * A reader trying to recover withheld counts of the public transparency report by arithmetic: every
 * published figure of a year, its quarters and its months, every relation between them (a breakdown adds
 * up to its total, a quarter to its months, a year to its quarters) and what each withheld cell's reason
 * tells (fewer-than-5: 1-4; protects-another-cell in a month: at least 5; unlisted: 0), narrowed by
 * interval propagation until nothing moves. Returns every withheld figure it pinned to one value.
 */
export interface PublishedCount {
  count: number | null;
  suppressed: boolean;
  reason?: string;
}

export interface PublicReport {
  period: string;
  complaints: PublishedCount;
  byBusinessCategory: Record<string, PublishedCount>;
  byCause: Record<string, PublishedCount>;
  byRegion: Record<string, PublishedCount>;
  satisfaction: {
    responses: PublishedCount;
    mean: { value: number | null; suppressed: boolean };
    distribution: Record<string, PublishedCount>;
  };
  improvements: { rootCauses: Record<string, PublishedCount>; correctiveActions: Record<string, PublishedCount> };
  withheldBreakdowns: string[];
}

const BREAKDOWNS = [
  'byBusinessCategory',
  'byCause',
  'byRegion',
  'satisfaction.distribution',
  'improvements.rootCauses',
  'improvements.correctiveActions',
] as const;
type Breakdown = (typeof BREAKDOWNS)[number];
/** Breakdowns whose cells add up to the period's total (or, for the distribution, to the responses). */
const ADDS_UP_TO: Partial<Record<Breakdown, 'complaints' | 'responses'>> = {
  byBusinessCategory: 'complaints',
  byCause: 'complaints',
  byRegion: 'complaints',
  'satisfaction.distribution': 'responses',
};

const cellsOf = (report: PublicReport, breakdown: Breakdown): Record<string, PublishedCount> =>
  breakdown === 'satisfaction.distribution'
    ? report.satisfaction.distribution
    : breakdown === 'improvements.rootCauses'
      ? report.improvements.rootCauses
      : breakdown === 'improvements.correctiveActions'
        ? report.improvements.correctiveActions
        : report[breakdown];

interface Variable {
  name: string;
  lo: number;
  hi: number;
  withheld: boolean;
}

export interface Recovery {
  name: string;
  value: number;
}

/** Months `YYYY-MM` of a year's reports, quarters `YYYYQn` and the year `YYYY`, each present. */
export function attack(reports: Map<string, PublicReport>, year: number): Recovery[] {
  const vars = new Map<string, Variable>();
  const equations: { plus: string[]; minus: string[] }[] = [];
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const quarters = [1, 2, 3, 4].map((q) => `${year}Q${q}`);
  const parts: [string, string[]][] = [
    ...quarters.map((q, i) => [q, months.slice(i * 3, i * 3 + 3)] as [string, string[]]),
    [String(year), quarters],
  ];

  const bounds = (cell: PublishedCount | undefined, isMonth: boolean, breakdownWithheld: boolean): [number, number, boolean] => {
    if (!cell) return breakdownWithheld ? [0, Infinity, true] : [0, 0, false];
    if (!cell.suppressed) return [cell.count!, cell.count!, false];
    if (cell.reason === 'fewer-than-5') return [1, 4, true];
    return [isMonth ? 5 : 1, Infinity, true];
  };
  const define = (name: string, [lo, hi, withheld]: [number, number, boolean]) => vars.set(name, { name, lo, hi, withheld });

  const keys = new Map<Breakdown, Set<string>>(BREAKDOWNS.map((b) => [b, new Set()]));
  for (const report of reports.values()) for (const b of BREAKDOWNS) for (const k of Object.keys(cellsOf(report, b))) keys.get(b)!.add(k);

  for (const [period, report] of reports) {
    const isMonth = period.includes('-');
    define(`${period}/complaints`, bounds(report.complaints, isMonth, false));
    define(`${period}/responses`, bounds(report.satisfaction.responses, isMonth, false));
    for (const b of BREAKDOWNS) {
      const withheld = report.withheldBreakdowns.includes(b);
      for (const k of keys.get(b)!) define(`${period}/${b}/${k}`, bounds(cellsOf(report, b)[k], isMonth, withheld));
      const total = ADDS_UP_TO[b];
      if (total) equations.push({ plus: [...keys.get(b)!].map((k) => `${period}/${b}/${k}`), minus: [`${period}/${total}`] });
    }
  }
  for (const [whole, pieces] of parts) {
    const names = ['complaints', 'responses', ...BREAKDOWNS.flatMap((b) => [...keys.get(b)!].map((k) => `${b}/${k}`))];
    for (const n of names) equations.push({ plus: pieces.map((p) => `${p}/${n}`), minus: [`${whole}/${n}`] });
  }

  // Propagate: in sum(plus) - sum(minus) = 0, each variable lies within what the others allow.
  for (let round = 0, moved = true; moved && round < 200; round++) {
    moved = false;
    for (const { plus, minus } of equations) {
      const terms: [Variable, 1 | -1][] = [
        ...plus.map((n) => [vars.get(n)!, 1] as [Variable, 1]),
        ...minus.map((n) => [vars.get(n)!, -1] as [Variable, -1]),
      ];
      for (const [v, sign] of terms) {
        // sign * v = -(sum of the others' signed values)
        let lo = 0;
        let hi = 0;
        for (const [o, s] of terms) {
          if (o === v) continue;
          lo -= s === 1 ? o.hi : -o.lo;
          hi -= s === 1 ? o.lo : -o.hi;
        }
        const [newLo, newHi] = sign === 1 ? [lo, hi] : [-hi, -lo];
        if (newLo > v.lo && Number.isFinite(newLo)) [v.lo, moved] = [newLo, true];
        if (newHi < v.hi && Number.isFinite(newHi)) [v.hi, moved] = [newHi, true];
      }
    }
  }
  return [...vars.values()].filter((v) => v.withheld && v.lo === v.hi).map((v) => ({ name: v.name, value: v.lo }));
}

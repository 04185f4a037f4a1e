import { UNKNOWN_KEY } from './kpi-dimensions';
import { addCounters, zeroCounters, type KpiCounters } from './kpi-counters';
import {
  knownTotal,
  listedCells,
  MIN_PUBLISHED_COUNT,
  PublishedBreakdown,
  publishCount,
  PublishedCount,
  publishShare,
  suppressCells,
  WITHHELD_SECONDARY,
} from './small-cell-suppression';

/** The figures of one month (Shanghai days), before any suppression. */
export interface TransparencyInputs {
  counters: KpiCounters;
  byBusinessCategory: Record<string, number>;
  byCause: Record<string, number>;
  byRegion: Record<string, number>;
  rootCauses: Record<string, number>;
  correctiveActions: Record<string, number>;
}

export interface PublishedShare {
  value: number | null;
  suppressed: boolean;
}

/** The breakdowns of the report, by the path of their cells in it. */
export const BREAKDOWNS = [
  'byBusinessCategory',
  'byCause',
  'byRegion',
  'satisfaction.distribution',
  'improvements.rootCauses',
  'improvements.correctiveActions',
] as const;
export type BreakdownName = (typeof BREAKDOWNS)[number];

export interface TransparencyReport {
  minimumPublishedCount: number;
  complaints: PublishedCount;
  byBusinessCategory: Record<string, PublishedCount>;
  byCause: Record<string, PublishedCount>;
  byRegion: Record<string, PublishedCount>;
  timeliness: { firstFeedbackWithin48h: PublishedShare; decidedWithin15Days: PublishedShare };
  satisfaction: { responses: PublishedCount; mean: PublishedShare; distribution: Record<string, PublishedCount> };
  improvements: { rootCauses: Record<string, PublishedCount>; correctiveActions: Record<string, PublishedCount> };
  /** Breakdowns published without any cell, because no pattern of withheld cells would protect them. */
  withheldBreakdowns: BreakdownName[];
}

/** A month as published, with the figures behind it (to add months up). */
interface MonthFigures {
  counters: KpiCounters;
  raw: Record<BreakdownName, Record<string, number>>;
  complaints: PublishedCount;
  responses: PublishedCount;
  feedback: PublishedShare;
  decided: PublishedShare;
  breakdowns: Record<BreakdownName, PublishedBreakdown>;
}

const known = (cells: Record<string, number>) => Object.fromEntries(Object.entries(cells).filter(([k]) => k !== UNKNOWN_KEY));

/**
 * The public report of a period made of whole months: counts only, no free text, and no count that
 * could single people out, whether read alone or subtracted from another period's.
 *
 * Suppression is decided month by month (small-cell-suppression.ts: a month's breakdowns add up to its
 * total; a withheld total is known to be 1-4 and at least the number of cells any breakdown lists). A quarter or a year only adds its months up: a cell, total or share is
 * published only when it is published in every month it covers (then it is the sum of published
 * figures), else withheld; a breakdown withheld whole in one month is withheld whole in the period.
 * So whatever a year, its quarters and its months are subtracted from one another, nothing comes out
 * that the months do not already publish. The mean rating is published only with its whole
 * distribution (with a cell withheld, the mean and the total would give it away).
 */
export function transparencyReport(months: TransparencyInputs[]): TransparencyReport {
  const figures = months.map(monthFigures);
  const counters = figures.reduce((sum, m) => addCounters(sum, m.counters), zeroCounters());
  const breakdowns = Object.fromEntries(BREAKDOWNS.map((name) => [name, addedUp(figures, name)])) as Record<
    BreakdownName,
    PublishedBreakdown
  >;
  const complaints = addedCount(figures.map((m) => [m.counters.volume, m.complaints]));
  const responses = addedCount(figures.map((m) => [m.counters.satisfactionResponses, m.responses]));
  const distribution = breakdowns['satisfaction.distribution'];
  const meanShown =
    !responses.suppressed &&
    counters.satisfactionResponses >= MIN_PUBLISHED_COUNT &&
    !distribution.withheld &&
    Object.values(distribution.cells).every((c) => !c.suppressed);
  return {
    minimumPublishedCount: MIN_PUBLISHED_COUNT,
    complaints,
    byBusinessCategory: breakdowns.byBusinessCategory.cells,
    byCause: breakdowns.byCause.cells,
    byRegion: breakdowns.byRegion.cells,
    timeliness: {
      firstFeedbackWithin48h: addedShare(
        figures.map((m) => m.feedback),
        counters.feedbackWithin48h,
        counters.cases,
      ),
      decidedWithin15Days: addedShare(
        figures.map((m) => m.decided),
        counters.decidedWithin15d,
        counters.cases,
      ),
    },
    satisfaction: {
      responses,
      mean: meanShown
        ? { value: Math.round((counters.satisfactionSum / counters.satisfactionResponses) * 100) / 100, suppressed: false }
        : { value: null, suppressed: counters.satisfactionResponses > 0 },
      distribution: distribution.cells,
    },
    improvements: {
      rootCauses: breakdowns['improvements.rootCauses'].cells,
      correctiveActions: breakdowns['improvements.correctiveActions'].cells,
    },
    withheldBreakdowns: BREAKDOWNS.filter((name) => breakdowns[name].withheld),
  };
}

function monthFigures(input: TransparencyInputs): MonthFigures {
  const c = input.counters;
  const distribution = { '1': c.satisfaction1, '2': c.satisfaction2, '3': c.satisfaction3, '4': c.satisfaction4, '5': c.satisfaction5 };
  const raw: Record<BreakdownName, Record<string, number>> = {
    byBusinessCategory: input.byBusinessCategory,
    byCause: input.byCause,
    byRegion: input.byRegion,
    'satisfaction.distribution': distribution,
    // Improvements leave out complaints without a category: their cells add up to no published total.
    'improvements.rootCauses': known(input.rootCauses),
    'improvements.correctiveActions': known(input.correctiveActions),
  };
  // Every complaint counts once in each of these breakdowns: their cells add up to the month's total.
  const total = knownTotal(c.volume, [raw.byBusinessCategory, raw.byCause, raw.byRegion].map(listedCells));
  return {
    counters: c,
    raw,
    complaints: publishCount(c.volume),
    responses: publishCount(c.satisfactionResponses),
    feedback: publishShare(c.feedbackWithin48h, c.cases),
    decided: publishShare(c.decidedWithin15d, c.cases),
    breakdowns: {
      byBusinessCategory: suppressCells(raw.byBusinessCategory, total),
      byCause: suppressCells(raw.byCause, total),
      byRegion: suppressCells(raw.byRegion, total),
      'satisfaction.distribution': suppressCells(distribution, knownTotal(c.satisfactionResponses, [listedCells(distribution)])),
      'improvements.rootCauses': suppressCells(raw['improvements.rootCauses']),
      'improvements.correctiveActions': suppressCells(raw['improvements.correctiveActions']),
    },
  };
}

/** A breakdown of several months: each cell published only when it is in every month that lists it. */
function addedUp(months: MonthFigures[], name: BreakdownName): PublishedBreakdown {
  if (months.some((m) => m.breakdowns[name].withheld)) return { cells: {}, withheld: true };
  const keys = [...new Set(months.flatMap((m) => Object.keys(m.breakdowns[name].cells)))];
  return {
    cells: Object.fromEntries(
      keys.map((key) => [
        key,
        addedCount(months.map((m) => [m.raw[name][key] ?? 0, m.breakdowns[name].cells[key] ?? { count: 0, suppressed: false }])),
      ]),
    ),
    withheld: false,
  };
}

/**
 * A count of several months from each month's figure and how it was published: the sum when all are
 * published; else withheld, as "fewer than 5" only when one month alone has it (and says so).
 */
function addedCount(months: [number, PublishedCount][]): PublishedCount {
  const listed = months.filter(([n]) => n > 0);
  if (listed.every(([, cell]) => !cell.suppressed)) return { count: listed.reduce((sum, [n]) => sum + n, 0), suppressed: false };
  return listed.length === 1 ? { ...listed[0][1] } : { ...WITHHELD_SECONDARY };
}

/** A share of several months: published only when it is in every month with a denominator. */
function addedShare(months: PublishedShare[], numerator: number, denominator: number): PublishedShare {
  if (months.some((m) => m.suppressed)) return { value: null, suppressed: true };
  return publishShare(numerator, denominator);
}

import { UNKNOWN_KEY } from './kpi-dimensions';
import type { KpiCounters } from './kpi-counters';
import { MIN_PUBLISHED_COUNT, publishCount, PublishedCount, publishShare, suppressCells } from './small-cell-suppression';

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

export interface TransparencyReport {
  minimumPublishedCount: number;
  complaints: PublishedCount;
  byBusinessCategory: Record<string, PublishedCount>;
  byCause: Record<string, PublishedCount>;
  byRegion: Record<string, PublishedCount>;
  timeliness: { firstFeedbackWithin48h: PublishedShare; decidedWithin15Days: PublishedShare };
  satisfaction: { responses: PublishedCount; mean: PublishedShare; distribution: Record<string, PublishedCount> };
  improvements: { rootCauses: Record<string, PublishedCount>; correctiveActions: Record<string, PublishedCount> };
}

const known = (cells: Record<string, number>) => Object.fromEntries(Object.entries(cells).filter(([k]) => k !== UNKNOWN_KEY));

/**
 * The public report: counts only, no free text, and every count that could single people out withheld
 * (see small-cell-suppression.ts). Regions not given by the channel are listed as UNKNOWN.
 */
export function transparencyReport(input: TransparencyInputs): TransparencyReport {
  const c = input.counters;
  const responses = c.satisfactionResponses;
  return {
    minimumPublishedCount: MIN_PUBLISHED_COUNT,
    complaints: publishCount(c.volume),
    byBusinessCategory: suppressCells(input.byBusinessCategory),
    byCause: suppressCells(input.byCause),
    byRegion: suppressCells(input.byRegion),
    timeliness: {
      firstFeedbackWithin48h: publishShare(c.feedbackWithin48h, c.cases),
      decidedWithin15Days: publishShare(c.decidedWithin15d, c.cases),
    },
    satisfaction: {
      responses: publishCount(responses),
      mean:
        responses < MIN_PUBLISHED_COUNT
          ? { value: null, suppressed: responses > 0 }
          : { value: Math.round((c.satisfactionSum / responses) * 100) / 100, suppressed: false },
      distribution: suppressCells({
        '1': c.satisfaction1,
        '2': c.satisfaction2,
        '3': c.satisfaction3,
        '4': c.satisfaction4,
        '5': c.satisfaction5,
      }),
    },
    improvements: { rootCauses: suppressCells(known(input.rootCauses)), correctiveActions: suppressCells(known(input.correctiveActions)) },
  };
}

import { CORRECTIVE_ACTION_CATEGORIES, CorrectiveActionCategory, ROOT_CAUSE_CATEGORIES, RootCauseCategory } from '@complaints/contracts';
import type { ReportPeriod } from '../report-period';
import type { Scorecard } from '../scorecard/scorecard';
import { REPORTING_TIME_ZONE } from '../shanghai-time';

/** At most this many of the week's hot-spot alerts are listed (newest first); `hotspotsTotal` counts them all. */
export const BULLETIN_HOTSPOTS = 50;

export interface BulletinHotspot {
  alertId: string;
  kind: 'spike' | 'term';
  dimension?: 'product-reason' | 'department' | 'channel' | 'branch';
  subject: string;
  observed: number;
  expected: number;
  raisedAt: string;
}

/** Cases closed in the week, and how many of them were filed under each root-cause and corrective-action category. */
export interface ClosedCaseCategories {
  closedCases: number;
  rootCauses: Record<string, number>;
  correctiveActions: Record<string, number>;
}

export interface Bulletin {
  week: string;
  from: string;
  to: string;
  timeZone: string;
  scorecard: Pick<Scorecard, 'previousFrom' | 'previousTo' | 'total' | 'departments'>;
  hotspots: BulletinHotspot[];
  hotspotsTotal: number;
  improvements: {
    closedCases: number;
    rootCauses: { category: RootCauseCategory; count: number }[];
    correctiveActions: { category: CorrectiveActionCategory; count: number }[];
  };
}

export interface BulletinInputs {
  week: ReportPeriod;
  scorecard: Scorecard;
  /** The alerts raised in the week. */
  alerts: readonly BulletinHotspot[];
  closed: ClosedCaseCategories;
}

/** Known categories with a count, most frequent first (ties in the categories' own order). */
function ranked<C extends string>(counts: Record<string, number>, categories: readonly C[]): { category: C; count: number }[] {
  return categories
    .filter((c) => (counts[c] ?? 0) > 0)
    .map((category) => ({ category, count: counts[category] }))
    .sort((a, b) => b.count - a.count || categories.indexOf(a.category) - categories.indexOf(b.category));
}

/** The weekly staff bulletin: the scorecard (its total is the headline), the week's hot spots, the closed cases' improvements. */
export function composeBulletin(input: BulletinInputs): Bulletin {
  const { previousFrom, previousTo, total, departments } = input.scorecard;
  const newestFirst = [...input.alerts].sort((a, b) => Date.parse(b.raisedAt) - Date.parse(a.raisedAt));
  return {
    week: input.week.label,
    from: input.week.fromDay,
    to: input.week.toDay,
    timeZone: REPORTING_TIME_ZONE,
    scorecard: { previousFrom, previousTo, total, departments },
    hotspots: newestFirst.slice(0, BULLETIN_HOTSPOTS),
    hotspotsTotal: input.alerts.length,
    improvements: {
      closedCases: input.closed.closedCases,
      rootCauses: ranked(input.closed.rootCauses, ROOT_CAUSE_CATEGORIES),
      correctiveActions: ranked(input.closed.correctiveActions, CORRECTIVE_ACTION_CATEGORIES),
    },
  };
}

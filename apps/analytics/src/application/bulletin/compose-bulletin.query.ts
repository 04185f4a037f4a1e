import { Bulletin, BulletinHotspot, composeBulletin } from '../../domain/bulletin/bulletin';
import { periodBounds, ReportPeriod } from '../../domain/report-period';
import { AlertStore, StoredAlert } from '../hotspots/alert-store';
import { ScorecardQuery } from '../scorecard/scorecard.query';
import { ClosedCaseSource } from './bulletin-store';

function hotspot(a: StoredAlert): BulletinHotspot {
  return {
    alertId: a.alertId,
    kind: a.kind,
    ...(a.kind === 'spike' ? { dimension: a.dimension } : {}),
    subject: a.subject,
    observed: a.observed,
    expected: a.expected,
    raisedAt: a.raisedAt.toISOString(),
  };
}

/** Gathers a week's bulletin: its scorecard against the week before, the alerts raised in it, the cases closed in it. */
export class ComposeBulletinQuery {
  constructor(
    private readonly scorecards: ScorecardQuery,
    private readonly alerts: AlertStore,
    private readonly closedCases: ClosedCaseSource,
  ) {}

  async execute(week: ReportPeriod, asOf: Date): Promise<Bulletin> {
    const { from, to } = periodBounds(week);
    const [scorecard, raised, closed] = await Promise.all([
      this.scorecards.execute(week, asOf),
      this.alerts.raisedBetween(from, to),
      this.closedCases.categories(from, to),
    ]);
    const alerts = raised.map(hotspot);
    return composeBulletin({ week, scorecard, alerts, closed });
  }
}

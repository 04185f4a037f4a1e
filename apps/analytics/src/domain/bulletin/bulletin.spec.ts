import { randomUUID } from 'node:crypto';
import { zeroCounters } from '../kpi-counters';
import { scorecard } from '../scorecard/scorecard';
import { parseIsoWeek, previousPeriod } from '../scorecard/scorecard-period';
import { DEFAULT_SCORECARD_TARGETS } from '../scorecard/scorecard-targets';
import { BulletinHotspot, composeBulletin } from './bulletin';

const week = parseIsoWeek('2026-W48')!;
const card = scorecard({
  period: week,
  previous: previousPeriod(week),
  asOf: new Date('2026-11-30T01:00:00Z'),
  current: new Map([['FRAUD', { ...zeroCounters(), volume: 3, cases: 3 }]]),
  prior: new Map(),
  targets: DEFAULT_SCORECARD_TARGETS,
});
const alert = (subject: string, raisedAt: string): BulletinHotspot => ({
  alertId: randomUUID(),
  kind: 'term',
  subject,
  observed: 10,
  expected: 0.5,
  raisedAt,
});

describe('composeBulletin', () => {
  it('lists the week, the scorecard, the newest hot spots first and the improvements most frequent first', () => {
    const bulletin = composeBulletin({
      week,
      scorecard: card,
      alerts: [alert('鑫盛宝', '2026-11-24T02:00:00.000Z'), alert('年费', '2026-11-27T02:00:00.000Z')],
      closed: {
        closedCases: 9,
        rootCauses: { PROCESS: 2, FRAUD: 4, DISCLOSURE: 2, UNKNOWN: 1 },
        correctiveActions: { TRAINING: 1, REFUND_COMPENSATION: 5 },
      },
    });
    expect(bulletin).toMatchObject({ week: '2026-W48', from: '2026-11-23', to: '2026-11-29', timeZone: 'Asia/Shanghai', hotspotsTotal: 2 });
    expect(bulletin.scorecard.total.volume).toEqual({ value: 3, previous: 0, change: 3 });
    expect(bulletin.scorecard).toMatchObject({ previousFrom: '2026-11-16', previousTo: '2026-11-22' });
    expect(bulletin.hotspots.map((h) => h.subject)).toEqual(['年费', '鑫盛宝']);
    expect(bulletin.improvements).toEqual({
      closedCases: 9,
      // Ties keep the categories' own order (DISCLOSURE before PROCESS); uncategorised texts are not listed.
      rootCauses: [
        { category: 'FRAUD', count: 4 },
        { category: 'DISCLOSURE', count: 2 },
        { category: 'PROCESS', count: 2 },
      ],
      correctiveActions: [
        { category: 'REFUND_COMPENSATION', count: 5 },
        { category: 'TRAINING', count: 1 },
      ],
    });
  });

  it('lists at most 50 hot spots but counts them all', () => {
    const alerts = Array.from({ length: 60 }, (_, i) => alert(`term${i}`, new Date(Date.UTC(2026, 10, 23, 0, i)).toISOString()));
    const bulletin = composeBulletin({ week, scorecard: card, alerts, closed: { closedCases: 0, rootCauses: {}, correctiveActions: {} } });
    expect(bulletin.hotspotsTotal).toBe(60);
    expect(bulletin.hotspots).toHaveLength(50);
    expect(bulletin.hotspots[0].subject).toBe('term59');
  });
});

import type { StoredAlert } from './alert-store';
import { FixedClock } from '../in-memory/fixed-clock';
import { InMemoryAlertStore } from '../in-memory/in-memory-alert.store';
import { ListHotspotsQuery } from './list-hotspots.query';

const HOUR = 3_600_000;
const NOW = new Date('2026-12-01T10:00:00.000Z');

const alert = (subject: string, hoursAgo: number, dimension: 'department' | null): StoredAlert =>
  ({
    kind: dimension ? 'spike' : 'term',
    ...(dimension ? { dimension } : {}),
    subject,
    key: subject,
    raise: 'new',
    since: NOW,
    until: NOW,
    observed: 9,
    expected: 1,
    ratio: 9,
    pValue: 0,
    threshold: 0.001,
    alertId: subject,
    raisedAt: new Date(NOW.getTime() - hoursAgo * HOUR),
    samples: [],
    publishedAt: null,
  }) as StoredAlert;

describe('ListHotspotsQuery', () => {
  const store = new InMemoryAlertStore();
  store.alerts.push(
    alert('old-term', 30, null),
    alert('FRAUD', 5, 'department'),
    alert('鑫盛宝', 2, null),
    alert('CARD_CENTER', 1, 'department'),
  );
  const query = new ListHotspotsQuery(store, new FixedClock(NOW));

  it('lists the last 24 hours by default, newest first', async () => {
    const { alerts } = await query.execute({ kind: null, since: null, departments: null, limit: 10 });
    expect(alerts.map((a) => a.subject)).toEqual(['CARD_CENTER', '鑫盛宝', 'FRAUD']);
  });
});

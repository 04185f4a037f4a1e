import { raisePriority, repeatWindow } from './repeat-complaint';

describe('repeat complaints', () => {
  it('raise the priority one step', () => {
    expect([raisePriority('P3'), raisePriority('P2'), raisePriority('P1')]).toEqual(['P2', 'P1', 'P1']);
  });

  it('look the configured number of days either side', () => {
    const { since, until } = repeatWindow(new Date('2026-11-29T10:00:00Z'), 30);
    expect([since.toISOString(), until.toISOString()]).toEqual(['2026-10-30T10:00:00.000Z', '2026-12-29T10:00:00.000Z']);
  });
});

import { raisePriority, repeatWindowStart } from './repeat-complaint';

describe('repeat complaints', () => {
  it('raise the priority one step', () => {
    expect([raisePriority('P3'), raisePriority('P2'), raisePriority('P1')]).toEqual(['P2', 'P1', 'P1']);
  });

  it('look back the configured number of days', () => {
    expect(repeatWindowStart(new Date('2026-11-29T10:00:00Z'), 30).toISOString()).toBe('2026-10-30T10:00:00.000Z');
  });
});

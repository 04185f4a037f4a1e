import { dueWeek, parseSendTime } from './bulletin-schedule';

describe('bulletin schedule', () => {
  const mondayNine = parseSendTime('Mon 09:00');

  it('reads a weekday and a Shanghai time', () => {
    expect(mondayNine).toEqual({ dayOfWeek: 0, minutes: 540 });
    expect(parseSendTime('Fri 17:30')).toEqual({ dayOfWeek: 4, minutes: 1050 });
    expect(() => parseSendTime('Monday 9am')).toThrow('e.g. Mon 09:00');
  });

  it('is due for the last complete week from the send time on', () => {
    // Monday 2026-11-30 09:00 Shanghai = 01:00Z: week 48 (23-29 November) is due.
    expect(dueWeek(new Date('2026-11-30T01:00:00Z'), mondayNine)).toEqual({
      week: { label: '2026-W48', fromDay: '2026-11-23', toDay: '2026-11-29' },
      sendAt: new Date('2026-11-30T01:00:00Z'),
    });
    // A minute earlier, week 47 is still the one due (it went out the Monday before).
    expect(dueWeek(new Date('2026-11-30T00:59:00Z'), mondayNine).week.label).toBe('2026-W47');
    // Sunday night UTC is already Monday in Shanghai; until 09:00 there, the week before.
    expect(dueWeek(new Date('2026-11-29T20:00:00Z'), mondayNine).week.label).toBe('2026-W47');
    // All week long until the next Monday 09:00.
    expect(dueWeek(new Date('2026-12-06T15:59:00Z'), mondayNine).week.label).toBe('2026-W48');
  });

  it('crosses year ends by ISO weeks', () => {
    expect(dueWeek(new Date('2027-01-04T02:00:00Z'), mondayNine).week).toEqual({
      label: '2026-W53',
      fromDay: '2026-12-28',
      toDay: '2027-01-03',
    });
    // A Friday send time: the week before the current one, from Friday on.
    expect(dueWeek(new Date('2026-12-04T10:00:00Z'), parseSendTime('Fri 17:30')).week.label).toBe('2026-W48');
    expect(dueWeek(new Date('2026-12-04T09:00:00Z'), parseSendTime('Fri 17:30')).week.label).toBe('2026-W47');
  });
});

import { UnconfiguredRouteWarnings } from './unconfigured-route-warnings';

describe('UnconfiguredRouteWarnings', () => {
  it('warns once per route and interval, then with how many events went unnotified since', () => {
    const lines: Array<[Record<string, unknown>, string]> = [];
    let now = 0;
    const warnings = new UnconfiguredRouteWarnings(
      { warn: ((fields: Record<string, unknown>, msg: string) => lines.push([fields, msg])) as never },
      60_000,
      () => now,
    );
    const example = { reference: 'C20261207-WABCDE', eventType: 'case.opened' };
    warnings.note('sms', example);
    warnings.note('sms', example);
    warnings.note('email', example);
    now = 59_999;
    warnings.note('sms', example);
    now = 60_000;
    warnings.note('sms', { ...example, eventType: 'case.closed' });
    expect(lines).toEqual([
      [{ ...example, route: 'sms', unnotifiedSinceLastWarning: 0 }, 'customer not notified: no gateway configured for the route'],
      [{ ...example, route: 'email', unnotifiedSinceLastWarning: 0 }, 'customer not notified: no gateway configured for the route'],
      [
        { ...example, eventType: 'case.closed', route: 'sms', unnotifiedSinceLastWarning: 2 },
        'customer not notified: no gateway configured for the route',
      ],
    ]);
  });
});

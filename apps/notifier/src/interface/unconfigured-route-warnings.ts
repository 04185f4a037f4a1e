import type { Logger } from 'pino';
import type { Route } from '../domain/notification';

/**
 * The warning that customers go unnotified on a route without a gateway, at most once per route and
 * `everyMs` (with how many events went unnotified since), rather than once per event: a service
 * without an SMS gateway would otherwise write a line for every web and hotline case event.
 */
export class UnconfiguredRouteWarnings {
  private readonly pending = new Map<Route, { since: number; count: number }>();

  constructor(
    private readonly logger: Pick<Logger, 'warn'>,
    private readonly everyMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  note(route: Route, example: { reference: string; eventType: string }): void {
    const now = this.now();
    const last = this.pending.get(route);
    if (last && now - last.since < this.everyMs) {
      last.count++;
      return;
    }
    this.pending.set(route, { since: now, count: 0 });
    this.logger.warn(
      { ...example, route, unnotifiedSinceLastWarning: last?.count ?? 0 },
      'customer not notified: no gateway configured for the route',
    );
  }
}

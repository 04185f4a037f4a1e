import type { SiteOptions } from '@complaints/http';
import type { CasesConfig } from '../../cases.config';

/**
 * The staff console (apps/cases/console), served at these paths; the page shows the matching screen.
 * Its routing-rules page calls the router's admin API and its dashboard the analytics API: the only
 * other origins it may reach.
 */
export function staffConsole(config: Pick<CasesConfig, 'CASES_CONSOLE_ROUTER_URL' | 'CASES_CONSOLE_ANALYTICS_URL'>): SiteOptions {
  return {
    name: 'console',
    pages: ['/', '/console', '/console/*'],
    connectSources: [config.CASES_CONSOLE_ROUTER_URL, config.CASES_CONSOLE_ANALYTICS_URL],
  };
}

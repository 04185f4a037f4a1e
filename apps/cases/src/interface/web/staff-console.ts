import type { SiteOptions } from '@complaints/http';
import type { CasesConfig } from '../../cases.config';

/**
 * The staff console (apps/cases/console), served at these paths; the page shows the matching screen.
 * Its routing-rules page calls the router's admin API, the one other origin it may reach.
 */
export function staffConsole(config: Pick<CasesConfig, 'CASES_CONSOLE_ROUTER_URL'>): SiteOptions {
  return { name: 'console', pages: ['/', '/console', '/console/*'], connectSources: [config.CASES_CONSOLE_ROUTER_URL] };
}

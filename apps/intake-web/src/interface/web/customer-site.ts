import type { SiteOptions } from '@complaints/http';
import type { IntakeWebConfig } from '../../intake-web.config';

/** The customer site (apps/intake-web/site), served at these paths; the page shows the matching screen. */
export const CUSTOMER_SITE: SiteOptions = { name: 'customer', pages: ['/', '/status', '/survey', '/transparency'] };

/** The customer site as configured: its pages may also fetch from the analytics service (transparency report). */
export function customerSite(config: Pick<IntakeWebConfig, 'INTAKE_WEB_ANALYTICS_URL'>): SiteOptions {
  return { ...CUSTOMER_SITE, connectSources: [config.INTAKE_WEB_ANALYTICS_URL] };
}

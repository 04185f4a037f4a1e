import type { SiteOptions } from '@complaints/http';

/** The customer site (apps/intake-web/site), served at these paths; the page shows the matching screen. */
export const CUSTOMER_SITE: SiteOptions = { name: 'customer', pages: ['/', '/status', '/survey'] };

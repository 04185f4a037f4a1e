import type { SiteOptions } from '@complaints/http';

/** The staff console (apps/cases/console), served at these paths; the page shows the matching screen. */
export const STAFF_CONSOLE: SiteOptions = { name: 'console', pages: ['/', '/console', '/console/*'] };

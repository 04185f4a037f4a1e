import { originList, PublicCorsOptions } from '@complaints/http';
import type { AnalyticsConfig } from '../../analytics.config';
import { TRANSPARENCY_PATH } from './transparency.controller';

/** Only the public transparency report is readable across origins, and only from the configured ones. */
export function transparencyCors(config: AnalyticsConfig): PublicCorsOptions {
  return { paths: [TRANSPARENCY_PATH], origins: originList(config.ANALYTICS_PUBLIC_CORS_ORIGINS) };
}

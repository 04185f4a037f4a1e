import { requestJson } from '@complaints/web-ui';

let config: Promise<{ analyticsUrl: string }> | undefined;

/** The analytics service's base URL, from intake-web's `GET /v1/site/config` (asked once per page load; a failure is asked again). */
export async function analyticsUrl(): Promise<string> {
  config ??= requestJson<{ analyticsUrl: string }>('/v1/site/config');
  try {
    return (await config).analyticsUrl;
  } catch (error) {
    config = undefined;
    throw error;
  }
}

import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CORRELATION_HEADER } from '@complaints/observability';

/** Cross-origin reads a service allows: GET (and HEAD) of exactly these paths, from exactly these origins. */
export interface PublicCorsOptions {
  /** Request paths (without the query string), e.g. `/v1/transparency`. */
  paths: string[];
  /** Allowed origins (`scheme://host[:port]`), e.g. the customer site's. */
  origins: string[];
  /** How long a browser may cache a preflight answer, in seconds. */
  maxAgeSeconds?: number;
}

/** What staff pages of the listed origins may send (`corsOrigins`): bearer-token API calls of any method. */
const STAFF_CORS = {
  methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
  allowedHeaders: ['authorization', 'content-type', 'accept', 'idempotency-key', CORRELATION_HEADER],
  exposedHeaders: [CORRELATION_HEADER, 'retry-after'],
  maxAge: 600,
};

/**
 * CORS (through Nest's enableCors, i.e. @fastify/cors), decided per request path:
 * - the `publicCors` paths: a listed public origin gets `Access-Control-Allow-Origin` for GET/HEAD and
 *   their preflight, never with credentials;
 * - every other path: the `staffOrigins` (e.g. the staff console) may call it with a bearer token;
 * - any other origin, method or path gets no CORS headers at all (and, without staff origins, other
 *   paths' preflights a 404), so the rest of the service stays same-origin only.
 */
export function enableCors(app: NestFastifyApplication, staffOrigins: readonly string[], publicCors?: PublicCorsOptions): void {
  const publicPaths = new Set(publicCors?.paths ?? []);
  app.enableCors({
    delegator: (request, callback) => {
      const path = (request.url ?? '').split('?')[0];
      if (publicCors && publicPaths.has(path)) {
        return callback(null, {
          origin: publicCors.origins,
          methods: ['GET', 'HEAD'],
          credentials: false,
          maxAge: publicCors.maxAgeSeconds ?? 600,
          // Vary: Origin is added by @fastify/cors for a list of origins.
        });
      }
      if (staffOrigins.length) return callback(null, { origin: [...staffOrigins], ...STAFF_CORS });
      callback(null, { origin: false });
    },
  });
}

/** A comma-separated origin list from a setting; blanks dropped. */
export function originList(setting: string): string[] {
  return setting
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
}

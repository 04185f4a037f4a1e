import { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Cross-origin reads a service allows: GET (and HEAD) of exactly these paths, from exactly these origins. */
export interface PublicCorsOptions {
  /** Request paths (without the query string), e.g. `/v1/transparency`. */
  paths: string[];
  /** Allowed origins (`scheme://host[:port]`), e.g. the customer site's. */
  origins: string[];
  /** How long a browser may cache a preflight answer, in seconds. */
  maxAgeSeconds?: number;
}

/**
 * CORS (through Nest's enableCors, i.e. @fastify/cors) for a few public read-only paths: a listed
 * origin gets `Access-Control-Allow-Origin` for GET/HEAD of a listed path and its preflight; any other
 * origin, method or path gets no CORS headers at all (and other paths' preflights a 404), so the rest of
 * the service stays same-origin only. No credentials are ever allowed.
 */
export function enablePublicCors(app: NestFastifyApplication, options: PublicCorsOptions): void {
  const paths = new Set(options.paths);
  app.enableCors({
    delegator: (request, callback) => {
      const path = (request.url ?? '').split('?')[0]!;
      if (!paths.has(path)) return callback(null, { origin: false });
      callback(null, {
        origin: options.origins,
        methods: ['GET', 'HEAD'],
        credentials: false,
        maxAge: options.maxAgeSeconds ?? 600,
        // Vary: Origin is added by @fastify/cors for a list of origins.
      });
    },
  });
}

/** A comma-separated origin list from a setting; blanks dropped. */
export function originList(setting: string): string[] {
  return setting.split(',').map((o) => o.trim()).filter(Boolean);
}

import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, RouteOptions } from 'fastify';

/** Enough for any small JSON request (a look-up, a rating with its comment, a signed SMS reply). */
export const SMALL_BODY_LIMIT_BYTES = 16 * 1024;

/**
 * A route's own request body limit, below the service's (`bodyLimitBytes`), e.g. `@BodyLimit(SMALL_BODY_LIMIT_BYTES)`
 * on a look-up: a larger body is refused with a 413 problem while it arrives, before it is read whole or parsed.
 * (A Fastify route option carried as route config; `createHttpApp` applies it.)
 */
export const BodyLimit = (bytes: number) => RouteConfig({ bodyLimit: bytes });

/** Makes each route's `@BodyLimit` its Fastify `bodyLimit` (as routes are registered). */
export function applyRouteBodyLimits(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route: RouteOptions) => {
    // The rule sees route.config as the generic context config and calls this cast unnecessary; without it tsc fails.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    const bytes = (route.config as { bodyLimit?: unknown } | undefined)?.bodyLimit;
    if (typeof bytes === 'number') route.bodyLimit = bytes;
  });
}

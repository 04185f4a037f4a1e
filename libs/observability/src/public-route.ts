import { SetMetadata } from '@nestjs/common';

/** Metadata of routes anyone may call (health, metrics, sign-in, public reports). */
export const PUBLIC_ROUTE = 'complaints:public-route';

/**
 * Marks a route (or every route of a controller) as public: the staff access guard, which refuses every
 * route that declares neither staff roles nor this, lets it through without a token.
 */
export const PublicRoute = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

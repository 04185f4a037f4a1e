import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ProblemException, problem } from '@complaints/http';
import { mobileMetrics } from '../mobile.metrics';
import {
  CustomerTokenVerifier,
  InvalidTokenError,
  TokenKeysUnavailableError,
} from '../../application/authenticate/customer-token.verifier';

export type CustomerRequest = FastifyRequest & { customerId?: string };

const BEARER = /^Bearer\s+([A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)\s*$/i;
const CHALLENGE = 'Bearer realm="mobile"';

/** Authenticates the app's customer from `Authorization: Bearer <JWT>`; refusals are 401 problems. */
@Injectable()
export class CustomerTokenGuard implements CanActivate {
  constructor(private readonly verifier: CustomerTokenVerifier) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<CustomerRequest>();
    request.customerId = await this.authenticate(request);
    return true;
  }

  /** The customer a request's bearer token names; throws the 401 (or 503) problem to answer otherwise. */
  async authenticate(request: FastifyRequest): Promise<string> {
    const header = request.headers.authorization;
    if (!header) {
      mobileMetrics.tokens.inc({ kind: 'missing' });
      throw unauthorized('The Authorization header is missing: send Authorization: Bearer <token>.');
    }
    const match = BEARER.exec(header);
    if (!match) {
      mobileMetrics.tokens.inc({ kind: 'malformed' });
      throw unauthorized('The Authorization header must be "Bearer " followed by a JWT.');
    }
    try {
      return (await this.verifier.verify(match[1])).customerId;
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        mobileMetrics.tokens.inc({ kind: 'invalid' });
        throw unauthorized(error.message);
      }
      if (error instanceof TokenKeysUnavailableError) {
        mobileMetrics.tokens.inc({ kind: 'keys_unavailable' });
        throw new ProblemException(
          problem(503, 'token-keys-unavailable', 'The token signing keys cannot be fetched right now. Please retry shortly.'),
          { 'retry-after': '5' },
        );
      }
      throw error;
    }
  }
}

/** The customer (token `sub`) the guard authenticated. */
export const CustomerId = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  return ctx.switchToHttp().getRequest<CustomerRequest>().customerId!;
});

function unauthorized(reason: string): ProblemException {
  return new ProblemException(problem(401, 'invalid-token', reason, { errors: [{ field: 'Authorization', message: reason }] }), {
    'www-authenticate': `${CHALLENGE}, error="invalid_token"`,
  });
}

import { CanActivate, ExecutionContext, Inject, Injectable, createParamDecorator } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { FastifyRequest } from 'fastify';
import { ContractViolation, parseContract } from '@complaints/contracts';
import { ProblemException, problem } from '@complaints/http';
import { StaffClaims, StaffPrincipal } from './staff-principal';

export const STAFF_JWT = Symbol('STAFF_JWT');

type StaffRequest = FastifyRequest & { staff?: StaffPrincipal };

/**
 * Authenticates staff by `Authorization: Bearer <JWT>` (HS256 with STAFF_JWT_SECRET; expiry enforced)
 * and checks the claims' shape. Refusals are 401 problem+json saying what was wrong.
 */
@Injectable()
export class StaffAuthGuard implements CanActivate {
  constructor(@Inject(STAFF_JWT) private readonly jwt: JwtService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<StaffRequest>();
    const header = request.headers.authorization;
    const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) throw unauthorized('A staff bearer token is required (Authorization: Bearer <JWT>).');
    let payload: unknown;
    try {
      payload = await this.jwt.verifyAsync(token, { algorithms: ['HS256'] });
    } catch (error) {
      const reason = (error as { name?: string }).name === 'TokenExpiredError' ? 'The token has expired.' : 'The token is not valid.';
      throw unauthorized(reason);
    }
    try {
      const { iat: _iat, exp: _exp, nbf: _nbf, iss: _iss, aud: _aud, jti: _jti, ...claims } = payload as Record<string, unknown>;
      request.staff = StaffPrincipal.fromClaims(parseContract(StaffClaims, claims));
    } catch (error) {
      const fields = error instanceof ContractViolation ? error.errors.map((e) => e.field).join(', ') : 'claims';
      throw unauthorized(`The token's claims are not usable (${fields}).`);
    }
    return true;
  }
}

function unauthorized(detail: string): ProblemException {
  return new ProblemException(problem(401, 'unauthorized', detail), { 'www-authenticate': 'Bearer' });
}

/** The authenticated staff member of the request (requires StaffAuthGuard). */
export const Staff = createParamDecorator((_: unknown, ctx: ExecutionContext): StaffPrincipal => {
  const staff = ctx.switchToHttp().getRequest<StaffRequest>().staff;
  if (!staff) throw unauthorized('Not authenticated.');
  return staff;
});

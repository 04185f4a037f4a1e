import { CanActivate, ExecutionContext, Injectable, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ProblemException, problem } from '@complaints/http';
import { PUBLIC_ROUTE } from '@complaints/observability';
import { STAFF_ROLES_METADATA } from './staff-access';
import type { StaffPrincipal, StaffRole } from './staff-principal';
import { StaffTokenRejected, StaffTokenVerifier } from './staff-token-verifier';

type StaffRequest = FastifyRequest & { staff?: StaffPrincipal };

/**
 * The staff API's access guard, global in every service that imports StaffAuthModule: deny by default.
 * A route marked PublicRoute passes; any other must declare StaffRoles (403 otherwise, for everyone),
 * then needs `Authorization: Bearer <JWT>` that StaffTokenVerifier accepts (401 saying what was wrong)
 * and one of the declared roles (403 naming them).
 */
@Injectable()
export class StaffAuthGuard implements CanActivate {
  constructor(
    private readonly verifier: StaffTokenVerifier,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const roles = this.reflector.getAllAndOverride<StaffRole[] | undefined>(STAFF_ROLES_METADATA, targets);
    if (!roles?.length) throw new ProblemException(problem(403, 'forbidden', 'This route declares no staff roles: nobody may call it.'));
    const request = context.switchToHttp().getRequest<StaffRequest>();
    const token = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) throw unauthorized('A staff bearer token is required (Authorization: Bearer <JWT>).');
    try {
      request.staff = await this.verifier.verify(token);
    } catch (error) {
      throw unauthorized(error instanceof StaffTokenRejected ? error.message : 'The token is not valid.');
    }
    if (!request.staff.hasRole(...roles)) {
      const detail = `This needs one of the roles: ${roles.join(', ')}.`;
      throw new ProblemException(problem(403, 'forbidden', detail, { errors: [{ field: 'roles', message: detail }] }));
    }
    return true;
  }
}

function unauthorized(detail: string): ProblemException {
  return new ProblemException(problem(401, 'unauthorized', detail), { 'www-authenticate': 'Bearer' });
}

/** The authenticated staff member of the request (set by StaffAuthGuard on routes with StaffRoles). */
export const Staff = createParamDecorator((_: unknown, ctx: ExecutionContext): StaffPrincipal => {
  const staff = ctx.switchToHttp().getRequest<StaffRequest>().staff;
  if (!staff) throw unauthorized('Not authenticated.');
  return staff;
});

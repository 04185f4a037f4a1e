import { CanActivate, createParamDecorator, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ProblemException, problem } from '@complaints/http';
import { verifySignedRequest } from '../../domain/request-signature';

export interface SignatureSettings {
  secrets: ReadonlyMap<string, readonly string[]>;
  toleranceSeconds: number;
  now: () => number;
}

export const SIGNATURE_SETTINGS = Symbol('SIGNATURE_SETTINGS');

type SignedFastifyRequest = FastifyRequest & { rawBody?: Buffer; callcenterId?: string };

/** Authenticates a call-centre push (HMAC over the raw body); refusals are 401 problems naming the failed check. */
@Injectable()
export class HotlineSignatureGuard implements CanActivate {
  constructor(@Inject(SIGNATURE_SETTINGS) private readonly settings: SignatureSettings) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<SignedFastifyRequest>();
    const verification = verifySignedRequest(
      {
        callcenterId: header(request, 'x-callcenter-id'),
        timestamp: header(request, 'x-timestamp'),
        signature: header(request, 'x-signature'),
        body: request.rawBody ?? Buffer.alloc(0),
      },
      this.settings.secrets,
      this.settings.now(),
      this.settings.toleranceSeconds,
    );
    if (!verification.ok) {
      const field = { 'callcenter-id': 'X-Callcenter-Id', timestamp: 'X-Timestamp', signature: 'X-Signature' }[verification.failed];
      throw new ProblemException(
        problem(401, `hotline-${verification.failed}`, verification.reason, { check: verification.failed, errors: [{ field, message: verification.reason }] }),
        { 'www-authenticate': 'HMAC-SHA256 realm="hotline"' },
      );
    }
    request.callcenterId = verification.callcenterId;
    return true;
  }
}

/** The call centre the guard authenticated. */
export const AuthenticatedCallcenter = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  return ctx.switchToHttp().getRequest<SignedFastifyRequest>().callcenterId!;
});

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

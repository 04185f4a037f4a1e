import { CanActivate, createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ProblemException, problem } from '@complaints/http';
import { SignatureVerifier, verifySignedRequest } from './request-signature';

/** What a service configures for one signed webhook: who may sign, the clock tolerance, the clock. */
export interface SignatureSettings {
  secrets: ReadonlyMap<string, readonly string[]>;
  toleranceSeconds: number;
  now: () => number;
}

/** How one webhook names things: its sender header, what a sender is, and its problem types. */
export interface SignedWebhook {
  /** e.g. `X-Callcenter-Id`. */
  senderHeader: string;
  /** e.g. `call centre`. */
  senderKind: string;
  /** Problem types are `<problemPrefix>-<check>`, e.g. `hotline-timestamp`. */
  problemPrefix: string;
  /** What the sender check is called in problems (`check`, and the type), e.g. `callcenter-id`. */
  senderCheck: string;
  /** `WWW-Authenticate: HMAC-SHA256 realm="<realm>"`. */
  realm: string;
}

type SignedFastifyRequest = FastifyRequest & { rawBody?: Buffer; signedBy?: string };

/**
 * Authenticates a signed webhook (HMAC over the raw body, see request-signature.ts): the service's
 * HTTP app must keep raw bodies (`rawBody: true`). Refusals are 401 problems naming the failed check
 * and its header; the authenticated sender is then available through {@link SignedBy}.
 * A service extends it with its settings and naming (e.g. the hotline's call-centre guard).
 */
export abstract class SignedRequestGuard implements CanActivate {
  private readonly verifier: SignatureVerifier;

  protected constructor(
    private readonly settings: SignatureSettings,
    private readonly webhook: SignedWebhook,
  ) {
    this.verifier = {
      secrets: settings.secrets,
      toleranceSeconds: settings.toleranceSeconds,
      senderHeader: webhook.senderHeader,
      senderKind: webhook.senderKind,
    };
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<SignedFastifyRequest>();
    const verification = verifySignedRequest(
      {
        senderId: header(request, this.webhook.senderHeader.toLowerCase()),
        timestamp: header(request, 'x-timestamp'),
        signature: header(request, 'x-signature'),
        body: request.rawBody ?? Buffer.alloc(0),
      },
      this.verifier,
      this.settings.now(),
    );
    if (!verification.ok) {
      const check = verification.failed === 'sender' ? this.webhook.senderCheck : verification.failed;
      const field = { sender: this.webhook.senderHeader, timestamp: 'X-Timestamp', signature: 'X-Signature' }[verification.failed];
      throw new ProblemException(
        problem(401, `${this.webhook.problemPrefix}-${check}`, verification.reason, {
          check,
          errors: [{ field, message: verification.reason }],
        }),
        { 'www-authenticate': `HMAC-SHA256 realm="${this.webhook.realm}"` },
      );
    }
    request.signedBy = verification.senderId;
    return true;
  }
}

/** The sender a {@link SignedRequestGuard} authenticated (call centre id, gateway id). */
export const SignedBy = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  return ctx.switchToHttp().getRequest<SignedFastifyRequest>().signedBy!;
});

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

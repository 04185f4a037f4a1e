import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ProblemException, problem } from '@complaints/http';
import { checkTimestamp, signatureMatches } from '../../domain/callback-signature';

export interface CallbackSecrets {
  wechatToken: string;
  weiboAppSecret: string;
  toleranceSeconds: number;
  now: () => number;
}

export const CALLBACK_SECRETS = Symbol('CALLBACK_SECRETS');

/** The first value of a query parameter (absent, or repeated, parameters read as their first value). */
export function queryValue(request: FastifyRequest, name: string): string | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
}

/**
 * Both platforms sign a callback in its query: `signature` = sha1 of the sorted secret, `timestamp`
 * and `nonce`. A timestamp outside the tolerance (a replay) or a wrong signature is a 401 problem.
 */
abstract class CallbackSignatureGuard implements CanActivate {
  protected abstract readonly realm: string;
  protected abstract secret(): string;

  constructor(@Inject(CALLBACK_SECRETS) protected readonly settings: CallbackSecrets) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const timestamp = queryValue(request, 'timestamp');
    const nonce = queryValue(request, 'nonce');
    const time = checkTimestamp(timestamp, this.settings.now(), this.settings.toleranceSeconds);
    if (!time.ok) throw refusal(this.realm, 'timestamp', time.reason);
    if (!nonce || nonce.length > 64) throw refusal(this.realm, 'nonce', 'nonce is required');
    if (!signatureMatches([this.secret(), timestamp!, nonce], queryValue(request, 'signature'))) {
      throw refusal(this.realm, 'signature', 'signature does not match');
    }
    return true;
  }
}

@Injectable()
export class WechatSignatureGuard extends CallbackSignatureGuard {
  protected readonly realm = 'wechat';
  protected secret(): string {
    return this.settings.wechatToken;
  }
}

@Injectable()
export class WeiboSignatureGuard extends CallbackSignatureGuard {
  protected readonly realm = 'weibo';
  protected secret(): string {
    return this.settings.weiboAppSecret;
  }
}

export function refusal(realm: string, check: string, reason: string): ProblemException {
  return new ProblemException(problem(401, `${realm}-${check}`, reason, { check, errors: [{ field: check, message: reason }] }));
}

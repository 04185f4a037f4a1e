import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { ProblemException, problem } from '@complaints/http';
import type { CustomerRequest } from './customer-token.guard';

/**
 * Rate limit per customer (the token's `sub`), not per address: many customers share a mobile
 * carrier's NAT, and one customer may switch networks. Runs after CustomerTokenGuard.
 */
@Injectable()
export class CustomerThrottlerGuard extends ThrottlerGuard {
  // ThrottlerGuard's hooks are async: these overrides keep its signatures, and a throw stays a rejected promise.
  // eslint-disable-next-line @typescript-eslint/require-await
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const { customerId, ip } = request as unknown as CustomerRequest;
    return customerId ? `customer:${customerId}` : `address:${ip}`;
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const retryAfter = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    throw new ProblemException(
      problem(429, 'rate-limited', `Too many requests: at most ${detail.limit} a minute per customer. Retry in ${retryAfter} s.`),
      { 'retry-after': String(retryAfter) },
    );
  }
}

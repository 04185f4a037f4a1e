import { ProblemException } from '@complaints/http';
import { BrokerUnavailableError } from '@complaints/messaging';
import { StoreUnavailableError } from '../idempotent-acceptance';
import { keyReusedProblem, optionalIdempotencyKey, requiredIdempotencyKey, unavailableOr } from './idempotency-key.problems';

const problemOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ProblemException) return { ...error.problem, headers: error.headers };
    throw error;
  }
  throw new Error('no problem thrown');
};

describe('Idempotency-Key at the HTTP edge', () => {
  it('takes 1 to 255 visible ASCII characters; an optional key may be absent, a required one not', () => {
    expect(optionalIdempotencyKey(undefined)).toBeUndefined();
    expect(optionalIdempotencyKey('0d6f-key!~')).toBe('0d6f-key!~');
    expect(requiredIdempotencyKey('k'.repeat(255))).toBe('k'.repeat(255));
    for (const bad of ['', 'has spaces', 'k'.repeat(256), '密钥']) {
      expect(problemOf(() => optionalIdempotencyKey(bad))).toMatchObject({
        status: 400,
        errors: [{ field: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' }],
      });
      expect(problemOf(() => requiredIdempotencyKey(bad))).toMatchObject({ status: 400, errors: [{ field: 'Idempotency-Key' }] });
    }
    expect(problemOf(() => requiredIdempotencyKey(undefined))).toMatchObject({
      status: 400,
      errors: [
        {
          field: 'Idempotency-Key',
          message: 'the Idempotency-Key header is required: 1 to 255 visible ASCII characters, the same on retries',
        },
      ],
    });
  });

  it('422 naming the key for a key reused with another request', () => {
    expect(keyReusedProblem('used before').problem).toMatchObject({
      status: 422,
      detail: 'used before',
      errors: [{ field: 'Idempotency-Key', message: 'used before' }],
    });
  });

  it('503 with Retry-After and the given words when Kafka or PostgreSQL did not answer; any other error as it is', () => {
    for (const down of [new BrokerUnavailableError('kafka'), new StoreUnavailableError('db')]) {
      const answer = unavailableOr(down, 'Please retry shortly.');
      expect(answer).toBeInstanceOf(ProblemException);
      expect((answer as ProblemException).problem).toMatchObject({ status: 503, detail: 'Please retry shortly.' });
      expect((answer as ProblemException).headers).toEqual({ 'retry-after': '5' });
    }
    const other = new Error('bug');
    expect(unavailableOr(other, 'x')).toBe(other);
  });
});

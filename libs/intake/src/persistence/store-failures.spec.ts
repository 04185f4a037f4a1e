import { QueryFailedError } from 'typeorm';
import { StoreUnavailableError } from '../idempotent-acceptance';
import { guarded, storeUnavailable, unavailableUnlessRefused } from './store-failures';

describe('store failures', () => {
  const refused = new QueryFailedError(
    'INSERT INTO submissions ...',
    [],
    Object.assign(new Error('unsupported Unicode escape sequence'), { code: '22P05' }),
  );
  const unreachable = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

  it('storeUnavailable: every database error is the store being unavailable, with its message', () => {
    for (const error of [refused, unreachable]) {
      const failure = storeUnavailable(error);
      expect(failure).toBeInstanceOf(StoreUnavailableError);
      expect(failure.message).toBe(error.message);
    }
    expect(storeUnavailable('timeout').message).toBe('timeout');
  });

  it('unavailableUnlessRefused: a statement PostgreSQL refused stays that error; an unreachable database is unavailable', () => {
    expect(unavailableUnlessRefused(refused)).toBe(refused);
    expect(unavailableUnlessRefused(unreachable)).toBeInstanceOf(StoreUnavailableError);
  });

  it('guarded passes results through and throws what the failure makes of an error', async () => {
    await expect(guarded(async () => 42, storeUnavailable)).resolves.toBe(42);
    await expect(guarded(() => Promise.reject(unreachable), storeUnavailable)).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(guarded(() => Promise.reject(refused), unavailableUnlessRefused)).rejects.toBe(refused);
  });
});

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

  it('unavailableUnlessRefused: a connection lost during the statement, or a server shutting down or starting up, is unavailable', () => {
    const failed = (message: string, code?: string) =>
      new QueryFailedError('INSERT INTO submissions ...', [], Object.assign(new Error(message), code ? { code } : {}));
    const lost = failed('Connection terminated unexpectedly');
    const shutdown = failed('terminating connection due to administrator command', '57P01');
    const startingUp = failed('the database system is starting up', '57P03');
    const tooMany = failed('sorry, too many clients already', '53300');
    for (const error of [lost, shutdown, startingUp, tooMany])
      expect(unavailableUnlessRefused(error)).toBeInstanceOf(StoreUnavailableError);
  });

  it('guarded passes results through and throws what the failure makes of an error', async () => {
    await expect(guarded(async () => 42, storeUnavailable)).resolves.toBe(42);
    await expect(guarded(() => Promise.reject(unreachable), storeUnavailable)).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(guarded(() => Promise.reject(refused), unavailableUnlessRefused)).rejects.toBe(refused);
  });
});

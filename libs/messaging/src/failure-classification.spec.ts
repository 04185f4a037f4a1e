import { DatabaseError } from 'pg';
import { LOG_SERIALIZERS } from '@complaints/observability';
import { QueryFailedError } from 'typeorm';
import { ContractViolation } from '@complaints/contracts';
import { PoisonMessageError, BrokerUnavailableError } from './errors';
import { classifyFailure, failureLogFields, givesUp, isPermanentFailure, unreadableFailure } from './failure-classification';

/** What node-postgres throws when PostgreSQL refuses a statement. */
function pgError(code: string, constraint?: string): DatabaseError {
  const error = new DatabaseError(`refused (${code})`, 100, 'error');
  error.code = code;
  error.severity = 'ERROR';
  if (constraint) error.constraint = constraint;
  return error;
}

/** What TypeORM throws around it (the query's parameters travel with it: never in a header or log). */
const queryFailed = (code: string, constraint?: string) =>
  new QueryFailedError('INSERT INTO t VALUES ($1)', ['secret text'], pgError(code, constraint));

describe('classifyFailure: the one classification every consumer uses', () => {
  it.each([
    ['a lone surrogate in jsonb (22P02)', '22P02', 'data-error'],
    ['a NUL in jsonb (22P05)', '22P05', 'data-error'],
    ['a NUL in text (22021)', '22021', 'data-error'],
    ['a value too long (22001)', '22001', 'data-error'],
    ['a numeric overflow (22003)', '22003', 'data-error'],
    ['a not-null violation (23502)', '23502', 'integrity-violation'],
    ['a foreign key violation (23503)', '23503', 'integrity-violation'],
    ['a check violation (23514)', '23514', 'integrity-violation'],
    ['an exclusion violation (23P01)', '23P01', 'integrity-violation'],
    ['a value too large to store (54000)', '54000', 'program-limit-exceeded'],
    ['a statement too complex (54001)', '54001', 'program-limit-exceeded'],
  ])('%s is permanent, with its SQLSTATE, from pg and from TypeORM', (_, code, reason) => {
    expect(classifyFailure(pgError(code))).toEqual({ disposition: 'permanent', reason, sqlState: code });
    expect(classifyFailure(queryFailed(code, 'some_constraint'))).toEqual({
      disposition: 'permanent',
      reason,
      sqlState: code,
      constraint: 'some_constraint',
    });
  });

  it.each([
    ['a serialization failure (40001)', '40001'],
    ['a deadlock (40P01)', '40P01'],
    ['a connection failure (08006)', '08006'],
    ['too many connections (53300)', '53300'],
    ['an administrator shutdown (57P01)', '57P01'],
    ['a statement timeout (57014)', '57014'],
    ['an undefined table (42P01, a deployment not migrated yet)', '42P01'],
  ])('%s stays transient', (_, code) => {
    expect(classifyFailure(queryFailed(code))).toMatchObject({ disposition: 'transient', sqlState: code });
    expect(isPermanentFailure(queryFailed(code))).toBe(false);
  });

  it('a unique violation is a conflict: retried, and dead-lettered only when it persists to the last attempt', () => {
    const failure = classifyFailure(queryFailed('23505', 'cases_reference_key'));
    expect(failure).toEqual({ disposition: 'conflict', reason: 'unique-violation', sqlState: '23505', constraint: 'cases_reference_key' });
    expect(isPermanentFailure(queryFailed('23505'))).toBe(false);
    expect(givesUp(failure, 1, 5)).toBe(false);
    expect(givesUp(failure, 4, 5)).toBe(false);
    expect(givesUp(failure, 5, 5)).toBe(true);
  });

  it('finds the database error behind a wrapper (an error whose cause it is)', () => {
    const wrapped = new Error('store unavailable', { cause: queryFailed('22P05') });
    expect(classifyFailure(wrapped)).toMatchObject({ disposition: 'permanent', sqlState: '22P05' });
    expect(classifyFailure(new Error('outer', { cause: new Error('inner', { cause: pgError('54000') }) }))).toMatchObject({
      disposition: 'permanent',
      sqlState: '54000',
    });
  });

  it('bad JSON, contract violations and errors that say they are permanent are permanent', () => {
    expect(classifyFailure(new SyntaxError('Unexpected end of JSON input'))).toEqual({ disposition: 'permanent', reason: 'invalid-json' });
    expect(classifyFailure(new ContractViolation('ComplaintReceivedV1', [{ field: 'complaint.reference', message: 'bad' }]))).toEqual({
      disposition: 'permanent',
      reason: 'contract-violation',
    });
    expect(classifyFailure(new PoisonMessageError('reference used by another complaint'))).toEqual({
      disposition: 'permanent',
      reason: 'rejected',
    });
    expect(givesUp(classifyFailure(new SyntaxError('x')), 1, 5)).toBe(true);
  });

  it.each([
    ['a Kafka outage', new BrokerUnavailableError(new Error('no acknowledgement'))],
    ['a network error', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['a code that looks like a SQLSTATE but is no database error', Object.assign(new Error('broken pipe'), { code: 'EPIPE' })],
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'x')")],
    ['something thrown that is not an Error', 'boom'],
    ['null', null],
  ])('%s stays transient (never skip a message for a failure that may pass)', (_, error) => {
    expect(classifyFailure(error).disposition).toBe('transient');
    expect(givesUp(classifyFailure(error), 5, 5)).toBe(false);
  });

  it("logs a database failure by its SQLSTATE and constraint, never with the query parameters (customers' text)", () => {
    const error = queryFailed('22P05', 'decisions_pkey');
    const fields = failureLogFields(error);
    expect(fields).toMatchObject({ err: error, reason: 'data-error', sqlState: '22P05', constraint: 'decisions_pkey' });
    const logged = JSON.stringify({ ...fields, err: LOG_SERIALIZERS.err(fields.err) });
    expect(logged).toContain('22P05');
    expect(logged).not.toContain('secret text');
    const other = new Error('socket hang up');
    expect(failureLogFields(other)).toEqual({ err: other, reason: 'transient' });
  });

  it('a message that cannot be read as its event is permanent whatever the parser threw', () => {
    expect(unreadableFailure(new SyntaxError('Unexpected token'))).toEqual({ disposition: 'permanent', reason: 'invalid-json' });
    expect(unreadableFailure(new RangeError('Maximum call stack size exceeded'))).toEqual({
      disposition: 'permanent',
      reason: 'unreadable',
    });
  });
});

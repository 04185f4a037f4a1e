import { QueryFailedError } from 'typeorm';
import { violatedUniqueConstraint } from './unique-violation';

describe('violatedUniqueConstraint', () => {
  it('names the unique constraint a failed query broke, from TypeORM or the driver', () => {
    const driverError = Object.assign(new Error('duplicate key'), { code: '23505', constraint: 'submissions_reference_uq' });
    expect(violatedUniqueConstraint(new QueryFailedError('INSERT', [], driverError))).toBe('submissions_reference_uq');
    expect(violatedUniqueConstraint(driverError)).toBe('submissions_reference_uq');
    expect(violatedUniqueConstraint({ code: '23505' })).toBe('');
  });

  it('is null for any other error', () => {
    expect(violatedUniqueConstraint(Object.assign(new Error('deadlock'), { code: '40P01' }))).toBeNull();
    expect(violatedUniqueConstraint(new Error('connection refused'))).toBeNull();
    expect(violatedUniqueConstraint(null)).toBeNull();
  });
});

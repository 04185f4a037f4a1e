import { CASE_STATUSES as CONTRACT_STATUSES } from '@complaints/contracts';
import { CASE_STATUSES } from './case-status';

describe('case statuses', () => {
  it('are the same list as the CaseEventV1 contract', () => {
    expect([...CASE_STATUSES].sort()).toEqual([...CONTRACT_STATUSES].sort());
  });
});

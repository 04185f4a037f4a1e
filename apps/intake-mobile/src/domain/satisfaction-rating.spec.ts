import { CASE_STATUSES } from '@complaints/contracts';
import { isRateable, ratingFingerprint } from './satisfaction-rating';

describe('rating a complaint', () => {
  it('is possible once the bank has answered: responded, resolved or closed', () => {
    expect(CASE_STATUSES.filter(isRateable)).toEqual(['RESPONDED', 'RESOLVED', 'CLOSED']);
  });

  it('fingerprints the request by reference, score and comment', () => {
    const base = ratingFingerprint('C20261129-M00001', { score: 4, comment: 'ok' });
    expect(ratingFingerprint('C20261129-M00001', { score: 4, comment: 'ok' })).toBe(base);
    expect(ratingFingerprint('C20261129-M00001', { score: 5, comment: 'ok' })).not.toBe(base);
    expect(ratingFingerprint('C20261129-M00001', { score: 4 })).not.toBe(base);
    expect(ratingFingerprint('C20261129-M00002', { score: 4, comment: 'ok' })).not.toBe(base);
  });
});

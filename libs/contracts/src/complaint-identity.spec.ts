import { complaintIdFor, newReference } from './complaint-identity';
import { REFERENCE_PATTERN } from './complaint-reference';

describe('complaint identity', () => {
  it('derives the same id for a re-delivered message and different ids otherwise', () => {
    expect(complaintIdFor('hotline', 'cc-demo', 'call-1')).toBe(complaintIdFor('hotline', 'cc-demo', 'call-1'));
    expect(complaintIdFor('hotline', 'cc-demo', 'call-1')).not.toBe(complaintIdFor('hotline', 'cc-other', 'call-1'));
    expect(complaintIdFor('web', 'web-form')).not.toBe(complaintIdFor('web', 'web-form'));
  });

  it('formats references as C + Shanghai date + channel mark + 5 Crockford characters', () => {
    // 2026-11-29T17:00Z is already 30 November in Shanghai.
    const reference = newReference('wechat', new Date('2026-11-29T17:00:00Z'), () => 31);
    expect(reference).toBe('C20261130-XZZZZZ');
    expect(reference).toMatch(REFERENCE_PATTERN);
    expect(newReference('web', new Date())).toMatch(/^C\d{8}-W[0-9A-HJKMNP-TV-Z]{5}$/);
  });
});

import { toE164 } from './phone-number';

describe('toE164', () => {
  it.each([
    ['13800138000', '+8613800138000'],
    ['+86 138 0013 8000', '+8613800138000'],
    ['0086-138-0013-8000', '+8613800138000'],
    ['010-12345678', '+861012345678'],
    ['(021) 6123 4567', '+862161234567'],
    ['+1 415 555 2671', '+14155552671'],
  ])('normalises %s to %s', (raw, e164) => {
    expect(toE164(raw)).toBe(e164);
  });

  it('reads numbers without a country code in the configured country', () => {
    expect(toE164('(415) 555-2671', 'US')).toBe('+14155552671');
  });

  it.each(['95588', '12345', 'anonymous', ''])('refuses %p', (raw) => {
    expect(toE164(raw)).toBeNull();
  });
});

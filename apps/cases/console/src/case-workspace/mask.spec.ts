import { describe, expect, it } from '@jest/globals';
import { maskKeepingEnd } from './mask';

describe('maskKeepingEnd', () => {
  it('shows only the last four characters', () => {
    expect(maskKeepingEnd('CUST-000123')).toBe('*******0123');
    expect(maskKeepingEnd('12345')).toBe('*2345');
  });

  it('hides at most eight characters, so a long id does not give its length away', () => {
    expect(maskKeepingEnd('oXyZ-0123456789abcdef-user-42')).toBe('********r-42');
  });

  it('masks short values all but their last character', () => {
    expect(maskKeepingEnd('1234')).toBe('***4');
    expect(maskKeepingEnd('ab')).toBe('*b');
    expect(maskKeepingEnd('a')).toBe('*');
    expect(maskKeepingEnd('')).toBe('');
  });

  it('keeps as many characters as asked', () => {
    expect(maskKeepingEnd('abcdefgh', 2)).toBe('******gh');
  });
});

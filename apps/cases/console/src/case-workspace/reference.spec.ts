import { describe, expect, it } from '@jest/globals';
import { normaliseReference } from './reference';

describe('normaliseReference', () => {
  it('trims and upper-cases a reference', () => {
    expect(normaliseReference('  c20261129-ab12cd \n')).toEqual({ ok: true, reference: 'C20261129-AB12CD' });
    expect(normaliseReference('C20261129-7KM9PQ')).toEqual({ ok: true, reference: 'C20261129-7KM9PQ' });
  });

  it('says when nothing was typed', () => {
    expect(normaliseReference('')).toEqual({ ok: false, problem: 'empty' });
    expect(normaliseReference('   ')).toEqual({ ok: false, problem: 'empty' });
  });

  it('refuses what does not have the references format', () => {
    for (const typed of [
      'C2026112-AB12CD',
      'C20261129AB12CD',
      'C20261129-AB12C',
      'C20261129-AB12CDE',
      'D20261129-AB12CD',
      'C20261129-AB12CI',
      'C20261129-AB12CU',
      'C20261129 AB12CD',
      'C20261129-AB 2CD',
    ]) {
      expect(normaliseReference(typed)).toEqual({ ok: false, problem: 'malformed' });
    }
  });
});

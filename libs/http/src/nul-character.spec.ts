import { nulCharacterPath } from './nul-character';

describe('nulCharacterPath', () => {
  it('names the first string holding U+0000, array items by index', () => {
    expect(nulCharacterPath({ text: 'ok', customer: { name: 'Zhang\u0000San' } })).toBe('customer.name');
    expect(nulCharacterPath({ calls: [{ transcript: 'fine' }, { transcript: 'a\u0000b' }] })).toBe('calls.1.transcript');
    expect(nulCharacterPath({ ['bad\u0000key']: 1 })).toBe('bad\u0000key');
    expect(nulCharacterPath('\u0000', 'reference')).toBe('reference');
    expect(nulCharacterPath('\u0000')).toBe('body');
  });

  it('finds nothing in clean values, other control characters included', () => {
    expect(nulCharacterPath({ text: '第一行\n第二行\t', n: 3, ok: true, none: null, list: ['a', { b: 'c' }] })).toBeUndefined();
    expect(nulCharacterPath(undefined)).toBeUndefined();
  });
});

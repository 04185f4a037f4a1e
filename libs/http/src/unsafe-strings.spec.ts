import { unsafeStringIn } from './unsafe-strings';

describe('unsafeStringIn', () => {
  it('names the first string holding U+0000, array items by index', () => {
    expect(unsafeStringIn({ text: 'ok', customer: { name: 'Zhang\u0000San' } })?.field).toBe('customer.name');
    expect(unsafeStringIn({ calls: [{ transcript: 'fine' }, { transcript: 'a\u0000b' }] })?.field).toBe('calls.1.transcript');
    expect(unsafeStringIn('\u0000', 'reference')?.field).toBe('reference');
    expect(unsafeStringIn('\u0000')).toEqual({ field: 'body', message: 'must not contain NUL characters (U+0000)' });
  });

  it('names lone UTF-16 surrogates, high or low, and keeps well-formed pairs', () => {
    expect(unsafeStringIn({ comment: 'bad \ud800 text' })).toEqual({ field: 'comment', message: expect.stringContaining('valid Unicode') });
    expect(unsafeStringIn({ a: ['ok', 'x\udc00'] })?.field).toBe('a.1');
    expect(unsafeStringIn({ text: 'emoji 😀 cut \ud83d' })?.field).toBe('text');
    expect(unsafeStringIn({ text: 'emoji 😀 whole', name: '张三' })).toBeUndefined();
  });

  it('checks object keys too', () => {
    expect(unsafeStringIn({ ['bad\u0000key']: 1 })?.field).toBe('bad\u0000key');
    expect(unsafeStringIn({ outer: { ['k\ud800']: 'v' } })).toEqual({
      field: 'outer.k\ud800',
      message: expect.stringContaining('field names must be valid Unicode'),
    });
  });

  it('names the first bad field in document order', () => {
    expect(unsafeStringIn({ a: { b: 'x\u0000' }, c: '\u0000' })?.field).toBe('a.b');
  });

  it('finds nothing in clean values, other control characters included', () => {
    expect(unsafeStringIn({ text: '第一行\n第二行\t', n: 3, ok: true, none: null, list: ['a', { b: 'c' }] })).toBeUndefined();
    expect(unsafeStringIn(undefined)).toBeUndefined();
  });

  it('walks a 100,000-deep array without overflowing the stack', () => {
    let deep: unknown = '\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unsafeStringIn(deep)?.field).toMatch(/^0(\.0)+$/);
  });
});

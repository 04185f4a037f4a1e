import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from './json-depth';

describe('jsonNestsDeeperThan', () => {
  it('counts nested arrays and objects, in text and in UTF-8 bytes', () => {
    expect(jsonNestsDeeperThan('[[[1]]]', 3)).toBe(false);
    expect(jsonNestsDeeperThan('[[[[1]]]]', 3)).toBe(true);
    expect(jsonNestsDeeperThan(Buffer.from('{"a":{"b":{"c":{"d":"投诉"}}}}'), 3)).toBe(true);
    expect(jsonNestsDeeperThan(Buffer.from('{"a":{"b":{"c":"投诉"}}}'), 3)).toBe(false);
  });

  it('measures depth, not the number of containers', () => {
    expect(jsonNestsDeeperThan(JSON.stringify({ calls: Array.from({ length: 500 }, () => ({ t: [{ a: 1 }] })) }), 5)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonNestsDeeperThan(JSON.stringify({ text: '[[[[[[{{{{{' }), 2)).toBe(false);
    expect(jsonNestsDeeperThan(JSON.stringify({ text: 'say \\"[[[[ and "{{{{"' }), 2)).toBe(false);
  });

  it('finds a 100,000-deep array at once', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const started = performance.now();
    expect(jsonNestsDeeperThan(deep, MAX_JSON_DEPTH)).toBe(true);
    expect(performance.now() - started).toBeLessThan(50);
  });
});

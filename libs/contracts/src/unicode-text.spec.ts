import fc from 'fast-check';
import { Equals, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { ContractViolation, parseContract } from './validation';
import { illFormedTextPath, isWellFormedText, truncateText } from './unicode-text';

const EMOJI = '\u{1F600}'; // 😀, two UTF-16 units

describe('truncateText', () => {
  it('never cuts an emoji in half: the cut falls before it', () => {
    const text = `${'a'.repeat(19_999)}${EMOJI}tail`;
    expect(text.slice(0, 20_000).endsWith('\ud83d')).toBe(true); // what `.slice` did
    const cut = truncateText(text, 20_000);
    expect(cut).toBe(`${'a'.repeat(19_999)}${EMOJI}`);
    expect(isWellFormedText(cut)).toBe(true);
    expect(truncateText(`ab${EMOJI}`, 2)).toBe('ab');
    expect(truncateText(`${EMOJI}${EMOJI}${EMOJI}`, 2)).toBe(`${EMOJI}${EMOJI}`);
  });

  it('leaves text within the limit as it is (also when its UTF-16 length is over it)', () => {
    expect(truncateText('short', 10)).toBe('short');
    expect(truncateText(EMOJI.repeat(10), 10)).toBe(EMOJI.repeat(10));
    expect(truncateText('', 0)).toBe('');
    expect(truncateText('abc', 0)).toBe('');
  });

  it('property: the result is a prefix of at most n code points, well-formed when the input is, and the longest such prefix', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.nat(70), (text, n) => {
        const cut = truncateText(text, n);
        const points = Array.from(text);
        expect(text.startsWith(cut)).toBe(true);
        expect(Array.from(cut).length).toBeLessThanOrEqual(n);
        expect(cut).toBe(points.slice(0, n).join(''));
        expect(isWellFormedText(cut)).toBe(true);
      }),
    );
  });
});

describe('well-formed Unicode in contracts', () => {
  it('finds the lone surrogate and names where it is', () => {
    expect(illFormedTextPath({ a: 'fine', b: { c: ['ok', 'bad\ud800'] } })).toBe('b.c.1');
    expect(illFormedTextPath({ survey: { comment: 'x\udc00y' } })).toBe('survey.comment');
    expect(illFormedTextPath({ ['key\ud800']: 'value' })).toBe('$');
    expect(illFormedTextPath('\ud83d')).toBe('$');
    expect(illFormedTextPath({ text: `emoji ${EMOJI} and 汉字`, n: 1, nothing: null })).toBeNull();
  });

  it('walks deeply nested values without overflowing the stack', () => {
    let deep: unknown = 'bottom\ud800';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(illFormedTextPath(deep)).toMatch(/^0(\.0)*$/);
  });

  class Comment {
    @Equals('v1') version: string;
    @IsString() @MaxLength(10) text: string;
  }
  class Envelope {
    @ValidateNested() @Type(() => Comment) comment: Comment;
  }

  it('parseContract refuses a lone surrogate as a contract violation naming the field', () => {
    expect(() => parseContract(Envelope, { comment: { version: 'v1', text: 'half \ud83d' } })).toThrow(ContractViolation);
    try {
      parseContract(Envelope, { comment: { version: 'v1', text: 'half \ud83d' } });
    } catch (error) {
      expect((error as ContractViolation).errors).toEqual([{ field: 'comment.text', message: expect.stringContaining('well-formed') }]);
    }
    expect(parseContract(Envelope, { comment: { version: 'v1', text: `${EMOJI}${EMOJI}` } }).comment.text).toBe(`${EMOJI}${EMOJI}`);
  });

  it('a text cut by truncateText always fits the @MaxLength of the same number', () => {
    const text = truncateText(`${EMOJI.repeat(8)}abcdef`, 10);
    expect(parseContract(Envelope, { comment: { version: 'v1', text } }).comment.text).toBe(`${EMOJI.repeat(8)}ab`);
  });
});

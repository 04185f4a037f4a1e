import { publishCount, publishShare, suppressCells } from './small-cell-suppression';

describe('small-cell suppression', () => {
  it('withholds every count from 1 to 4 and drops empty cells', () => {
    expect(suppressCells({ A: 12, B: 4, C: 3, D: 0, E: 5 })).toEqual({
      A: { count: 12, suppressed: false },
      B: { count: null, suppressed: true, reason: 'fewer-than-5' },
      C: { count: null, suppressed: true, reason: 'fewer-than-5' },
      E: { count: 5, suppressed: false },
    });
  });

  it('withholds the next smallest cell too when only one was withheld, so it cannot be worked out from the total', () => {
    expect(suppressCells({ A: 20, B: 2, C: 7, D: 9 })).toEqual({
      A: { count: 20, suppressed: false },
      B: { count: null, suppressed: true, reason: 'fewer-than-5' },
      C: { count: null, suppressed: true, reason: 'protects-another-cell' },
      D: { count: 9, suppressed: false },
    });
  });

  it('leaves a breakdown without small cells alone', () => {
    expect(suppressCells({ A: 5, B: 6 })).toEqual({ A: { count: 5, suppressed: false }, B: { count: 6, suppressed: false } });
  });

  it('withholds small totals and shares of small groups', () => {
    expect(publishCount(3)).toEqual({ count: null, suppressed: true, reason: 'fewer-than-5' });
    expect(publishCount(0)).toEqual({ count: 0, suppressed: false });
    expect(publishCount(5)).toEqual({ count: 5, suppressed: false });
    expect(publishShare(2, 4)).toEqual({ value: null, suppressed: true });
    expect(publishShare(3, 6)).toEqual({ value: 0.5, suppressed: false });
    expect(publishShare(0, 0)).toEqual({ value: null, suppressed: false });
  });
});

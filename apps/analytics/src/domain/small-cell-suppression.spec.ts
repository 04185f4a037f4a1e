import { knownTotal, publishCount, publishShare, suppressCells } from './small-cell-suppression';

const shown = (count: number) => ({ count, suppressed: false });
const small = { count: null, suppressed: true, reason: 'fewer-than-5' };
const secondary = { count: null, suppressed: true, reason: 'protects-another-cell' };

describe('small-cell suppression', () => {
  it('withholds every count from 1 to 4 and drops empty cells', () => {
    expect(suppressCells({ A: 12, B: 4, C: 3, D: 0, E: 5 }, [24, 24])).toEqual({
      cells: { A: shown(12), B: small, C: small, E: shown(5) },
      withheld: false,
    });
  });

  it('withholds the next smallest cell too when only one was withheld, so it cannot be worked out from the total', () => {
    expect(suppressCells({ A: 20, B: 2, C: 7, D: 9 }, [38, 38])).toEqual({
      cells: { A: shown(20), B: small, C: secondary, D: shown(9) },
      withheld: false,
    });
  });

  it('withholds more while the reasons and the total still pin a withheld cell down', () => {
    // 12 - 6 = 6 withheld, of which 1-4 and at least 5: the 1 would come out. All three go.
    expect(suppressCells({ CREDIT_CARD: 6, DEPOSIT: 5, LOAN: 1 }, [12, 12])).toEqual({
      cells: { CREDIT_CARD: secondary, DEPOSIT: secondary, LOAN: small },
      withheld: false,
    });
    // A secondary cell of 5 with another published 5 beside it is known to be 5 (it is the smallest): both go.
    expect(suppressCells({ A: 20, B: 2, C: 5, D: 5 }, [32, 32])).toEqual({
      cells: { A: shown(20), B: small, C: secondary, D: secondary },
      withheld: false,
    });
  });

  it('withholds a breakdown whole when even all its cells withheld would give one away', () => {
    expect(suppressCells({ A: 4, B: 4 }, [8, 8])).toEqual({ cells: {}, withheld: true });
    expect(suppressCells({ A: 1, B: 5 }, [6, 6])).toEqual({ cells: {}, withheld: true });
    expect(suppressCells({ A: 1, B: 1, C: 1, D: 1, E: 1 }, [5, 5])).toEqual({ cells: {}, withheld: true });
  });

  it('takes a withheld total as 1-4 and at least the number of cells listed', () => {
    expect(knownTotal(3, [1, 2])).toEqual([2, 4]);
    expect(knownTotal(12, [3])).toEqual([12, 12]);
    // Three complaints of one kind: 1-4, not more.
    expect(suppressCells({ A: 3 }, knownTotal(3, [1]))).toEqual({ cells: { A: small }, withheld: false });
    // Four cells of a total under 5 are four 1s, and one cell beside them in another breakdown is 4.
    expect(suppressCells({ A: 1, B: 1, C: 1, D: 1 }, knownTotal(4, [4, 1]))).toEqual({ cells: {}, withheld: true });
    expect(suppressCells({ A: 4 }, knownTotal(4, [4, 1]))).toEqual({ cells: {}, withheld: true });
  });

  it('needs no second cell when the cells add up to nothing published', () => {
    expect(suppressCells({ A: 3, B: 9 })).toEqual({ cells: { A: small, B: shown(9) }, withheld: false });
  });

  it('leaves a breakdown without small cells alone', () => {
    expect(suppressCells({ A: 5, B: 6 }, [11, 11])).toEqual({ cells: { A: shown(5), B: shown(6) }, withheld: false });
  });

  it('withholds small totals and shares of small groups', () => {
    expect(publishCount(3)).toEqual(small);
    expect(publishCount(0)).toEqual(shown(0));
    expect(publishCount(5)).toEqual(shown(5));
    expect(publishShare(2, 4)).toEqual({ value: null, suppressed: true });
    expect(publishShare(3, 6)).toEqual({ value: 0.5, suppressed: false });
    expect(publishShare(0, 0)).toEqual({ value: null, suppressed: false });
  });
});

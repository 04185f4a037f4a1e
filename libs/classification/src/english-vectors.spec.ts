import { decodeEnglishVectors, encodeEnglishVectors } from './english-vectors.codec';
import { englishVectors, meanEnglishVector } from './english-vectors';

const cosine = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return dot / Math.sqrt(na * nb);
};

describe('English word vectors', () => {
  it('round-trips vectors through int8 with a scale per word, within 1% of the largest component', () => {
    const decoded = decodeEnglishVectors(encodeEnglishVectors('test', [{ word: 'fee', vector: [0.5, -1.27, 0.01] }, { word: 'loan', vector: [2, 0, -2] }]));
    expect(Array.from(decoded.vectorOf('fee')!).map((x) => Math.round(x * 100) / 100)).toEqual([0.5, -1.27, 0.01]);
    expect(Array.from(decoded.vectorOf('loan')!)).toEqual([2, 0, -2]);
    expect(decoded.vectorOf('card')).toBeUndefined();
  });

  it('places words of one product near each other', () => {
    const v = (w: string) => englishVectors().vectorOf(w)!;
    expect(cosine(v('mortgage'), v('loan'))).toBeGreaterThan(cosine(v('mortgage'), v('overdraft')));
    expect(cosine(v('experian'), v('equifax'))).toBeGreaterThan(0.7);
  });

  it('averages the content words it knows, and has nothing for text without any', () => {
    const mean = meanEnglishVector('The mortgage, the MORTGAGE and xyzzyqq!')!;
    expect(cosine(mean, englishVectors().vectorOf('mortgage')!)).toBeCloseTo(1, 5);
    expect(meanEnglishVector('信用卡被盗刷')).toBeNull();
    expect(meanEnglishVector('the and of')).toBeNull();
  });
});

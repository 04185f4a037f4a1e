import { predictProbabilities } from '../softmax-model';
import { TrainingExample, trainSoftmax } from './train-softmax';

const OPTIONS = { epochs: 200, learningRate: 0.1, l2: 1e-4 };

// Feature 0 means "a", feature 1 means "b", feature 2 is noise present everywhere.
const examples: TrainingExample[] = [
  ...Array.from({ length: 10 }, () => ({ featureIndexes: [0, 2], allowed: [0], value: 1 })),
  ...Array.from({ length: 10 }, () => ({ featureIndexes: [1, 2], allowed: [1], value: 1 })),
];

describe('trainSoftmax', () => {
  it('learns separable classes and returns probabilities that sum to one', () => {
    const model = trainSoftmax(['a', 'b', 'c'], 3, examples, OPTIONS);
    const pa = predictProbabilities(model, [0, 2]);
    expect(pa[0]).toBeGreaterThan(0.8);
    expect(pa.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 6);
    expect(predictProbabilities(model, [1, 2])[1]).toBeGreaterThan(0.8);
  });

  it('is deterministic', () => {
    const first = trainSoftmax(['a', 'b', 'c'], 3, examples, OPTIONS);
    const second = trainSoftmax(['a', 'b', 'c'], 3, examples, OPTIONS);
    expect(Array.from(second.weights)).toEqual(Array.from(first.weights));
    expect(second.bias).toEqual(first.bias);
  });

  it('learns from partial labels: "anything but c" moves mass away from c only', () => {
    const partial: TrainingExample[] = Array.from({ length: 20 }, () => ({ featureIndexes: [0], allowed: [0, 1], value: 1 }));
    const model = trainSoftmax(['a', 'b', 'c'], 1, partial, OPTIONS);
    const [a, b, c] = predictProbabilities(model, [0]);
    expect(c).toBeLessThan(0.1);
    expect(Math.abs(a - b)).toBeLessThan(0.05);
  });
});

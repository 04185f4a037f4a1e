import modelFile from './routing-model.json';
import { decodeRoutingModel, encodeWeights, MODEL_AXES, routingModel } from './routing-model';
import { CLASSIFIER_VERSION } from './classify-complaint';
import { readDataset, TRAINING_FILES } from './training/routing-dataset';

describe('the committed routing model', () => {
  const model = routingModel();

  it('loads every axis with weights for every feature', () => {
    expect(model.featureIndex.size).toBeGreaterThan(1000);
    for (const axis of MODEL_AXES) {
      const { labels, weights, bias } = model.axes[axis];
      expect(weights.length).toBe(model.featureIndex.size * labels.length);
      expect(bias).toHaveLength(labels.length);
      expect(Array.from(weights).every(Number.isFinite)).toBe(true);
    }
  });

  it('was trained by the current code on the current training files (run `npm run train:routing` after changing them)', () => {
    expect(model.classifierVersion).toBe(CLASSIFIER_VERSION);
    expect(modelFile.trainedOn).toEqual(Object.fromEntries(TRAINING_FILES.map((f) => [f, readDataset(f).length])));
  });

  it('round-trips float32 weights through base64', () => {
    const weights = Float32Array.from([0.5, -1.25, 3e-5, 0]);
    const decoded = decodeRoutingModel({
      classifierVersion: 'x',
      trainedOn: {},
      lengthNorm: 40,
      features: ['a', 'b'],
      axes: Object.fromEntries(
        MODEL_AXES.map((axis) => [axis, { labels: ['p', 'q'], bias: [0, 0], weights: encodeWeights(weights) }]),
      ) as never,
    });
    expect(Array.from(decoded.axes.product.weights)).toEqual(Array.from(weights));
    expect(decoded.featureIndex.get('b')).toBe(1);
  });
});

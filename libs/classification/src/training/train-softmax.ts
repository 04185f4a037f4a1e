import { SoftmaxModel, softmax } from '../softmax-model';

export interface TrainingExample {
  featureIndexes: number[];
  /**
   * The labels the example may have: one for a fully labeled example, several for a partial label
   * (e.g. a CFPB complaint not filed under debt collection: any reason but DEBT_COLLECTION).
   */
  allowed: number[];
  weight?: number;
  /** The value of each present feature (see featureValue). */
  value: number;
}

export interface TrainingOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty on the feature weights (not the biases). */
  l2: number;
}

/**
 * Full-batch Adam on the (partial-label) negative log-likelihood, -log sum_{k in allowed} p_k, plus
 * L2. No randomness: the same examples in the same order give the same model, bit for bit.
 */
export function trainSoftmax(labels: string[], featureCount: number, examples: TrainingExample[], options: TrainingOptions): SoftmaxModel {
  const k = labels.length;
  const weights = new Float64Array(featureCount * k);
  const bias = new Float64Array(k);
  const adam = {
    mw: new Float64Array(weights.length),
    vw: new Float64Array(weights.length),
    mb: new Float64Array(k),
    vb: new Float64Array(k),
  };
  const totalWeight = examples.reduce((sum, e) => sum + (e.weight ?? 1), 0);
  const [beta1, beta2, eps] = [0.9, 0.999, 1e-8];

  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    const gw = new Float64Array(weights.length);
    const gb = new Float64Array(k);
    for (const example of examples) {
      const logits = Array.from(bias);
      for (const f of example.featureIndexes) for (let c = 0; c < k; c++) logits[c] += example.value * weights[f * k + c];
      const p = softmax(logits);
      const allowedMass = example.allowed.reduce((sum, c) => sum + p[c], 0);
      const scale = (example.weight ?? 1) / totalWeight;
      for (let c = 0; c < k; c++) {
        const target = example.allowed.includes(c) ? p[c] / allowedMass : 0;
        const g = (p[c] - target) * scale;
        gb[c] += g;
        for (const f of example.featureIndexes) gw[f * k + c] += g * example.value;
      }
    }
    for (let i = 0; i < weights.length; i++) gw[i] += options.l2 * weights[i];
    const correction1 = 1 - beta1 ** epoch;
    const correction2 = 1 - beta2 ** epoch;
    const step = (params: Float64Array, grads: Float64Array, m: Float64Array, v: Float64Array) => {
      for (let i = 0; i < params.length; i++) {
        m[i] = beta1 * m[i] + (1 - beta1) * grads[i];
        v[i] = beta2 * v[i] + (1 - beta2) * grads[i] * grads[i];
        params[i] -= (options.learningRate * (m[i] / correction1)) / (Math.sqrt(v[i] / correction2) + eps);
      }
    };
    step(weights, gw, adam.mw, adam.vw);
    step(bias, gb, adam.mb, adam.vb);
  }
  return { labels, bias: Array.from(bias), weights: Float32Array.from(weights) };
}

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
  const adam = new Adam(weights, bias, options.learningRate);
  const totalWeight = examples.reduce((sum, e) => sum + (e.weight ?? 1), 0);

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
    adam.step(epoch, gw, gb);
  }
  return { labels, bias: Array.from(bias), weights: Float32Array.from(weights) };
}

export interface VectorExample {
  vector: ArrayLike<number>;
  label: number;
}

/**
 * The same softmax regression over a dense input vector (e.g. a complaint's mean word vector):
 * full-batch Adam on the negative log-likelihood plus L2; deterministic.
 */
export function trainVectorSoftmax(labels: string[], dimensions: number, examples: VectorExample[], options: TrainingOptions): SoftmaxModel {
  const k = labels.length;
  const weights = new Float64Array(dimensions * k);
  const bias = new Float64Array(k);
  const adam = new Adam(weights, bias, options.learningRate);
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    const gw = new Float64Array(weights.length);
    const gb = new Float64Array(k);
    for (const { vector, label } of examples) {
      const logits = Array.from(bias);
      for (let d = 0; d < dimensions; d++) for (let c = 0; c < k; c++) logits[c] += vector[d] * weights[d * k + c];
      const p = softmax(logits);
      for (let c = 0; c < k; c++) {
        const g = (p[c] - (c === label ? 1 : 0)) / examples.length;
        gb[c] += g;
        for (let d = 0; d < dimensions; d++) gw[d * k + c] += g * vector[d];
      }
    }
    for (let i = 0; i < weights.length; i++) gw[i] += options.l2 * weights[i];
    adam.step(epoch, gw, gb);
  }
  return { labels, bias: Array.from(bias), weights: Float32Array.from(weights) };
}

/** Adam updates of the weights and biases in place. */
class Adam {
  private readonly moments: { m: Float64Array; v: Float64Array }[];

  constructor(
    private readonly weights: Float64Array,
    private readonly bias: Float64Array,
    private readonly learningRate: number,
    private readonly beta1 = 0.9,
    private readonly beta2 = 0.999,
    private readonly eps = 1e-8,
  ) {
    this.moments = [weights, bias].map((p) => ({ m: new Float64Array(p.length), v: new Float64Array(p.length) }));
  }

  step(epoch: number, weightGradients: Float64Array, biasGradients: Float64Array): void {
    const correction1 = 1 - this.beta1 ** epoch;
    const correction2 = 1 - this.beta2 ** epoch;
    [this.weights, this.bias].forEach((params, j) => {
      const grads = j === 0 ? weightGradients : biasGradients;
      const { m, v } = this.moments[j];
      for (let i = 0; i < params.length; i++) {
        m[i] = this.beta1 * m[i] + (1 - this.beta1) * grads[i];
        v[i] = this.beta2 * v[i] + (1 - this.beta2) * grads[i] * grads[i];
        params[i] -= (this.learningRate * (m[i] / correction1)) / (Math.sqrt(v[i] / correction2) + this.eps);
      }
    });
  }
}

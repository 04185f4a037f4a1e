/**
 * A multinomial logistic regression (softmax) over binary features: one weight per feature and
 * class plus a bias per class. The posterior it returns is the decision's confidence.
 */
export interface SoftmaxModel {
  labels: string[];
  bias: number[];
  /** feature index -> weights per label (feature-major: weights[f * labels.length + k]). */
  weights: Float32Array;
}

export interface Scored {
  label: string;
  probability: number;
}

/** Posterior over the labels for the given feature indexes (binary features, each counted once). */
export function predictProbabilities(model: SoftmaxModel, featureIndexes: readonly number[]): number[] {
  const k = model.labels.length;
  const logits = model.bias.slice();
  for (const f of featureIndexes) {
    const offset = f * k;
    for (let c = 0; c < k; c++) logits[c] += model.weights[offset + c];
  }
  return softmax(logits);
}

export function softmax(logits: number[]): number[] {
  const max = Math.max(...logits);
  const exps = logits.map((z) => Math.exp(z - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/** Labels with their probabilities, most probable first (ties: label order). */
export function ranked(model: SoftmaxModel, probabilities: readonly number[]): Scored[] {
  return model.labels
    .map((label, i) => ({ label, probability: probabilities[i] }))
    .sort((a, b) => b.probability - a.probability || model.labels.indexOf(a.label) - model.labels.indexOf(b.label));
}

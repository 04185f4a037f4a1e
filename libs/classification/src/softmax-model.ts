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

/**
 * Posterior over the labels for the given feature indexes: binary features, each counted once and
 * scaled by `value` (see featureValue), so long complaints do not swamp the model with evidence.
 */
export function predictProbabilities(model: SoftmaxModel, featureIndexes: readonly number[], value = 1): number[] {
  const k = model.labels.length;
  const logits = model.bias.slice();
  for (const f of featureIndexes) {
    const offset = f * k;
    for (let c = 0; c < k; c++) logits[c] += value * model.weights[offset + c];
  }
  return softmax(logits);
}

/** The value of each present feature: 1 up to `lengthNorm` features, then shrinking as 1/sqrt(n). */
export function featureValue(featureCount: number, lengthNorm: number): number {
  return featureCount <= lengthNorm ? 1 : Math.sqrt(lengthNorm / featureCount);
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

import { PRODUCTS, REASONS, SERVICE_POINTS } from '@complaints/contracts';
import { CLASSIFIER_VERSION } from '../classify-complaint';
import { encodeWeights, MODEL_AXES, ModelAxis, RoutingModelFile } from '../routing-model';
import { extractFeatures } from '../text-features';
import { customerText, LabeledComplaint, reasonOf } from './routing-dataset';
import { featureValue } from '../softmax-model';
import { TrainingExample, TrainingOptions, trainSoftmax } from './train-softmax';

export interface BuildOptions extends TrainingOptions {
  /** A token or n-gram must occur in at least this many training complaints (lexicon features always count). */
  minDocumentFrequency: number;
  classifierVersion: string;
  /** Feature count above which each feature's value shrinks as 1/sqrt(n) (see featureValue). */
  lengthNorm: number;
}

export const DEFAULT_BUILD_OPTIONS: BuildOptions = {
  epochs: 250,
  learningRate: 0.05,
  l2: 1e-3,
  minDocumentFrequency: 2,
  classifierVersion: CLASSIFIER_VERSION,
  lengthNorm: 40,
};

const AXIS_LABELS: Record<ModelAxis, readonly string[]> = {
  product: PRODUCTS,
  reason: REASONS,
  servicePoint: SERVICE_POINTS,
  escalation: ['false', 'true'],
  vulnerable: ['false', 'true'],
  debtCollection: ['false', 'true'],
};

/** Trains every axis on the labeled complaints and returns the model file. Deterministic. */
export function buildRoutingModel(
  training: Record<string, LabeledComplaint[]>,
  options: BuildOptions = DEFAULT_BUILD_OPTIONS,
): RoutingModelFile {
  const items = Object.values(training).flat();
  const featureSets = items.map((item) => extractFeatures(customerText(item)).features);

  const documentFrequency = new Map<string, number>();
  for (const features of featureSets) for (const f of features) documentFrequency.set(f, (documentFrequency.get(f) ?? 0) + 1);
  const features = [...documentFrequency.entries()]
    .filter(([f, n]) => n >= options.minDocumentFrequency || /^(lex|t|lang):/.test(f))
    .map(([f]) => f)
    .sort();
  const index = new Map(features.map((f, i) => [f, i]));
  const indexesOf = (set: string[]) =>
    set
      .map((f) => index.get(f))
      .filter((i): i is number => i !== undefined)
      .sort((a, b) => a - b);
  const encoded = featureSets.map(indexesOf);

  const axes = {} as RoutingModelFile['axes'];
  for (const axis of MODEL_AXES) {
    const labels = [...AXIS_LABELS[axis]];
    const examples: TrainingExample[] = [];
    items.forEach((item, i) => {
      const allowed = allowedLabels(axis, item, labels);
      if (allowed) examples.push({ featureIndexes: encoded[i], allowed, value: featureValue(encoded[i].length, options.lengthNorm) });
    });
    const model = trainSoftmax(labels, features.length, examples, options);
    axes[axis] = { labels, bias: model.bias.map(round6), weights: encodeWeights(model.weights) };
  }
  const trainedOn = Object.fromEntries(Object.entries(training).map(([name, rows]) => [name, rows.length]));
  return { classifierVersion: options.classifierVersion, trainedOn, lengthNorm: options.lengthNorm, features, axes };
}

/** Label indexes an item may have on an axis; undefined when the axis is not labeled for it. */
function allowedLabels(axis: ModelAxis, item: LabeledComplaint, labels: string[]): number[] | undefined {
  const one = (label: string | undefined | null) => (label === undefined || label === null ? undefined : [labels.indexOf(label)]);
  switch (axis) {
    case 'product':
      return one(item.product);
    case 'reason':
      // CFPB rows only say "debt collection or not"; they train the debtCollection axis instead.
      // (As partial labels here they pulled every English word towards one reason.)
      return one(item.reason);
    case 'debtCollection': {
      const reason = reasonOf(item);
      if (item.debtCollection !== undefined) return one(String(item.debtCollection));
      return reason ? one(String(reason === 'DEBT_COLLECTION')) : undefined;
    }
    case 'servicePoint':
      return one(item.servicePoint);
    case 'escalation':
      return item.escalation === undefined ? undefined : one(String(item.escalation));
    case 'vulnerable':
      return one(vulnerableOf(item));
  }
}

/** Explicit in our own data; otherwise implied by the priority rule of docs/ARCHITECTURE.md (P1 without escalation or theft). */
function vulnerableOf(item: LabeledComplaint): string | undefined {
  if (item.vulnerable !== undefined) return String(item.vulnerable);
  if (!item.priority || item.escalation === undefined || !item.reason) return undefined;
  return String(item.priority === 'P1' && !item.escalation && item.reason !== 'FUNDS_SECURITY');
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

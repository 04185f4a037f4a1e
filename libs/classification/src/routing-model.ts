import modelFile from './routing-model.json';
import { SoftmaxModel } from './softmax-model';

/** The routing axes, plus two binary ones: vulnerable customer (for priority) and debt collection (CFPB labels it). */
export const MODEL_AXES = ['product', 'reason', 'servicePoint', 'escalation', 'vulnerable', 'debtCollection'] as const;
export type ModelAxis = (typeof MODEL_AXES)[number];

/** The committed model file (`npm run train:routing` writes it): weights as base64 little-endian float32. */
export interface RoutingModelFile {
  classifierVersion: string;
  trainedOn: Record<string, number>;
  lengthNorm: number;
  features: string[];
  axes: Record<ModelAxis, AxisFile>;
  /**
   * The product axis again, over the mean English word vector (english-vectors.json); for English
   * complaints its posterior is blended with the word model's, `weight` being its share (geometric).
   */
  vectors: { source: string; weight: number; product: AxisFile };
}

interface AxisFile {
  labels: string[];
  bias: number[];
  weights: string;
}

export interface RoutingModel {
  classifierVersion: string;
  lengthNorm: number;
  featureIndex: Map<string, number>;
  axes: Record<ModelAxis, SoftmaxModel>;
  vectors: { weight: number; product: SoftmaxModel };
}

let loaded: RoutingModel | undefined;

/** The committed model, decoded once. */
export function routingModel(): RoutingModel {
  loaded ??= decodeRoutingModel(modelFile as unknown as RoutingModelFile);
  return loaded;
}

export function decodeRoutingModel(file: RoutingModelFile): RoutingModel {
  const axes = {} as Record<ModelAxis, SoftmaxModel>;
  for (const axis of MODEL_AXES) {
    if (!file.axes[axis]) throw new Error(`routing model has no ${axis} axis: run npm run train:routing`);
    axes[axis] = decodeAxis(axis, file.axes[axis], file.features.length);
  }
  if (!file.vectors) throw new Error('routing model has no word-vector model: run npm run train:routing');
  const vectors = { weight: file.vectors.weight, product: decodeAxis('product (vectors)', file.vectors.product) };
  return { classifierVersion: file.classifierVersion, lengthNorm: file.lengthNorm, featureIndex: new Map(file.features.map((f, i) => [f, i])), axes, vectors };
}

function decodeAxis(name: string, { labels, bias, weights }: AxisFile, featureCount?: number): SoftmaxModel {
  const bytes = Buffer.from(weights, 'base64');
  const decoded = new Float32Array(bytes.length / 4);
  for (let i = 0; i < decoded.length; i++) decoded[i] = bytes.readFloatLE(i * 4);
  if (featureCount !== undefined && decoded.length !== featureCount * labels.length) throw new Error(`routing model: ${name} weights do not match the features`);
  return { labels, bias, weights: decoded };
}

export function encodeWeights(weights: Float32Array): string {
  const bytes = Buffer.alloc(weights.length * 4);
  weights.forEach((w, i) => bytes.writeFloatLE(w, i * 4));
  return bytes.toString('base64');
}

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
  axes: Record<ModelAxis, { labels: string[]; bias: number[]; weights: string }>;
}

export interface RoutingModel {
  classifierVersion: string;
  lengthNorm: number;
  featureIndex: Map<string, number>;
  axes: Record<ModelAxis, SoftmaxModel>;
}

let loaded: RoutingModel | undefined;

/** The committed model, decoded once. */
export function routingModel(): RoutingModel {
  loaded ??= decodeRoutingModel(modelFile);
  return loaded;
}

export function decodeRoutingModel(file: RoutingModelFile): RoutingModel {
  const axes = {} as Record<ModelAxis, SoftmaxModel>;
  for (const axis of MODEL_AXES) {
    if (!file.axes[axis]) throw new Error(`routing model has no ${axis} axis: run npm run train:routing`);
    const { labels, bias, weights } = file.axes[axis];
    const bytes = Buffer.from(weights, 'base64');
    const decoded = new Float32Array(bytes.length / 4);
    for (let i = 0; i < decoded.length; i++) decoded[i] = bytes.readFloatLE(i * 4);
    if (decoded.length !== file.features.length * labels.length)
      throw new Error(`routing model: ${axis} weights do not match the features`);
    axes[axis] = { labels, bias, weights: decoded };
  }
  return {
    classifierVersion: file.classifierVersion,
    lengthNorm: file.lengthNorm,
    featureIndex: new Map(file.features.map((f, i) => [f, i])),
    axes,
  };
}

export function encodeWeights(weights: Float32Array): string {
  const bytes = Buffer.alloc(weights.length * 4);
  weights.forEach((w, i) => bytes.writeFloatLE(w, i * 4));
  return bytes.toString('base64');
}

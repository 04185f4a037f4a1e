import type { Priority, Product, Reason, ServicePoint } from '@complaints/contracts';
import { ModelAxis, routingModel } from './routing-model';
import { featureValue, predictProbabilities, ranked, Scored } from './softmax-model';
import { extractFeatures } from './text-features';

/** Bumped with every change of model or features; stored with each routing decision. */
export const CLASSIFIER_VERSION = 'lr-jieba-1';

export interface ClassificationInput {
  /** What the customer said (for calls: the customer's turns only). */
  text: string;
  /** A product the customer picked; it wins when the text names none. */
  productHint?: Product;
}

export interface Alternative<L extends string> {
  label: L;
  confidence: number;
}

export interface Classification {
  product: Product;
  reason: Reason;
  servicePoint: ServicePoint;
  escalation: boolean;
  priority: Priority;
  /** Posterior probability of each decision (0..1). */
  confidence: { product: number; reason: number; servicePoint: number; escalation: number; priority: number };
  /** The three most probable labels per axis, most probable first. */
  alternatives?: { product: Alternative<Product>[]; reason: Alternative<Reason>[]; servicePoint: Alternative<ServicePoint>[] };
  /** The lexicon terms found in the text, for explanation. */
  matchedTerms: string[];
  classifierVersion: string;
}

/** Below this posterior the text is not taken to name a product, and the customer's pick is used. */
const HINT_THRESHOLD = 0.5;
const MAX_MATCHED_TERMS = 30;
/** With n known features the posterior keeps weight 1 - exp(-n / EVIDENCE_SCALE) (0 features: uniform). */
const EVIDENCE_SCALE = 2;

/**
 * Classifies a complaint on the axes of docs/ARCHITECTURE.md (Taxonomy and routing) with the trained model (softmax regression
 * over jieba words, character bigrams, English words and bigrams and lexicon hits). Priority follows
 * the priority rule of docs/ARCHITECTURE.md from the posteriors: P1 when escalated, vulnerable or funds at risk; P3 for a
 * suggestion or inquiry; else P2.
 */
export function classifyComplaint(input: ClassificationInput): Classification {
  const model = routingModel();
  const { features, lexicon } = extractFeatures(input.text);
  const indexes = features.map((f) => model.featureIndex.get(f)).filter((i): i is number => i !== undefined);
  const value = featureValue(indexes.length, model.lengthNorm);
  const posterior = (axis: ModelAxis) => {
    const axisModel = model.axes[axis];
    return ranked(axisModel, predictProbabilities(axisModel, indexes, value));
  };
  // Gibberish and off-topic text carries (almost) no feature the model knows: its posterior is
  // little more than the training prior, so it is pulled towards uniform (and the router triages).
  const known = features.filter((f) => !f.startsWith('lang:') && model.featureIndex.has(f)).length;
  const ignorance = Math.exp(-known / EVIDENCE_SCALE);

  const reasonPosterior = withDebtCollection(posterior('reason'), probabilityOf(posterior('debtCollection'), 'true'));
  let product = towardsUniform(posterior('product'), ignorance);
  const reason = towardsUniform(reasonPosterior, ignorance);
  const servicePoint = towardsUniform(posterior('servicePoint'), ignorance);
  const pEscalation = probabilityOf(posterior('escalation'), 'true');
  const pVulnerable = probabilityOf(posterior('vulnerable'), 'true');

  if (input.productHint && (product[0].label === 'OTHER' || product[0].probability < HINT_THRESHOLD)) {
    const hinted = Math.max(0.6, probabilityOf(product, input.productHint));
    product = [{ label: input.productHint, probability: hinted }, ...product.filter((p) => p.label !== input.productHint)];
  }

  const escalation = pEscalation > 0.5;
  const priority = priorityOf(
    pEscalation,
    pVulnerable,
    probabilityOf(reasonPosterior, 'FUNDS_SECURITY'),
    probabilityOf(reasonPosterior, 'OTHER'),
  );

  return {
    product: product[0].label as Product,
    reason: reason[0].label as Reason,
    servicePoint: servicePoint[0].label as ServicePoint,
    escalation,
    priority: priority.label,
    confidence: {
      product: round(product[0].probability),
      reason: round(reason[0].probability),
      servicePoint: round(servicePoint[0].probability),
      escalation: round(escalation ? pEscalation : 1 - pEscalation),
      priority: round(priority.probability),
    },
    alternatives: {
      product: top3<Product>(product),
      reason: top3<Reason>(reason),
      servicePoint: top3<ServicePoint>(servicePoint),
    },
    matchedTerms: lexicon.terms.slice(0, MAX_MATCHED_TERMS),
    classifierVersion: CLASSIFIER_VERSION,
  };
}

/**
 * P(P1) = 1 - (1 - p_escalation)(1 - p_vulnerable)(1 - p_funds); P(P3) = (1 - P(P1)) p_other;
 * P(P2) the rest. Treats the three P1 causes as independent, which is rough but keeps 0..1.
 */
export function priorityOf(
  pEscalation: number,
  pVulnerable: number,
  pFunds: number,
  pOther: number,
): { label: Priority; probability: number } {
  const p1 = 1 - (1 - pEscalation) * (1 - pVulnerable) * (1 - pFunds);
  const p3 = (1 - p1) * pOther;
  const p2 = 1 - p1 - p3;
  if (p1 >= p2 && p1 >= p3) return { label: 'P1', probability: p1 };
  return p3 > p2 ? { label: 'P3', probability: p3 } : { label: 'P2', probability: p2 };
}

/**
 * The reason posterior with P(DEBT_COLLECTION) taken from the debt-collection model (trained on
 * far more English examples, from CFPB) and the other reasons rescaled to share the rest.
 */
function withDebtCollection(reason: Scored[], pDebt: number): Scored[] {
  const other = 1 - probabilityOf(reason, 'DEBT_COLLECTION');
  const scale = other > 0 ? (1 - pDebt) / other : 0;
  return reason
    .map((s) => ({ label: s.label, probability: s.label === 'DEBT_COLLECTION' ? pDebt : s.probability * scale }))
    .sort((a, b) => b.probability - a.probability);
}

/** Mixes a ranked posterior with the uniform distribution; the ranking is unchanged. */
function towardsUniform(scored: Scored[], weight: number): Scored[] {
  const uniform = 1 / scored.length;
  return scored.map((s) => ({ label: s.label, probability: (1 - weight) * s.probability + weight * uniform }));
}

function probabilityOf(scored: Scored[], label: string): number {
  return scored.find((s) => s.label === label)?.probability ?? 0;
}

function top3<L extends string>(scored: Scored[]): Alternative<L>[] {
  return scored.slice(0, 3).map((s) => ({ label: s.label as L, confidence: round(s.probability) }));
}

function round(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
}

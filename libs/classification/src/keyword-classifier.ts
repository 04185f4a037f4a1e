import type { Priority, Product, Reason, ServicePoint } from '@complaints/contracts';
import {
  ESCALATION_TERMS, Lexicon, PRODUCT_LEXICON, REASON_LEXICON, SERVICE_POINT_LEXICON, URGENT_LOSS_TERMS, VULNERABLE_TERMS,
} from './lexicon';

export const CLASSIFIER_VERSION = 'keywords-1';

export interface ClassificationInput {
  /** What the customer said (for calls: the customer's turns only). */
  text: string;
  /** A product the customer picked; it wins when the text names none. */
  productHint?: Product;
}

export interface Classification {
  product: Product;
  reason: Reason;
  servicePoint: ServicePoint;
  escalation: boolean;
  priority: Priority;
  confidence: { product: number; reason: number; servicePoint: number; escalation: number; priority: number };
  matchedTerms: string[];
  classifierVersion: string;
}

interface AxisResult<L extends string> {
  label: L;
  confidence: number;
  terms: string[];
}

/**
 * First-version classifier on the JR/T 0169 axes: weighted domain terms in Chinese and English.
 * Deterministic and explainable (it returns the terms it matched); the routing issue replaces it
 * with segmentation and a trained model.
 */
export function classifyComplaint(input: ClassificationInput): Classification {
  const text = normalise(input.text);
  const product = scoreAxis<Product>(text, PRODUCT_LEXICON, 'OTHER');
  if (product.terms.length === 0 && input.productHint) Object.assign(product, { label: input.productHint, confidence: 0.6 });
  const reason = scoreAxis<Reason>(text, REASON_LEXICON, 'OTHER');
  const servicePoint = scoreAxis<ServicePoint>(text, SERVICE_POINT_LEXICON, 'OTHER');
  const escalation = scoreTerms(text, ESCALATION_TERMS);
  const vulnerable = scoreTerms(text, VULNERABLE_TERMS);
  const urgentLoss = scoreTerms(text, URGENT_LOSS_TERMS);

  const escalated = escalation.score >= 4;
  const priority: Priority =
    escalated || vulnerable.score >= 3 || (reason.label === 'FUNDS_SECURITY' && urgentLoss.score >= 3)
      ? 'P1'
      : reason.label === 'OTHER' && reason.terms.length > 0
        ? 'P3'
        : 'P2';

  return {
    product: product.label,
    reason: reason.label,
    servicePoint: servicePoint.label,
    escalation: escalated,
    priority,
    confidence: {
      product: round(product.confidence),
      reason: round(reason.confidence),
      servicePoint: round(servicePoint.confidence),
      escalation: round(escalated ? Math.min(1, escalation.score / 8 + 0.5) : Math.max(0.5, 1 - escalation.score / 8)),
      priority: round(priority === 'P2' ? 0.6 : 0.8),
    },
    matchedTerms: unique([...product.terms, ...reason.terms, ...servicePoint.terms, ...escalation.terms, ...vulnerable.terms]),
    classifierVersion: CLASSIFIER_VERSION,
  };
}

function scoreAxis<L extends string>(text: string, lexicon: Lexicon<L>, fallback: L): AxisResult<L> {
  let best: AxisResult<L> & { score: number } = { label: fallback, confidence: 0.3, terms: [], score: 0 };
  let total = 0;
  for (const [label, terms] of Object.entries(lexicon) as [L, Record<string, number>][]) {
    const { score, terms: matched } = scoreTerms(text, terms);
    total += score;
    if (score > best.score) best = { label, confidence: 0, terms: matched, score };
  }
  if (best.score === 0) return { label: fallback, confidence: 0.3, terms: [] };
  // Share of the evidence for the winner, tempered by how much evidence there is at all.
  const confidence = (best.score / total) * Math.min(1, 0.5 + best.score / 8);
  return { label: best.label, confidence, terms: best.terms };
}

function scoreTerms(text: string, terms: Record<string, number>): { score: number; terms: string[] } {
  let score = 0;
  const matched: string[] = [];
  for (const [term, weight] of Object.entries(terms)) {
    if (weight > 0 && contains(text, term.toLowerCase())) {
      score += weight;
      matched.push(term);
    }
  }
  return { score, terms: matched };
}

/** Chinese terms match anywhere; Latin terms only at word boundaries (so "fee" is not in "coffee"). */
function contains(text: string, term: string): boolean {
  if (/[\u4e00-\u9fff]/.test(term) || /^\d+$/.test(term)) return text.includes(term);
  let from = 0;
  for (;;) {
    const at = text.indexOf(term, from);
    if (at < 0) return false;
    const before = text[at - 1];
    const after = text[at + term.length];
    if (!isWordChar(before) && (!isWordChar(after) || (after === 's' && !isWordChar(text[at + term.length + 1])))) return true;
    from = at + 1;
  }
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[a-z0-9]/.test(ch);
}

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function round(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 100) / 100;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Department, Priority, Product, Reason, ServicePoint } from '@complaints/contracts';

/** One labeled complaint of `data/routing/*.jsonl` (see the README there). */
export interface LabeledComplaint {
  id: string;
  channel?: string;
  text?: string;
  /** Hotline transcripts: [speaker, text]; only the customer's turns are classified. */
  turns?: [string, string][];
  product?: Product | null;
  reason?: Reason;
  servicePoint?: ServicePoint;
  escalation?: boolean;
  vulnerable?: boolean;
  priority?: Priority;
  department?: Department;
  /** CFPB rows: filed under debt collection (reason DEBT_COLLECTION); no other axis is labeled. */
  debtCollection?: boolean;
  source?: string;
}

export const TRAINING_FILES = ['zh-train.jsonl', 'en-train.jsonl', 'cfpb-en-train.jsonl'] as const;

/**
 * Held out: never read by training. Evaluated in these groups. The `final` sets were written after
 * the model's design was settled and evaluated once, so nothing was tuned on them.
 */
export const HELDOUT_SETS = [
  { name: 'zh (own, held out)', file: 'zh-heldout.jsonl', language: 'zh' },
  { name: 'zh final (fresh)', file: 'zh-final-heldout.jsonl', language: 'zh' },
  { name: 'dev-shared (30, held out)', file: 'dev-shared-heldout.jsonl', language: 'zh' },
  { name: 'en (own, held out)', file: 'en-heldout.jsonl', language: 'en' },
  { name: 'en final (fresh)', file: 'en-final-heldout.jsonl', language: 'en' },
  { name: 'CFPB en (held out)', file: 'cfpb-en-heldout.jsonl', language: 'en' },
] as const;

/** What the classifier sees: the text, or for calls the customer's turns joined by newlines (as the router does). */
export function customerText(item: Pick<LabeledComplaint, 'text' | 'turns'>): string {
  if (item.turns?.length)
    return item.turns
      .filter(([speaker]) => speaker === 'customer')
      .map(([, text]) => text)
      .join('\n');
  return item.text ?? '';
}

/** The reason a row is labeled with; CFPB rows only say whether it was debt collection. */
export function reasonOf(item: LabeledComplaint): Reason | undefined {
  return item.reason ?? (item.debtCollection ? 'DEBT_COLLECTION' : undefined);
}

/** The repository's `data/routing` directory, found upwards from this file (works from src and dist). */
export function routingDataDir(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'data', 'routing');
    if (existsSync(join(candidate, TRAINING_FILES[0]))) return candidate;
    if (dirname(dir) === dir) throw new Error(`data/routing not found above ${from}`);
  }
}

export function readDataset(file: string, dir: string = routingDataDir()): LabeledComplaint[] {
  return readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabeledComplaint);
}

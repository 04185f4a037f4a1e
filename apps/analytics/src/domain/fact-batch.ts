import type { AnalyticsEvent } from './analytics-event';
import { ComplaintFact, foldComplaintFact } from './complaint-fact';
import { addCounters, contribution, isZero, KpiCounters, zeroCounters } from './kpi-counters';
import { UNKNOWN_KEY } from './kpi-dimensions';

/** A rollup row's key: the Shanghai day of receipt, then department, channel, product, reason, service point, priority. */
export type RollupKey = readonly [day: string, department: string, channel: string, product: string, reason: string, servicePoint: string, priority: string];

/** What to add to one rollup row's counters (negative parts take a complaint's earlier contribution out). */
export interface RollupDelta {
  key: RollupKey;
  counters: KpiCounters;
}

/** The rollup row a complaint counts in, or null while its receipt is unknown (it counts nowhere yet). */
export function rollupKey(f: ComplaintFact): RollupKey | null {
  if (f.receivedDay === null) return null;
  return [
    f.receivedDay,
    f.department ?? UNKNOWN_KEY,
    f.channel ?? UNKNOWN_KEY,
    f.product ?? UNKNOWN_KEY,
    f.reason ?? UNKNOWN_KEY,
    f.servicePoint ?? UNKNOWN_KEY,
    f.priority ?? UNKNOWN_KEY,
  ];
}

/** The effect of a batch of new events on the read model: the touched complaints' new facts and the rollup deltas. */
export interface FactBatch {
  /** One per touched complaint, in complaintId order. */
  facts: ComplaintFact[];
  /** Summed per rollup row, zero ones left out, in key order (writers lock rows in this order). */
  deltas: RollupDelta[];
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Folds each complaint touched by `added` once, from its `stored` events plus the new ones, and moves
 * the difference between its earlier fact (folded from `stored` alone) and its new one into the
 * rollups. Because a fact depends only on the set of its events, this gives the same facts and
 * rollup totals as applying the same events one at a time, in any order and in any split into batches.
 */
export function foldBatch(stored: ReadonlyMap<string, readonly AnalyticsEvent[]>, added: readonly AnalyticsEvent[]): FactBatch {
  const addedByComplaint = new Map<string, AnalyticsEvent[]>();
  for (const e of added) {
    const list = addedByComplaint.get(e.complaintId);
    if (list) list.push(e);
    else addedByComplaint.set(e.complaintId, [e]);
  }
  const deltas = new Map<string, RollupDelta>();
  const move = (fact: ComplaintFact, sign: 1 | -1) => {
    const key = rollupKey(fact);
    if (!key) return;
    const id = key.join('\u0000');
    deltas.set(id, { key, counters: addCounters(deltas.get(id)?.counters ?? zeroCounters(), contribution(fact), sign) });
  };
  const facts = [...addedByComplaint.keys()].sort(compareText).map((complaintId) => {
    const previous = stored.get(complaintId) ?? [];
    if (previous.length > 0) move(foldComplaintFact(complaintId, previous), -1);
    const fact = foldComplaintFact(complaintId, [...previous, ...addedByComplaint.get(complaintId)!]);
    move(fact, 1);
    return fact;
  });
  const sorted = [...deltas.entries()].sort(([a], [b]) => compareText(a, b)).map(([, d]) => d);
  return { facts, deltas: sorted.filter((d) => !isZero(d.counters)) };
}

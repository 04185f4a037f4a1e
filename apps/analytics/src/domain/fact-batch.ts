import type { AnalyticsEvent } from './analytics-event';
import { ComplaintFact, foldComplaintFact } from './complaint-fact';
import { Jrt0169Delta, Jrt0169Sums } from './jrt0169-rollup';
import { RollupDelta, RollupSums } from './kpi-rollup';

/** The effect of a batch of new events on the read model: the touched complaints' new facts and the rollup deltas. */
export interface FactBatch {
  /** One per touched complaint, in complaintId order. */
  facts: ComplaintFact[];
  /** Summed per rollup row (counters and histograms), zero ones left out, in key order (writers lock rows in this order). */
  deltas: RollupDelta[];
  /** The JR/T 0169 rollup's changes (complaints per cell), zero ones left out, in key order. */
  jrt0169Deltas: Jrt0169Delta[];
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Folds each complaint touched by `added` once, from its `stored` events plus the new ones, and moves
 * the difference between its earlier fact (folded from `stored` alone) and its new one into the
 * rollups (the KPI rollup and the JR/T 0169 one): the earlier contribution (counters and histogram
 * counts) out of its rows, the new one in.
 * Because a fact depends only on the set of its events, this gives the same facts and rollup totals
 * as applying the same events one at a time, in any order and in any split into batches.
 */
export function foldBatch(stored: ReadonlyMap<string, readonly AnalyticsEvent[]>, added: readonly AnalyticsEvent[]): FactBatch {
  const addedByComplaint = new Map<string, AnalyticsEvent[]>();
  for (const e of added) {
    const list = addedByComplaint.get(e.complaintId);
    if (list) list.push(e);
    else addedByComplaint.set(e.complaintId, [e]);
  }
  const sums = new RollupSums();
  const jrt0169 = new Jrt0169Sums();
  const facts = [...addedByComplaint.keys()].sort(compareText).map((complaintId) => {
    const previous = stored.get(complaintId) ?? [];
    if (previous.length > 0) {
      const earlier = foldComplaintFact(complaintId, previous);
      sums.add(earlier, -1);
      jrt0169.add(earlier, -1);
    }
    const fact = foldComplaintFact(complaintId, [...previous, ...addedByComplaint.get(complaintId)!]);
    sums.add(fact, 1);
    jrt0169.add(fact, 1);
    return fact;
  });
  return { facts, deltas: sums.deltas(), jrt0169Deltas: jrt0169.deltas() };
}

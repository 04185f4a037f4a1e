import type { Priority, Product, Reason } from '@complaints/contracts';

/** The matter a complaint is about, for spotting repeats: the same customer on the same product and reason. */
export interface Matter {
  product: Product;
  reason: Reason;
}

/** A repeat complaint is one step more urgent: P3 -> P2, P2 -> P1 (P1 stays). */
export function raisePriority(priority: Priority): Priority {
  return priority === 'P3' ? 'P2' : 'P1';
}

/** The earliest moment an earlier complaint may have been received to count as the same matter. */
export function repeatWindowStart(receivedAt: Date, windowDays: number): Date {
  return new Date(receivedAt.getTime() - windowDays * 24 * 3600 * 1000);
}

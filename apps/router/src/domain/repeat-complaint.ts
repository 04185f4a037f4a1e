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

/**
 * When another complaint must have been received to count as the same matter: within the window
 * either side, because complaints on other partitions may be routed out of order (the one routed
 * first is the case the later-routed one links to).
 */
export function repeatWindow(receivedAt: Date, windowDays: number): { since: Date; until: Date } {
  const span = windowDays * 24 * 3600 * 1000;
  return { since: new Date(receivedAt.getTime() - span), until: new Date(receivedAt.getTime() + span) };
}

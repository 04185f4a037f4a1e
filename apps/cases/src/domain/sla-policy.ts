import type { Priority } from '@complaints/contracts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface SlaClocks {
  /** First feedback to the customer is due (48 h after receipt by default). */
  feedbackDueAt: Date;
  /** The decision is due (CBIRC 2020: 15 days after receipt, extendable to 30 and 60 with approval). */
  decisionDueAt: Date;
  decisionDeadlineDays: number;
}

export interface SlaPolicy {
  feedbackHours: Record<Priority, number>;
  decisionDays: number;
}

export const DEFAULT_SLA_POLICY: SlaPolicy = { feedbackHours: { P1: 24, P2: 48, P3: 48 }, decisionDays: 15 };

/** The regulatory clocks of a new case, counted from when the complaint was received. */
export function startClocks(receivedAt: Date, priority: Priority, policy: SlaPolicy = DEFAULT_SLA_POLICY): SlaClocks {
  return {
    feedbackDueAt: new Date(receivedAt.getTime() + policy.feedbackHours[priority] * HOUR),
    decisionDueAt: new Date(receivedAt.getTime() + policy.decisionDays * DAY),
    decisionDeadlineDays: policy.decisionDays,
  };
}

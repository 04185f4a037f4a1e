import type { Priority } from '@complaints/contracts';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** A pause of the decision clock (e.g. waiting for an external appraisal). */
export interface ClockPause {
  from: Date;
  to: Date | null;
  reason: string;
  by: string;
}

export interface ExtensionRequest {
  toDays: number;
  reason: string;
  requestedBy: string;
  requestedAt: Date;
}

export interface GrantedExtension extends ExtensionRequest {
  approvedBy: string;
  approvedAt: Date;
}

/** When the watcher already warned about or reported a breach of each clock (each is reported once). */
export interface ClockAlerts {
  feedbackWarnedAt: Date | null;
  feedbackBreachedAt: Date | null;
  decisionWarnedAt: Date | null;
  decisionBreachedAt: Date | null;
}

export interface SlaClocks {
  /** First feedback to the customer is due (48 h after receipt by default, per priority). */
  feedbackDueAt: Date;
  /**
   * The decision is due (CBIRC 2020: 15 days after receipt, extendable to 30 and 60 with approval),
   * moved later by every finished pause. While a pause runs, the effective due time moves with `now`.
   */
  decisionDueAt: Date;
  decisionDeadlineDays: number;
  firstFeedbackAt: Date | null;
  decidedAt: Date | null;
  pauses: ClockPause[];
  pendingExtension: ExtensionRequest | null;
  extensions: GrantedExtension[];
  alerts: ClockAlerts;
}

export interface SlaPolicy {
  feedbackHours: Record<Priority, number>;
  decisionDays: number;
  /** How long before a due time the watcher warns. */
  feedbackWarningHours: number;
  decisionWarningHours: number;
}

export const DEFAULT_SLA_POLICY: SlaPolicy = {
  feedbackHours: { P1: 24, P2: 48, P3: 48 },
  decisionDays: 15,
  feedbackWarningHours: 12,
  decisionWarningHours: 48,
};

/** The regulatory clocks of a new case, counted from when the complaint was received. */
export function startClocks(receivedAt: Date, priority: Priority, policy: SlaPolicy = DEFAULT_SLA_POLICY): SlaClocks {
  return {
    feedbackDueAt: new Date(receivedAt.getTime() + policy.feedbackHours[priority] * HOUR),
    decisionDueAt: new Date(receivedAt.getTime() + policy.decisionDays * DAY),
    decisionDeadlineDays: policy.decisionDays,
    firstFeedbackAt: null,
    decidedAt: null,
    pauses: [],
    pendingExtension: null,
    extensions: [],
    alerts: { feedbackWarnedAt: null, feedbackBreachedAt: null, decisionWarnedAt: null, decisionBreachedAt: null },
  };
}

/** What a spike is counted over: a (product, reason) pair ("WEALTH/RETURNS"), a department, a channel or a branch. */
export type SpikeDimension = 'product-reason' | 'department' | 'channel' | 'branch';

/** The statistics every alert carries, so a supervisor can judge it. */
interface AlertEvidence {
  /** Start of the window the alert is about (for a term: its first complaint in the window). */
  since: Date;
  /** End of that window (the evaluation time or the last bucket's end). */
  until: Date;
  /** Complaints in the window. */
  observed: number;
  /** Complaints the baseline leads one to expect in a window of the same length. */
  expected: number;
  /** observed / expected. */
  ratio: number;
  /** One-sided p-value of the observed count against the baseline. */
  pValue: number;
  /** The corrected level the p-value was below (Holm, over the subjects tested together). */
  threshold: number;
}

/** A subject's count in the current window is well above its own recent baseline. */
export interface SpikeAlert extends AlertEvidence {
  kind: 'spike';
  dimension: SpikeDimension;
  /** The subject's code, e.g. "CREDIT_CARD/FUNDS_SECURITY", "FRAUD", "wechat", a branch id. */
  subject: string;
}

/** A word or name suddenly in many complaints that was rare before. */
export interface TermAlert extends AlertEvidence {
  kind: 'term';
  /** The term as extracted (lower-cased, NFKC-normalised). */
  subject: string;
  /** References of a few of the complaints, most recent first. */
  samples: string[];
}

export type HotspotAlert = SpikeAlert | TermAlert;

/** The identity of what an alert is about, for deduplication: "spike:department:FRAUD", "term:某某理财". */
export function alertKey(alert: HotspotAlert): string {
  return alert.kind === 'spike' ? `spike:${alert.dimension}:${alert.subject}` : `term:${alert.subject}`;
}

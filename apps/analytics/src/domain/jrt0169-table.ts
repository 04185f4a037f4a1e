import { CHANNELS, PRODUCTS, PRODUCT_LABELS, REASONS, REASON_LABELS } from '@complaints/contracts';

/** One line of the JR/T 0169 statistics table: complaints of a channel, business category and cause. */
export interface Jrt0169Row {
  channel: string;
  product: string;
  productLabel: string;
  reason: string;
  reasonLabel: string;
  count: number;
}

/** Complaints of one channel, business category and cause (UNKNOWN while not classified). */
export interface Jrt0169Cell {
  channel: string;
  product: string;
  reason: string;
  count: number;
}

export const JRT0169_HEADER = [
  '渠道 Channel',
  '业务类别代码 Business category',
  '业务类别 Business category (label)',
  '投诉原因代码 Cause',
  '投诉原因 Cause (label)',
  '投诉量 Complaints',
];

const order = (list: readonly string[], value: string) => {
  const i = list.indexOf(value);
  return i < 0 ? list.length : i;
};

/**
 * The statistics table of PBoC JR/T 0169-2018 (complaints by channel x business category x cause):
 * one row per combination that has complaints, in taxonomy order, labels in Chinese and English.
 * Complaints not yet classified are listed under UNKNOWN.
 */
export function jrt0169Rows(cells: readonly Jrt0169Cell[]): Jrt0169Row[] {
  return cells
    .filter((c) => c.count > 0)
    .map((c) => ({
      channel: c.channel,
      product: c.product,
      productLabel:
        c.product in PRODUCT_LABELS
          ? `${PRODUCT_LABELS[c.product as keyof typeof PRODUCT_LABELS].zh} ${PRODUCT_LABELS[c.product as keyof typeof PRODUCT_LABELS].en}`
          : c.product,
      reason: c.reason,
      reasonLabel:
        c.reason in REASON_LABELS
          ? `${REASON_LABELS[c.reason as keyof typeof REASON_LABELS].zh} ${REASON_LABELS[c.reason as keyof typeof REASON_LABELS].en}`
          : c.reason,
      count: c.count,
    }))
    .sort(
      (a, b) =>
        order(CHANNELS, a.channel) - order(CHANNELS, b.channel) ||
        order(PRODUCTS, a.product) - order(PRODUCTS, b.product) ||
        order(REASONS, a.reason) - order(REASONS, b.reason),
    );
}

import type { ComplaintFact } from './complaint-fact';
import { UNKNOWN_KEY } from './kpi-dimensions';
import type { RollupGrain } from './kpi-rollup';

/**
 * The JR/T 0169 rollup counts complaints per Shanghai day of receipt (grain `day`) and per month (grain
 * `month`, keyed by its first day) x channel x business category (product) x cause (reason): the cells
 * of the JR/T 0169 table. No department: the table is the institution's return, read by roles that see
 * every department. A period's table is the sum of its whole months' month rows and the day rows of the
 * days around them, whatever the number of complaints.
 */
export interface Jrt0169RollupKey {
  grain: RollupGrain;
  /** The day of receipt (grain `day`) or the first day of its month (grain `month`), YYYY-MM-DD. */
  day: string;
  /** The complaint's channel, business category and cause (UNKNOWN_KEY while not known). */
  channel: string;
  product: string;
  reason: string;
}

/** Complaints to add to one row (negative: a complaint's earlier contribution taken out). */
export interface Jrt0169Delta {
  key: Jrt0169RollupKey;
  volume: number;
}

/** The rows a complaint counts in (a day row and a month row), none while its receipt is unknown. */
export function jrt0169RollupKeys(f: ComplaintFact): Jrt0169RollupKey[] {
  if (f.receivedDay === null) return [];
  const [channel, product, reason] = [f.channel ?? UNKNOWN_KEY, f.product ?? UNKNOWN_KEY, f.reason ?? UNKNOWN_KEY];
  return [
    { grain: 'day', day: f.receivedDay, channel, product, reason },
    { grain: 'month', day: `${f.receivedDay.slice(0, 8)}01`, channel, product, reason },
  ];
}

const keyId = (k: Jrt0169RollupKey) => [k.grain, k.day, k.channel, k.product, k.reason].join('\u0000');
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** JR/T 0169 rollup deltas summed per row: complaints moved in (+1) or out (-1). */
export class Jrt0169Sums {
  private readonly rows = new Map<string, Jrt0169Delta>();

  add(fact: ComplaintFact, sign: 1 | -1 = 1): this {
    for (const key of jrt0169RollupKeys(fact)) {
      const id = keyId(key);
      const row = this.rows.get(id);
      if (row) row.volume += sign;
      else this.rows.set(id, { key, volume: sign });
    }
    return this;
  }

  /** The rows that change, in one fixed key order (writers lock rows in this order). */
  deltas(): Jrt0169Delta[] {
    return [...this.rows.entries()]
      .sort(([a], [b]) => compareText(a, b))
      .map(([, d]) => ({ key: d.key, volume: d.volume }))
      .filter((d) => d.volume !== 0);
  }
}

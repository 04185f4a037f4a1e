import type { Department, Product, Reason } from '@complaints/contracts';

export const HANDLER_LANGUAGES = ['zh', 'en', 'other'] as const;
export type HandlerLanguage = (typeof HANDLER_LANGUAGES)[number];

/** A member of a department's staff who handles complaints (their id is their staff token subject). */
export interface Handler {
  id: string;
  name: string;
  department: Department;
  /** Product and reason codes they specialise in; none means a generalist. */
  skills: (Product | Reason)[];
  languages: HandlerLanguage[];
  active: boolean;
}

export interface HandlerLoad {
  handler: Handler;
  openCases: number;
}

/** What a complaint needs of its handler. */
export interface HandlingNeed {
  department: Department;
  language: HandlerLanguage;
  product: Product;
  reason: Reason;
}

/** Active, in the department, speaks the language, and is a generalist or skilled in the product or reason. */
export function handlerFits(handler: Handler, need: HandlingNeed): boolean {
  return (
    handler.active &&
    handler.department === need.department &&
    handler.languages.includes(need.language) &&
    (handler.skills.length === 0 || handler.skills.includes(need.product) || handler.skills.includes(need.reason))
  );
}

/** The fitting handler with the fewest open cases (ties: the smaller id, so the choice is stable); null when nobody fits. */
export function pickHandler(loads: readonly HandlerLoad[], need: HandlingNeed): Handler | null {
  const fitting = loads.filter((load) => handlerFits(load.handler, need));
  fitting.sort((a, b) => a.openCases - b.openCases || a.handler.id.localeCompare(b.handler.id));
  return fitting[0]?.handler ?? null;
}

/**
 * Handlers' loads while a batch of complaints is assigned: each pick counts as one more open case
 * of the handler picked, so the next pick of the batch sees it (the batch spreads as one-by-one would).
 */
export class HandlerPool {
  private readonly loads: HandlerLoad[];

  constructor(loads: readonly HandlerLoad[]) {
    this.loads = loads.map((load) => ({ handler: load.handler, openCases: load.openCases }));
  }

  pick(need: HandlingNeed): Handler | null {
    const handler = pickHandler(this.loads, need);
    const load = handler && this.loads.find((l) => l.handler.id === handler.id);
    if (load) load.openCases++;
    return handler;
  }
}

import type { Department } from '@complaints/contracts';
import { Clock } from '../clock';
import { AlertStore, StoredAlert } from './alert-store';

export const RECENT_ALERTS_MS = 24 * 3_600_000;

export interface ListHotspotsInput {
  kind: 'spike' | 'term' | null;
  /** Alerts raised at or after; default the last 24 hours. */
  since: Date | null;
  /** null: every alert; else term alerts and the spikes of these departments. */
  departments: readonly Department[] | null;
  limit: number;
}

/** Recent alerts, newest first, as a member of staff may see them. */
export class ListHotspotsQuery {
  constructor(
    private readonly alerts: AlertStore,
    private readonly clock: Clock,
  ) {}

  async execute(input: ListHotspotsInput): Promise<{ alerts: StoredAlert[] }> {
    const since = input.since ?? new Date(this.clock.now().getTime() - RECENT_ALERTS_MS);
    return { alerts: await this.alerts.list({ kind: input.kind, since, departments: input.departments, limit: input.limit }) };
  }
}

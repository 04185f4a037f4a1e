import { SYSTEM_ACTOR } from '../../domain/case-actor';
import { checkClocks, nextWatchAt } from '../../domain/case-clock-actions';
import type { SlaPolicy } from '../../domain/sla-policy';
import { toCaseEvent } from '../case-event.factory';
import { CaseEventsRelay } from '../case-events.relay';
import { CaseRepository } from '../case.repository';

/**
 * One pass of the SLA watcher at `now`: every case whose next alert is due gets its warnings or
 * breaches (`sla_warning`, `sla_breached` + escalation) recorded and published once.
 */
export class CheckSlaUseCase {
  constructor(
    private readonly cases: CaseRepository,
    private readonly policy: SlaPolicy,
    private readonly relay: CaseEventsRelay,
  ) {}

  async run(now: Date, batchSize = 100): Promise<{ checked: number; events: number }> {
    let checked = 0;
    let events = 0;
    const seen = new Set<string>();
    for (;;) {
      const references = (await this.cases.dueForAlerts(now, batchSize)).filter((r) => !seen.has(r));
      for (const reference of references) {
        seen.add(reference);
        const stored = await this.cases.change(reference, (current) => {
          const change = checkClocks(current, SYSTEM_ACTOR, now, this.policy);
          return {
            case: change.case,
            events: change.events.map((e) => toCaseEvent(change.case, e, SYSTEM_ACTOR, now, null)),
            action: 'check-sla',
            actor: SYSTEM_ACTOR,
            at: now,
            nextAlertAt: nextWatchAt(change.case, this.policy),
          };
        });
        checked++;
        events += stored?.events.length ?? 0;
      }
      if (references.length === 0) {
        if (events > 0) this.relay.kick();
        return { checked, events };
      }
    }
  }
}

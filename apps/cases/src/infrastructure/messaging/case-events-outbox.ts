import { CaseEventV1 } from '@complaints/contracts';
import { OutboxRelayOptions } from '@complaints/messaging';
import type { CasesConfig } from '../../cases.config';

/**
 * `cases.outbox`: case events committed with their change, published to `complaints.case-events.v1`
 * every CASES_OUTBOX_POLL_MS and right after each change. Metrics `cases_outbox_*`.
 */
export function caseEventsOutbox(config: CasesConfig): OutboxRelayOptions {
  return {
    table: 'cases.outbox',
    lockKey: 0x63617365, // "case"
    contracts: [CaseEventV1],
    pollMs: config.CASES_OUTBOX_POLL_MS,
    retentionHours: config.CASES_OUTBOX_RETENTION_HOURS,
    metricsPrefix: 'cases_outbox',
  };
}

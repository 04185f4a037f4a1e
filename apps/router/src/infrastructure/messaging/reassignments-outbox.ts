import { HandlerReassignmentV1 } from '@complaints/contracts';
import { OutboxRelayOptions } from '@complaints/messaging';
import type { RouterConfig } from '../../router.config';

/**
 * `routing.outbox`: handler reassignments committed with the move, published to
 * `complaints.assignments.v1` every ROUTER_OUTBOX_POLL_MS and right after a handler change. Metrics `router_outbox_*`.
 */
export function reassignmentsOutbox(config: RouterConfig): OutboxRelayOptions {
  return {
    table: 'routing.outbox',
    lockKey: 0x726f7574, // "rout"
    contracts: [HandlerReassignmentV1],
    pollMs: config.ROUTER_OUTBOX_POLL_MS,
    retentionHours: config.ROUTER_OUTBOX_RETENTION_HOURS,
    metricsPrefix: 'router_outbox',
  };
}

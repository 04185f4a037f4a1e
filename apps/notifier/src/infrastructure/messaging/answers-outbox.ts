import { CustomerResponseV1 } from '@complaints/contracts';
import { OutboxRelayOptions } from '@complaints/messaging';
import type { NotifierConfig } from '../../notifier.config';

/**
 * `notifier.outbox`: survey answers taken by SMS, committed with the answer, published to
 * `complaints.customer-responses.v1` every NOTIFY_POLL_MS and right after an answer. Kept a week
 * once published, for inspection. Metrics `notifier_outbox_*`.
 */
export function answersOutbox(config: NotifierConfig): OutboxRelayOptions {
  return {
    table: 'notifier.outbox',
    lockKey: 0x6e6f7469, // "noti"
    contracts: [CustomerResponseV1],
    pollMs: config.NOTIFY_POLL_MS,
    retentionHours: 7 * 24,
    metricsPrefix: 'notifier_outbox',
  };
}

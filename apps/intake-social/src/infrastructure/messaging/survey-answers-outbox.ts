import { CustomerResponseV1 } from '@complaints/contracts';
import { OutboxRelayOptions } from '@complaints/messaging';
import type { IntakeSocialConfig } from '../../intake-social.config';

/**
 * `intake_social.outbox`: customers' survey answers from WeChat and Weibo, committed with the message
 * that answered, published to `complaints.customer-responses.v1` every SOCIAL_PUBLISH_POLL_MS and
 * right after an answer. Kept a week once published, for inspection. Metrics
 * `intake_social_survey_answers_*` (`_published_total` is the counter the service's own relay had).
 */
export function surveyAnswersOutbox(config: IntakeSocialConfig): OutboxRelayOptions {
  return {
    table: 'intake_social.outbox',
    lockKey: 0x736f6369, // "soci"
    contracts: [CustomerResponseV1],
    pollMs: config.SOCIAL_PUBLISH_POLL_MS,
    retentionHours: 7 * 24,
    metricsPrefix: 'intake_social_survey_answers',
  };
}

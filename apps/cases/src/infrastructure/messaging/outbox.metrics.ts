import { Counter, Gauge } from 'prom-client';

/** Prometheus metrics of the case events outbox (default registry, served at /metrics). */
export const outboxMetrics = {
  pending: new Gauge({ name: 'cases_outbox_pending', help: 'Case events written but not yet acknowledged by Kafka (after the last relay pass)' }),
  published: new Counter({ name: 'cases_outbox_published_total', help: 'Case events the relay published' }),
  failedPasses: new Counter({ name: 'cases_outbox_failed_passes_total', help: 'Relay passes that could not publish (Kafka down); the events stay queued' }),
};

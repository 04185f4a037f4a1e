import { Counter } from 'prom-client';

/** Prometheus metrics of outbound deliveries, registered in the default registry. */
export const deliveryMetrics = {
  attempts: new Counter({
    name: 'outbound_deliveries_total',
    help: 'Outbound delivery attempts, by outbox (e.g. callcenter-callbacks, notifications) and outcome (delivered, retrying, dead)',
    labelNames: ['outbox', 'outcome'],
  }),
};

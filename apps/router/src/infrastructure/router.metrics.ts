import { Counter, Gauge, Histogram } from 'prom-client';

/** Prometheus metrics of the router, registered in the default registry (served at /metrics). */
export const routerMetrics = {
  routed: new Counter({
    name: 'routing_complaints_routed_total',
    help: 'Routed complaints published (redeliveries republish the stored decision and count again)',
    labelNames: ['department', 'needs_triage', 'linked'],
  }),
  batchSize: new Histogram({
    name: 'routing_batch_complaints',
    help: 'Distinct complaints per routed batch (one transaction and one publish each)',
    buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000],
  }),
  activeRulesVersion: new Gauge({
    name: 'routing_rules_active_version',
    help: 'The routing rule-set version this process routes by',
  }),
};

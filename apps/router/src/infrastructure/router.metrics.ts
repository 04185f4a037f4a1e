import { Counter, Gauge } from 'prom-client';

/** Prometheus metrics of the router, registered in the default registry (served at /metrics). */
export const routerMetrics = {
  routed: new Counter({
    name: 'routing_complaints_routed_total',
    help: 'Routed complaints published (redeliveries republish the stored decision and count again)',
    labelNames: ['department', 'needs_triage', 'linked'],
  }),
  activeRulesVersion: new Gauge({
    name: 'routing_rules_active_version',
    help: 'The routing rule-set version this process routes by',
  }),
};

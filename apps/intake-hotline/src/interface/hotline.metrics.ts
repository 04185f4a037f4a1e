import { Counter } from 'prom-client';

/** Prometheus metrics of the hotline intake, registered in the default registry. */
export const hotlineMetrics = {
  calls: new Counter({
    name: 'hotline_calls_total',
    help: 'Pushed call records, by call centre and result (accepted, duplicate, rejected)',
    labelNames: ['callcenter', 'status'],
  }),
};

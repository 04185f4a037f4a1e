import { Counter } from 'prom-client';

/** Prometheus metrics of the notifier, registered in the default registry. */
export const notifierMetrics = {
  queued: new Counter({ name: 'notifications_queued_total', help: 'Notifications recorded for sending, by route', labelNames: ['route'] }),
  unconfigured: new Counter({
    name: 'notifications_unconfigured_total',
    help: 'Customer-visible events that could not be sent because the route has no gateway configured',
    labelNames: ['route'],
  }),
};

import { Counter } from 'prom-client';

/** Prometheus metrics of the mobile intake, registered in the default registry. */
export const mobileMetrics = {
  submissions: new Counter({
    name: 'mobile_submissions_total',
    help: 'App complaint submissions, by result (accepted, replayed, rejected_evidence, key_reused, failed)',
    labelNames: ['result'],
  }),
  ratings: new Counter({
    name: 'mobile_ratings_total',
    help: 'Satisfaction ratings sent from the app, by result (accepted, replayed, not_found, not_answered, already_rated, key_reused, failed)',
    labelNames: ['result'],
  }),
  tokens: new Counter({
    name: 'mobile_token_refusals_total',
    help: 'Refused app tokens (401) and token key outages (503), by kind',
    labelNames: ['kind'],
  }),
  caseEvents: new Counter({
    name: 'mobile_case_events_total',
    help: 'Case events of mobile complaints consumed into the customer view, by outcome (applied, duplicate, unknown-complaint)',
    labelNames: ['outcome'],
  }),
};

import { Counter } from 'prom-client';

/** Survey answers the case service consumed, by outcome (recorded, already-recorded, already-answered, no-case, refused). */
export const customerAnswersConsumed = new Counter({
  name: 'cases_customer_answers_total',
  help: 'Customer survey answers consumed from complaints.customer-responses.v1, by outcome; already-answered: a later answer of a customer who had answered the case (changes nothing)',
  labelNames: ['outcome', 'channel'],
});

import { Counter } from 'prom-client';

/** Prometheus metrics of the SMS surveys and replies, registered in the default registry. */
export const smsSurveyMetrics = {
  replies: new Counter({
    name: 'notifier_sms_replies_total',
    help: 'SMS replies delivered by the gateway, by outcome (survey-answered, not-an-answer, no-survey)',
    labelNames: ['outcome'],
  }),
  surveys: new Counter({
    name: 'notifier_sms_survey_changes_total',
    help: 'SMS survey changes from case events, by event and outcome',
    labelNames: ['event', 'outcome'],
  }),
  purged: new Counter({ name: 'notifier_sms_surveys_purged_total', help: 'Expired SMS surveys deleted by the purge job' }),
};

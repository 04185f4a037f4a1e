import { Counter } from 'prom-client';

export const socialMetrics = {
  messages: new Counter({ name: 'intake_social_messages_total', help: 'Customer messages taken in, by channel and outcome', labelNames: ['channel', 'outcome'] }),
  published: new Counter({ name: 'intake_social_complaints_published_total', help: 'Conversations published as complaints' }),
  surveys: new Counter({ name: 'intake_social_survey_changes_total', help: 'Survey changes from case events (sent, ended), by event and outcome', labelNames: ['event', 'outcome'] }),
  surveysPurged: new Counter({ name: 'intake_social_surveys_purged_total', help: 'Expired surveys deleted by the purge job' }),
  surveyAnswersPublished: new Counter({ name: 'intake_social_survey_answers_published_total', help: 'Survey answers published as customer responses' }),
  replies: new Counter({ name: 'intake_social_replies_total', help: 'Replies sent through channel APIs, by outcome', labelNames: ['outcome'] }),
};

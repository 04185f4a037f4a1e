import { Counter } from 'prom-client';

/** The service's own metrics; survey answers' are the outbox relay's `intake_social_survey_answers_*` (infrastructure/messaging/survey-answers-outbox.ts). */
export const socialMetrics = {
  messages: new Counter({
    name: 'intake_social_messages_total',
    help: 'Customer messages taken in, by channel and outcome',
    labelNames: ['channel', 'outcome'],
  }),
  published: new Counter({ name: 'intake_social_complaints_published_total', help: 'Conversations published as complaints' }),
  rejected: new Counter({
    name: 'intake_social_conversations_rejected_total',
    help: 'Conversations set aside because their complaint can never satisfy the contract',
  }),
  surveys: new Counter({
    name: 'intake_social_survey_changes_total',
    help: 'Survey changes from case events (sent, ended), by event and outcome',
    labelNames: ['event', 'outcome'],
  }),
  surveysPurged: new Counter({ name: 'intake_social_surveys_purged_total', help: 'Expired surveys deleted by the purge job' }),
  replaysRefused: new Counter({
    name: 'intake_social_callback_replays_refused_total',
    help: 'Signed callbacks refused because their nonce came before with other content',
    labelNames: ['realm'],
  }),
  noncesPurged: new Counter({
    name: 'intake_social_callback_nonces_purged_total',
    help: 'Callback nonces deleted once their timestamp window passed',
  }),
  replies: new Counter({
    name: 'intake_social_replies_total',
    help: 'Replies sent through channel APIs, by outcome',
    labelNames: ['outcome'],
  }),
};

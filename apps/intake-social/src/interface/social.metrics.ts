import { Counter } from 'prom-client';

export const socialMetrics = {
  messages: new Counter({ name: 'intake_social_messages_total', help: 'Customer messages taken in, by channel and outcome', labelNames: ['channel', 'outcome'] }),
  published: new Counter({ name: 'intake_social_complaints_published_total', help: 'Conversations published as complaints' }),
  replies: new Counter({ name: 'intake_social_replies_total', help: 'Replies sent through channel APIs, by outcome', labelNames: ['outcome'] }),
};

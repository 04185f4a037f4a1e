import 'reflect-metadata';
import { loadConfig } from '@complaints/config';
import { runService } from '@complaints/http';
import { IntakeSocialConfig } from './intake-social.config';
import { IntakeSocialModule, intakeSocialHttpOptions } from './intake-social.module';

void runService(() => {
  const config = loadConfig(IntakeSocialConfig);
  return {
    module: IntakeSocialModule.register(config),
    host: config.HOST,
    port: config.INTAKE_SOCIAL_PORT,
    ...intakeSocialHttpOptions(config),
    openApi: {
      title: 'Social intake',
      description:
        'WeChat official-account and Weibo fan-service callbacks (signed by the platforms), a Weibo @mention/comment poller and an optional ' +
        "Wechaty bot; a customer's messages within a quiet window become one complaint with a reference.",
    },
  };
});

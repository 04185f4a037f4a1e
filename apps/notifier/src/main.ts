import 'reflect-metadata';
import { loadConfig } from '@complaints/config';
import { runService } from '@complaints/http';
import { NotifierConfig } from './notifier.config';
import { NotifierModule } from './notifier.module';
import { notifierHttpOptions } from './sms-surveys.providers';

void runService(() => {
  const config = loadConfig(NotifierConfig);
  return {
    module: NotifierModule.register(config),
    host: config.HOST,
    port: config.NOTIFIER_PORT,
    ...notifierHttpOptions(),
    openApi: {
      title: 'Notifier',
      description:
        'Tells customers about their complaint on the channel they used, and takes their SMS replies to the satisfaction survey from the SMS gateway.',
    },
  };
});

import 'reflect-metadata';
import { loadConfig } from '@complaints/config';
import { runService } from '@complaints/http';
import { NotifierConfig } from './notifier.config';
import { NotifierModule } from './notifier.module';

void runService(() => {
  const config = loadConfig(NotifierConfig);
  return {
    module: NotifierModule.register(config),
    host: config.HOST,
    port: config.NOTIFIER_PORT,
    openApi: { title: 'Notifier', description: 'Tells customers about their complaint on the channel they used. Operational endpoints only.' },
  };
});

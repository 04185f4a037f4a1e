import 'reflect-metadata';
import { loadConfig } from '@complaints/config';
import { originList, runService } from '@complaints/http';
import { AnalyticsConfig } from './analytics.config';
import { AnalyticsModule } from './analytics.module';
import { transparencyCors } from './interface/http/transparency-cors';

void runService(() => {
  const config = loadConfig(AnalyticsConfig);
  return {
    module: AnalyticsModule.register(config),
    host: config.HOST,
    port: config.ANALYTICS_PORT,
    corsOrigins: originList(config.ANALYTICS_CORS_ORIGINS),
    publicCors: transparencyCors(config),
    openApi: {
      title: 'Analytics: KPIs and reports',
      description: 'KPIs for staff (staff bearer JWT), the JR/T 0169 statistics return, and the public transparency report.',
    },
  };
});

import 'reflect-metadata';
import { loadConfig } from '@complaints/config';
import { runService } from '@complaints/http';
import { IntakeWebConfig } from './intake-web.config';
import { INTAKE_WEB_BODY_LIMIT_BYTES, IntakeWebModule } from './intake-web.module';
import { customerSite } from './interface/web/customer-site';

void runService(() => {
  const config = loadConfig(IntakeWebConfig);
  return {
    module: IntakeWebModule.register(config),
    host: config.HOST,
    port: config.INTAKE_WEB_PORT,
    bodyLimitBytes: INTAKE_WEB_BODY_LIMIT_BYTES,
    site: customerSite(config),
    openApi: { title: 'Web complaint intake', description: 'The public complaint API of the bank: file a complaint, get a reference.' },
  };
});

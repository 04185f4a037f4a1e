import 'reflect-metadata';
import { loadConfig } from '@complaints/config';
import { runService } from '@complaints/http';
import { IntakeMobileConfig } from './intake-mobile.config';
import { IntakeMobileModule, intakeMobileHttpOptions } from './intake-mobile.module';

void runService(() => {
  const config = loadConfig(IntakeMobileConfig);
  return {
    module: IntakeMobileModule.register(config),
    host: config.HOST,
    port: config.INTAKE_MOBILE_PORT,
    ...intakeMobileHttpOptions(config),
    openApi: {
      title: 'Mobile app complaints',
      description:
        "For the bank's mobile app: file a complaint with evidence (Authorization: Bearer <customer JWT>, Idempotency-Key required) " +
        "and follow your complaints' status and timeline.",
    },
  };
});

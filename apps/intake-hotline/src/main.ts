import 'reflect-metadata';
import { loadConfig } from '@complaints/config';
import { runService } from '@complaints/http';
import { IntakeHotlineConfig } from './intake-hotline.config';
import { IntakeHotlineModule, intakeHotlineHttpOptions } from './intake-hotline.module';

void runService(() => {
  const config = loadConfig(IntakeHotlineConfig);
  return {
    module: IntakeHotlineModule.register(config),
    host: config.HOST,
    port: config.INTAKE_HOTLINE_PORT,
    ...intakeHotlineHttpOptions(config),
    openApi: {
      title: 'Hotline intake',
      description:
        'Call-centre systems push call records and transcripts, signed with HMAC-SHA256; each call becomes a complaint with a reference.',
    },
  };
});

import 'reflect-metadata';
import { loadConfig } from '@complaints/config';
import { runService } from '@complaints/http';
import { CasesConfig } from './cases.config';
import { CasesModule } from './cases.module';
import { staffConsole } from './interface/web/staff-console';

void runService(() => {
  const config = loadConfig(CasesConfig);
  return {
    module: CasesModule.register(config),
    host: config.HOST,
    port: config.CASES_PORT,
    site: staffConsole(config),
    openApi: { title: 'Cases: staff API', description: 'Complaint cases for department staff. Staff bearer JWT required.' },
  };
});

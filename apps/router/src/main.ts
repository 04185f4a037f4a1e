import 'reflect-metadata';
import { loadConfig } from '@complaints/config';
import { runService } from '@complaints/http';
import { RouterConfig } from './router.config';
import { RouterModule } from './router.module';

void runService(() => {
  const config = loadConfig(RouterConfig);
  return {
    module: RouterModule.register(config),
    host: config.HOST,
    port: config.ROUTER_PORT,
    corsOrigins: config.corsOrigins,
    openApi: {
      title: 'Complaint router',
      description:
        'Classification and routing of complaints on the JR/T 0169 axes: editable, versioned routing rules with dry runs and an audit trail, and department handlers.',
    },
  };
});

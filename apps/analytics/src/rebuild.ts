import 'reflect-metadata';
import { loadConfig } from '@complaints/config';
import { AnalyticsConfig } from './analytics.config';
import { rebuildReadModel } from './infrastructure/rebuild/rebuild-read-model';

/** `npm run analytics:rebuild`: empties the analytics read model and replays the topics into it. */
rebuildReadModel(loadConfig(AnalyticsConfig), (line) => process.stdout.write(`analytics:rebuild ${line}\n`))
  .then((result) => {
    process.stdout.write(`analytics:rebuild done: ${JSON.stringify(result)}\n`);
    process.exit(0);
  })
  .catch((error: unknown) => {
    process.stderr.write(`analytics:rebuild failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });

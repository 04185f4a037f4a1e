import { DataSource } from 'typeorm';
import { DatabaseServiceConfig, loadConfig } from '@complaints/config';
import { notifierDataSourceOptions } from './notifier.data-source';

/** For the TypeORM CLI: `npx typeorm -d dist/apps/notifier/src/infrastructure/persistence/notifier.cli-data-source.js migration:show`. */
export default new DataSource(notifierDataSourceOptions(loadConfig(DatabaseServiceConfig).DATABASE_URL));

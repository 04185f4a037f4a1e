import { DataSource } from 'typeorm';
import { DatabaseServiceConfig, loadConfig } from '@complaints/config';
import { intakeMobileDataSourceOptions } from './intake-mobile.data-source';

/** For the TypeORM CLI: `npx typeorm -d dist/apps/intake-mobile/src/infrastructure/persistence/intake-mobile.cli-data-source.js migration:show`. */
export default new DataSource(intakeMobileDataSourceOptions(loadConfig(DatabaseServiceConfig).DATABASE_URL));

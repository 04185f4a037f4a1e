import { DataSource } from 'typeorm';
import { DatabaseServiceConfig, loadConfig } from '@complaints/config';
import { intakeWebDataSourceOptions } from './intake-web.data-source';

/** For the TypeORM CLI: `npx typeorm -d dist/apps/intake-web/src/infrastructure/persistence/intake-web.cli-data-source.js migration:show`. */
export default new DataSource(intakeWebDataSourceOptions(loadConfig(DatabaseServiceConfig).DATABASE_URL));

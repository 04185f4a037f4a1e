import { DataSource } from 'typeorm';
import { DatabaseServiceConfig, loadConfig } from '@complaints/config';
import { intakeHotlineDataSourceOptions } from './intake-hotline.data-source';

/** For the TypeORM CLI: `npx typeorm -d dist/apps/intake-hotline/src/infrastructure/persistence/intake-hotline.cli-data-source.js migration:show`. */
export default new DataSource(intakeHotlineDataSourceOptions(loadConfig(DatabaseServiceConfig).DATABASE_URL));

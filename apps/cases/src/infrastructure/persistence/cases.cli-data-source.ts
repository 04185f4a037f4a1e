import { DataSource } from 'typeorm';
import { DatabaseServiceConfig, loadConfig } from '@complaints/config';
import { casesDataSourceOptions } from './cases.data-source';

/** For the TypeORM CLI: `npx typeorm -d dist/apps/cases/src/infrastructure/persistence/cases.cli-data-source.js migration:show`. */
export default new DataSource(casesDataSourceOptions(loadConfig(DatabaseServiceConfig).DATABASE_URL));

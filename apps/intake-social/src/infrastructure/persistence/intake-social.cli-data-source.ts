import { DataSource } from 'typeorm';
import { DatabaseServiceConfig, loadConfig } from '@complaints/config';
import { intakeSocialDataSourceOptions } from './intake-social.data-source';

/** For the TypeORM CLI: `npx typeorm -d dist/apps/intake-social/src/infrastructure/persistence/intake-social.cli-data-source.js migration:show`. */
export default new DataSource(intakeSocialDataSourceOptions(loadConfig(DatabaseServiceConfig).DATABASE_URL));

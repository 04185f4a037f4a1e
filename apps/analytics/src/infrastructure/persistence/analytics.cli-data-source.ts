import { DataSource } from 'typeorm';
import { DatabaseServiceConfig, loadConfig } from '@complaints/config';
import { analyticsDataSourceOptions } from './analytics.data-source';

/** For the TypeORM CLI: `npx typeorm -d dist/apps/analytics/src/infrastructure/persistence/analytics.cli-data-source.js migration:show`. */
export default new DataSource(analyticsDataSourceOptions(loadConfig(DatabaseServiceConfig).DATABASE_URL));

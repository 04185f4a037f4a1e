import { DataSource } from 'typeorm';
import { DatabaseServiceConfig, loadConfig } from '@complaints/config';
import { routerDataSourceOptions } from './router.data-source';

/** For the TypeORM CLI: `npx typeorm -d dist/apps/router/src/infrastructure/persistence/router.cli-data-source.js migration:show`. */
export default new DataSource(routerDataSourceOptions(loadConfig(DatabaseServiceConfig).DATABASE_URL));

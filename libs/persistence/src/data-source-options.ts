import type { DataSourceOptions } from 'typeorm';
import type { MixedList, EntitySchema } from 'typeorm';

export interface ServiceDataSourceSpec {
  url: string;
  /** The service's own schema: every table it owns lives there, including its migrations table. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
  applicationName?: string;
}

/** TypeORM options of a service: migrations only (never `synchronize`), one schema per service. */
export function dataSourceOptions(spec: ServiceDataSourceSpec): DataSourceOptions {
  return {
    type: 'postgres',
    url: spec.url,
    schema: spec.schema,
    entities: spec.entities,
    migrations: spec.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // Failed queries surface as errors through the service's logger; TypeORM's own console output would print parameters.
    logging: false,
    poolSize: spec.poolSize ?? 10,
    applicationName: spec.applicationName,
  };
}

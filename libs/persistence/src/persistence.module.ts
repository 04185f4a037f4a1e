import { DynamicModule, Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { DatabaseServiceConfig, ServiceConfig } from '@complaints/config';
import { DatabaseReadiness } from './database.readiness';
import { ensureDatabase } from './ensure-database';
import { migrate } from './migrate';

/**
 * TypeORM for a service: creates the database when missing, migrates the service's schema at boot
 * (under an advisory lock), then serves repositories. `options` comes from the service's data
 * source definition, the same one the TypeORM CLI uses.
 */
@Global()
@Module({})
export class PersistenceModule {
  static forRoot(options: (config: DatabaseServiceConfig) => DataSourceOptions & { schema: string }): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        TerminusModule,
        TypeOrmModule.forRootAsync({
          inject: [ServiceConfig],
          useFactory: (config: ServiceConfig) => options(config as DatabaseServiceConfig),
          dataSourceFactory: async (resolved) => {
            const opts = resolved as DataSourceOptions & { schema: string; url: string };
            await ensureDatabase(opts.url);
            const dataSource = await new DataSource(opts).initialize();
            await migrate(dataSource, opts.schema);
            return dataSource;
          },
        }),
      ],
      providers: [DatabaseReadiness],
      exports: [DatabaseReadiness],
    };
  }
}

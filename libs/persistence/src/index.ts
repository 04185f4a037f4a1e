export * from './data-source-options';
export * from './database.readiness';
export * from './ensure-database';
export * from './migrate';
export * from './periodic-task';
export * from './persistence.module';
export * from './purge-expired';
export * from './rows';

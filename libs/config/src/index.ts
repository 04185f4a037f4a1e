export * from './dev-defaults';
export * from './keyed-setting';
export * from './load-config';
export * from './secret-settings';
export * from './service-config.module';
export * from './service.config';

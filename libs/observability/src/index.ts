export * from './create-logger';
export * from './http.metrics';
export * from './observability.module';
export * from './readiness-check';
export * from './safe-error';

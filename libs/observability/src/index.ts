export * from './create-logger';
export * from './http.metrics';
export * from './loggable-url';
export * from './observability.module';
export * from './readiness-check';
export * from './public-route';
export * from './safe-error';

export * from './create-http-app';
export * from './problem';
export * from './problem-details.filter';
export * from './cors';
export * from './request-context';
export * from './run-service';
export * from './site';
export * from './validation.pipe';

export * from './deliver-due';
export * from './delivery';
export * from './delivery-dispatcher';
export * from './delivery.module';
export * from './postgres-delivery-outbox';
export * from './retry-policy';

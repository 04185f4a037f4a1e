export * from './ensure-kafka';
export * from './kafka-jars';
export * from './kafka-probe';
export * from './local-kafka';
export * from './provision';
export * from './local-kafka-cluster';

import { localBrokerCount, stackEnv } from './stack-env';

describe('stackEnv: the Kafka of the stack', () => {
  const base = { KAFKA_BROKERS: '127.0.0.1:9092', KAFKA_REPLICATION_FACTOR: undefined, KAFKA_BROKERS_LOCAL: undefined };

  it('keeps one broker and one copy by default', () => {
    const env = stackEnv(base);
    expect(env.KAFKA_BROKERS).toBe('127.0.0.1:9092');
    expect(env.KAFKA_REPLICATION_FACTOR).toBeUndefined();
    expect(localBrokerCount(env)).toBe(1);
  });

  it('KAFKA_BROKERS_LOCAL=3 gives the services three addresses (every other port) and three copies', () => {
    const env = stackEnv({ ...base, KAFKA_BROKERS_LOCAL: '3' });
    expect(env.KAFKA_BROKERS).toBe('127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096');
    expect(env.KAFKA_REPLICATION_FACTOR).toBe('3');
    expect(localBrokerCount(env)).toBe(3);
  });

  it('keeps three addresses given, and a replication factor set', () => {
    const env = stackEnv({
      ...base,
      KAFKA_BROKERS_LOCAL: '3',
      KAFKA_BROKERS: '127.0.0.1:1,127.0.0.1:5,127.0.0.1:9',
      KAFKA_REPLICATION_FACTOR: '2',
    });
    expect(env.KAFKA_BROKERS).toBe('127.0.0.1:1,127.0.0.1:5,127.0.0.1:9');
    expect(env.KAFKA_REPLICATION_FACTOR).toBe('2');
  });

  it('refuses a count that is not 1-9', () => {
    expect(() => stackEnv({ ...base, KAFKA_BROKERS_LOCAL: 'three' })).toThrow(/KAFKA_BROKERS_LOCAL/);
    expect(() => stackEnv({ ...base, KAFKA_BROKERS_LOCAL: '0' })).toThrow(/KAFKA_BROKERS_LOCAL/);
  });
});

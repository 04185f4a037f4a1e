import { DatabaseServiceConfig } from './service.config';
import { InvalidConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('applies development defaults and converts numbers', () => {
    const config = loadConfig(DatabaseServiceConfig, { NODE_ENV: 'development', KAFKA_TOPIC_PARTITIONS: '12' });
    expect(config.KAFKA_BROKERS).toBe('127.0.0.1:9092');
    expect(config.DATABASE_URL).toContain('/complaints');
    expect(config.KAFKA_TOPIC_PARTITIONS).toBe(12);
    expect(config.kafkaBrokers).toEqual(['127.0.0.1:9092']);
  });

  it('names every bad variable', () => {
    expect(() => loadConfig(DatabaseServiceConfig, { KAFKA_BROKERS: 'nonsense', KAFKA_TOPIC_PARTITIONS: '0' })).toThrow(InvalidConfigError);
    try {
      loadConfig(DatabaseServiceConfig, { KAFKA_BROKERS: 'nonsense', KAFKA_TOPIC_PARTITIONS: '0' });
    } catch (error) {
      const problems = (error as InvalidConfigError).problems.join('\n');
      expect(problems).toContain('KAFKA_BROKERS');
      expect(problems).toContain('KAFKA_TOPIC_PARTITIONS');
    }
  });

  it('refuses missing settings in production instead of using development defaults', () => {
    expect(() => loadConfig(DatabaseServiceConfig, { NODE_ENV: 'production' })).toThrow(/KAFKA_BROKERS[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*KAFKA_BROKERS/);
    const config = loadConfig(DatabaseServiceConfig, { NODE_ENV: 'production', KAFKA_BROKERS: 'kafka:9092', DATABASE_URL: 'postgres://db/complaints' });
    expect(config.KAFKA_BROKERS).toBe('kafka:9092');
  });
});

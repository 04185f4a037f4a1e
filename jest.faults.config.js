/**
 * The fault suite (`npm run test:faults`, after `npm run build`): `*.fault-spec.ts` under test/faults/, which
 * run the built services as processes on PostgreSQL and Kafka of their own and kill them. Same module
 * mapping, transform and setup files as jest.config.js; no global setup (the suite starts its own
 * infrastructure, it must not share the test run's broker or database).
 */
const base = require('./jest.config');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/faults'],
  testMatch: ['**/*.fault-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  globalSetup: undefined,
  globalTeardown: undefined,
  testTimeout: 600_000,
  slowTestThreshold: 600,
};

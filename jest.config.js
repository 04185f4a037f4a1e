/**
 * One jest run for everything: unit tests (`*.spec.ts` beside the code) and the integration and
 * end-to-end tests under `test/` that talk to the real Kafka broker and PostgreSQL. The global setup
 * starts a local Kafka when none answers and prepares a fresh test database.
 */
const { readFileSync } = require('node:fs');
const { compilerOptions } = JSON.parse(readFileSync(`${__dirname}/tsconfig.json`, 'utf8'));
const swc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));

const moduleNameMapper = {
  ...Object.fromEntries(Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`])),
  // The front ends import the contracts' pure modules one by one (tsconfig.web.json); their unit tests too.
  '^@complaints/contracts/(.*)$': '<rootDir>/libs/contracts/src/$1',
};

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test', '<rootDir>/tools', '<rootDir>/bench'],
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/*.browser-spec.ts'],
  // The fault suite kills processes and runs for minutes: only `npm run test:faults` (jest.faults.config.js) runs it.
  testPathIgnorePatterns: ['/node_modules/', '\\.fault-spec\\.ts$'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] },
  moduleNameMapper,
  setupFiles: ['<rootDir>/test/setup/test-env.ts'],
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  // Generous: an end-to-end test may first wait for a router working through earlier tests' complaints.
  testTimeout: 180_000,
  slowTestThreshold: 20,
};

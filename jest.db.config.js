/**
 * Integration (real services on real PostgreSQL) and e2e (the app over HTTP): `npm run test:db`, in band.
 * The global setup creates one database for the run (TEST_DATABASE_URL's server, or an embedded one),
 * runs the real migrations, and drops it afterwards.
 */
module.exports = {
  ...require('./jest.shared'),
  displayName: 'db',
  testMatch: ['<rootDir>/libs/**/*.integration-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
};

import { validateEnvironment, type EnvironmentWith } from '@app/config';

/** The API's JWT secret in tests; the test worker derives its unsubscribe key from it too. */
export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-0123456789abcdef';

/** Where the tests' emails link to (the API and worker harnesses alike); a test may set another. */
export const TEST_PUBLIC_URL = 'http://localhost:3000';

/** The environment the tests run the app with: the run's database, a fixed secret, quiet logs. */
export function testEnvironment(overrides: Record<string, string> = {}): EnvironmentWith<'PUBLIC_URL'> {
  const url = process.env.DATABASE_URL;
  if (!url || !/test/i.test(new URL(url).pathname))
    throw new Error('DATABASE_URL must point at the test database (run through jest.db.config.js)');
  return validateEnvironment(
    {
      NODE_ENV: 'test',
      DATABASE_URL: url,
      DATABASE_POOL_SIZE: '5',
      JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'error',
      PORT: '0',
      PUBLIC_URL: TEST_PUBLIC_URL,
      // Test webhook receivers listen on loopback.
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      // Every test file logs in from 127.0.0.1 into the run's one database, so the per-IP count would add up
      // across files; the throttle suite sets its own limits.
      LOGIN_MAX_FAILURES_PER_IP: '1000',
      ...overrides,
    },
    { require: ['PUBLIC_URL'] },
  );
}

import { randomBytes } from 'node:crypto';
import {
  createTenant,
  expectStatus,
  startTestApi,
  TEST_PASSWORD,
  type HttpResponse,
  type Tenant,
  type TestApi,
} from '@test/support';

/**
 * Login throttling over real HTTP, counters in PostgreSQL: per account (the email, existing or not) and per
 * client IP, where X-Forwarded-For counts only when the TCP peer is a configured trusted proxy.
 */

const unique = () => randomBytes(5).toString('hex');

const ACCOUNT_LIMIT = 3;
const IP_LIMIT = 6;
const WINDOW = 600;

function expectThrottled(response: HttpResponse): void {
  expectStatus(response, 429);
  expect(response.body).toEqual({
    statusCode: 429,
    code: 'AUTH.TOO_MANY_ATTEMPTS',
    message: 'Too many login attempts; try again later',
    details: { retryAfterSeconds: expect.any(Number) },
    correlationId: expect.any(String),
  });
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(WINDOW);
  expect(response.body.details.retryAfterSeconds).toBe(retryAfter);
}

describe('login throttling behind a trusted proxy', () => {
  let api: TestApi;
  let t: Tenant;
  let ipCounter = 0;
  const nextIp = () => `198.51.100.${(ipCounter += 1)}`;

  const loginFrom = (ip: string, email: string, password: string) =>
    api.http.request('POST', '/auth/login', { email, password }, { 'x-forwarded-for': ip });

  beforeAll(async () => {
    api = await startTestApi({
      TRUSTED_PROXIES: '127.0.0.1,::1',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: String(ACCOUNT_LIMIT),
      LOGIN_MAX_FAILURES_PER_IP: String(IP_LIMIT),
      LOGIN_THROTTLE_WINDOW_SECONDS: String(WINDOW),
    });
    // Earlier files' failed logins from 127.0.0.1 share this database's counters: start from none.
    await api.dataSource.query(`DELETE FROM login_attempts`);
    t = await createTenant(api.http, 'Throttle');
  });
  afterAll(() => api?.close());

  it('one IP hammering one account is stopped, even with the right password, and the response says when to retry', async () => {
    const ip = nextIp();
    const victim = t.emails.executive;
    for (let i = 0; i < ACCOUNT_LIMIT; i += 1) expectStatus(await loginFrom(ip, victim, `wrong-password-${i}-xx`), 401);
    expectThrottled(await loginFrom(ip, victim, `wrong-password-again-x`));
    expectThrottled(await loginFrom(ip, victim, TEST_PASSWORD));
  });

  it('the same IP can still log in to a different account; the blocked account stays blocked from another forwarded IP', async () => {
    const ip = nextIp();
    const victim = t.emails.clientViewer;
    for (let i = 0; i < ACCOUNT_LIMIT; i += 1) expectStatus(await loginFrom(ip, victim, `wrong-password-${i}-xx`), 401);
    expectThrottled(await loginFrom(ip, victim, TEST_PASSWORD));
    expectStatus(await loginFrom(ip, t.emails.manager, TEST_PASSWORD), 200);
    // Per account: guesses spread over many addresses (a botnet) are stopped too.
    expectThrottled(await loginFrom(nextIp(), victim, TEST_PASSWORD));
  });

  it('a success clears the account count: failures below the limit never add up across sessions', async () => {
    for (let round = 0; round < 3; round += 1) {
      const ip = nextIp(); // the account is under test here, not the per-IP count
      for (let i = 0; i < ACCOUNT_LIMIT - 1; i += 1)
        expectStatus(await loginFrom(ip, t.emails.admin, `wrong-password-${i}-xx`), 401);
      expectStatus(await loginFrom(ip, t.emails.admin, TEST_PASSWORD), 200);
    }
  });

  it('one IP trying many accounts (credential stuffing) is stopped per IP; another forwarded IP is not', async () => {
    const ip = nextIp();
    for (let i = 0; i < IP_LIMIT; i += 1)
      expectStatus(await loginFrom(ip, `stuffed-${unique()}@firm.test`, 'some-leaked-password'), 401);
    expectThrottled(await loginFrom(ip, `stuffed-${unique()}@firm.test`, 'some-leaked-password'));
    expectThrottled(await loginFrom(ip, t.emails.manager, TEST_PASSWORD));
    expectStatus(await loginFrom(nextIp(), t.emails.manager, TEST_PASSWORD), 200);
  });

  it('an unknown email is throttled exactly like an existing one (no enumeration through status, body or count)', async () => {
    const ip = nextIp();
    const unknown = t.emails.manager.replace('@', `+nobody-${unique()}@`); // unknown, same shape
    const answers: Array<[number, string]> = [];
    for (let i = 0; i <= ACCOUNT_LIMIT; i += 1) {
      const r = await loginFrom(ip, unknown, `wrong-password-${i}-xx`);
      answers.push([r.status, r.body.code]);
    }
    expect(answers).toEqual([
      ...Array.from({ length: ACCOUNT_LIMIT }, () => [401, 'AUTH.INVALID_CREDENTIALS']),
      [429, 'AUTH.TOO_MANY_ATTEMPTS'],
    ]);
  });

  it('counts are shared between API processes (they live in PostgreSQL)', async () => {
    const second = await startTestApi({
      TRUSTED_PROXIES: '127.0.0.1,::1',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: String(ACCOUNT_LIMIT),
      LOGIN_MAX_FAILURES_PER_IP: String(IP_LIMIT),
    });
    try {
      const email = `shared-${unique()}@firm.test`;
      const ip = nextIp();
      for (let i = 0; i < ACCOUNT_LIMIT; i += 1) {
        const via = i % 2 === 0 ? api.http : second.http;
        expectStatus(
          await via.request('POST', '/auth/login', { email, password: 'wrong-password-xx' }, { 'x-forwarded-for': ip }),
          401,
        );
      }
      expectThrottled(
        await second.http.request(
          'POST',
          '/auth/login',
          { email, password: 'wrong-password-xx' },
          { 'x-forwarded-for': ip },
        ),
      );
    } finally {
      await second.close();
    }
  });
});

describe('login throttling without trusted proxies', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '100',
      LOGIN_MAX_FAILURES_PER_IP: String(IP_LIMIT),
      LOGIN_THROTTLE_WINDOW_SECONDS: String(WINDOW),
    });
    await api.dataSource.query(`DELETE FROM login_attempts`);
  });
  afterAll(() => api?.close());

  it('ignores X-Forwarded-For from an untrusted peer: rotating spoofed addresses does not escape the per-IP limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= IP_LIMIT; i += 1) {
      const r = await api.http.request(
        'POST',
        '/auth/login',
        { email: `spoof-${unique()}@firm.test`, password: 'wrong-password-xx' },
        { 'x-forwarded-for': `192.0.2.${i + 1}` },
      );
      statuses.push(r.status);
      if (r.status === 429) {
        expectThrottled(r);
        break;
      }
    }
    // All count as 127.0.0.1: stopped at the limit exactly as if no header had been sent.
    expect(statuses).toEqual([...Array.from({ length: IP_LIMIT }, () => 401), 429]);
  });
});

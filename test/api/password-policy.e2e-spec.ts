import { randomBytes } from 'node:crypto';
import { DEMO_PASSWORD, commonPasswordProblem } from '@app/domain';
import {
  createUser,
  createTenant,
  expectStatus,
  startTestApi,
  TEST_PASSWORD,
  type HttpResponse,
  type Tenant,
  type TestApi,
} from '@test/support';

/**
 * The password policy (12-128 characters, not a common password) wherever a password is set: sign-up, user
 * creation and the caller's own password change (POST /me/password), over real HTTP.
 */

const unique = () => randomBytes(5).toString('hex');

function expectPasswordRefused(response: HttpResponse, field: string, problem: RegExp): void {
  expectStatus(response, 400);
  expect(response.body.code).toBe('VALIDATION_FAILED');
  const problems = (response.body.errors as Array<{ field: string; problems: string[] }>)
    .filter((e) => e.field === field)
    .flatMap((e) => e.problems);
  expect(problems.some((p) => problem.test(p))).toBe(true);
  expect(response.body.errors.every((e: { field: string }) => e.field === field)).toBe(true);
}

describe('password policy', () => {
  let api: TestApi;
  let t: Tenant;
  beforeAll(async () => {
    api = await startTestApi();
    t = await createTenant(api.http, 'Passwords');
  });
  afterAll(() => api?.close());

  it('the demo and test passwords comply with the policy', () => {
    for (const password of [DEMO_PASSWORD, TEST_PASSWORD]) {
      expect(password.length).toBeGreaterThanOrEqual(12);
      expect(commonPasswordProblem(password)).toBeNull();
    }
  });

  it('sign-up refuses a common password with a 400 naming the field, and creates nothing', async () => {
    const organizations = async () => (await api.dataSource.query(`SELECT count(*)::int AS n FROM organizations`))[0].n;
    const before = await organizations();
    const body = { organizationName: `Weak ${unique()}`, name: 'Weak Admin', email: `weak-${unique()}@firm.test` };
    expectPasswordRefused(
      await api.http.post('/auth/signup', { ...body, password: '1qaz2wsx3edc' }),
      'password',
      /^password is one of the most common passwords/,
    );
    expectPasswordRefused(
      await api.http.post('/auth/signup', { ...body, password: 'Password2024!' }),
      'password',
      /common password with digits or symbols added/,
    );
    expectPasswordRefused(
      await api.http.post('/auth/signup', { ...body, password: 'short-pass1' }),
      'password',
      /^password must be between 12 and 128 characters$/,
    );
    expect(await organizations()).toBe(before);
  });

  it('user creation refuses common, repeated, too short and too long passwords; 12 and 128 characters are fine', async () => {
    const user = (password: unknown) =>
      createUser(t.admin, { email: `pw-${unique()}@firm.test`, name: 'Pw', role: 'executive', password });
    expectPasswordRefused(await user('qwertyqwerty'), 'password', /repeated/);
    expectPasswordRefused(await user('iloveyou123456'), 'password', /common password with digits or symbols added/);
    expectPasswordRefused(await user('x'.repeat(11)), 'password', /between 12 and 128/);
    expectPasswordRefused(
      await user(`a-${'long-unusual-phrase'.repeat(7)}`.slice(0, 129)),
      'password',
      /between 12 and 128/,
    );
    expectPasswordRefused(await user(12345678901234), 'password', /must be a string/);
    expectStatus(await user('plum-ferry-42'), 201);
    expectStatus(await user(`a-${'long-unusual-phrase'.repeat(7)}`.slice(0, 128)), 201);
  });

  describe('POST /me/password', () => {
    it('needs the current password (422) and a password that meets the policy (400); a refusal changes nothing', async () => {
      const tokenVersion = async () =>
        (await api.dataSource.query(`SELECT token_version FROM users WHERE id = $1`, [t.users.manager]))[0]
          .token_version;
      const before = await tokenVersion();
      const wrong = await t.manager.post('/me/password', {
        currentPassword: 'not-my-password',
        newPassword: 'plum-ferry-43',
      });
      expectStatus(wrong, 422);
      expect(wrong.body.code).toBe('AUTH.CURRENT_PASSWORD_WRONG');
      expectPasswordRefused(
        await t.manager.post('/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'trustno1trustno1' }),
        'newPassword',
        /repeated/,
      );
      expectPasswordRefused(
        await t.manager.post('/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' }),
        'newPassword',
        /^newPassword must be between 12 and 128 characters$/,
      );
      expect(await tokenVersion()).toBe(before);
      expectStatus(await t.manager.get('/me'), 200);
    });

    it('changes the password: the old one and every old token stop working, the new one logs in, the audit trail says so', async () => {
      const created = await createUser(t.admin, {
        email: `changer-${unique()}@firm.test`,
        name: 'Changer',
        role: 'account_manager',
        password: TEST_PASSWORD,
      });
      expectStatus(created, 201);
      const email = created.body.email as string;
      const session = await api.http.post('/auth/login', { email, password: TEST_PASSWORD });
      expectStatus(session, 200);
      const me = api.http.as(session.body.accessToken);
      const newPassword = `violet-tugboat-${unique()}`;
      expectStatus(await me.post('/me/password', { currentPassword: TEST_PASSWORD, newPassword }), 204);
      expectStatus(await me.get('/me'), 401);
      expectStatus(await api.http.post('/auth/refresh', { refreshToken: session.body.refreshToken }), 401);
      expectStatus(await api.http.post('/auth/login', { email, password: TEST_PASSWORD }), 401);
      const again = await api.http.post('/auth/login', { email, password: newPassword });
      expectStatus(again, 200);
      const events: Array<{ action: string }> = await api.dataSource.query(
        `SELECT action FROM audit_events WHERE organization_id = $1 AND entity_id = $2 AND action = 'user.password_changed'`,
        [t.organizationId, created.body.id],
      );
      expect(events).toHaveLength(1);
      const stored = JSON.stringify(
        await api.dataSource.query(`SELECT * FROM audit_events WHERE organization_id = $1 AND entity_id = $2`, [
          t.organizationId,
          created.body.id,
        ]),
      );
      expect(stored).not.toContain(newPassword);
      expect(stored).not.toMatch(/argon2/);
    });
  });
});

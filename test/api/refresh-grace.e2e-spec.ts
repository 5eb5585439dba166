import { randomBytes } from 'node:crypto';
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
 * Two tabs opened at once both refresh with the one stored refresh token. Within the grace window
 * (REFRESH_TOKEN_REUSE_GRACE_SECONDS, 30 s by default) a just-rotated token presented again gets the same successor
 * back; after it, or once the successor has been used, a used token is a replay: the family is revoked, audited and
 * logged as `auth.refresh.reuse_detected`.
 */
type Line = Record<string, unknown> & { event?: string };

describe('refresh token grace window', () => {
  let api: TestApi;
  let t: Tenant;
  const raw: string[] = [];
  const reuseLogged = (userId: string) =>
    raw
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Line)
      .filter((l) => l.event === 'auth.refresh.reuse_detected' && l.userId === userId);

  beforeAll(async () => {
    api = await startTestApi({}, { logTo: { write: (chunk: string) => void raw.push(chunk) } });
    t = await createTenant(api.http, 'Refresh grace');
  });
  afterEach(() => api.setNow(null));
  afterAll(() => api.close());

  const refresh = (refreshToken: string) => api.http.post('/auth/refresh', { refreshToken });

  /** A fresh user, logged in once: its own family, so tests never share one. */
  async function freshSession(): Promise<{ userId: string; refreshToken: string; accessToken: string }> {
    const email = `grace-${randomBytes(5).toString('hex')}@firm.test`;
    const created = await createUser(t.admin, {
      email,
      name: 'Grace User',
      password: TEST_PASSWORD,
      role: 'executive',
    });
    expectStatus(created, 201);
    const r = await api.http.post('/auth/login', { email, password: TEST_PASSWORD });
    expectStatus(r, 200);
    return { userId: created.body.id, refreshToken: r.body.refreshToken, accessToken: r.body.accessToken };
  }

  async function familyOf(userId: string): Promise<Array<{ used: boolean; revoked: boolean }>> {
    return api.dataSource.query(
      // The login's family (the newest token's): accepting the invitation that created the user started another.
      `SELECT used_at IS NOT NULL AS used, revoked_at IS NOT NULL AS revoked FROM refresh_tokens
        WHERE user_id = $1
          AND family_id = (SELECT family_id FROM refresh_tokens WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1)
        ORDER BY created_at`,
      [userId],
    );
  }

  async function reuseAudited(userId: string): Promise<number> {
    const [row]: Array<{ n: number }> = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'auth.refresh_token_reused' AND entity_id = $1`,
      [userId],
    );
    return row.n;
  }

  const expectRefused = (r: HttpResponse) => {
    expectStatus(r, 401);
    expect(r.body.code).toBe('AUTH.INVALID_REFRESH_TOKEN');
  };

  it('parallel refreshes with one token all succeed with the same successor; the family lives on, no reuse is raised', async () => {
    const s = await freshSession();
    const answers = await Promise.all(Array.from({ length: 6 }, () => refresh(s.refreshToken)));
    for (const r of answers) expectStatus(r, 200);
    const successors = new Set(answers.map((r) => r.body.refreshToken));
    expect(successors.size).toBe(1);
    const [successor] = successors;
    expect(successor).not.toBe(s.refreshToken);
    for (const r of answers) expectStatus(await api.http.as(r.body.accessToken).get('/me'), 200);

    // Rotated once (the row lock): the login token and one successor, nothing revoked.
    expect(await familyOf(s.userId)).toEqual([
      { used: true, revoked: false },
      { used: false, revoked: false },
    ]);
    // The user goes on refreshing as usual.
    const next = await refresh(successor);
    expectStatus(next, 200);
    expectStatus(await refresh(next.body.refreshToken), 200);
    expect(reuseLogged(s.userId)).toEqual([]);
    expect(await reuseAudited(s.userId)).toBe(0);
  });

  it('a repeat late in the window still gets the same successor', async () => {
    const s = await freshSession();
    const first = await refresh(s.refreshToken);
    expectStatus(first, 200);
    api.setNow(new Date(Date.now() + 29_000));
    const again = await refresh(s.refreshToken);
    expectStatus(again, 200);
    expect(again.body.refreshToken).toBe(first.body.refreshToken);
    expect(reuseLogged(s.userId)).toEqual([]);
  });

  it('a reuse after the window revokes the family, is audited and logs auth.refresh.reuse_detected', async () => {
    const s = await freshSession();
    const first = await refresh(s.refreshToken);
    expectStatus(first, 200);
    api.setNow(new Date(Date.now() + 31_000));
    expectRefused(await refresh(s.refreshToken));
    expectRefused(await refresh(first.body.refreshToken));
    expectStatus(await api.http.as(first.body.accessToken).get('/me'), 401);
    expect((await familyOf(s.userId)).every((token) => token.revoked)).toBe(true);
    expect(reuseLogged(s.userId)).toEqual([
      expect.objectContaining({ level: 'warn', userId: s.userId, organizationId: t.organizationId }),
    ]);
    expect(await reuseAudited(s.userId)).toBe(1);
  });

  it('within the window, a token whose successor has been used already is a replay', async () => {
    const s = await freshSession();
    const first = await refresh(s.refreshToken);
    expectStatus(await refresh(first.body.refreshToken), 200);
    expectRefused(await refresh(s.refreshToken));
    expect((await familyOf(s.userId)).every((token) => token.revoked)).toBe(true);
    expect(reuseLogged(s.userId)).toHaveLength(1);
  });

  it('within the window, after a logout, a repeat is refused without a false reuse alarm', async () => {
    const s = await freshSession();
    const first = await refresh(s.refreshToken);
    expectStatus(first, 200);
    expectStatus(
      await api.http.as(first.body.accessToken).post('/auth/logout', { refreshToken: first.body.refreshToken }),
      204,
    );
    expectRefused(await refresh(s.refreshToken));
    expect(reuseLogged(s.userId)).toEqual([]);
    expect(await reuseAudited(s.userId)).toBe(0);
  });

  it('within the window, a disabled user gets nothing', async () => {
    const s = await freshSession();
    const first = await refresh(s.refreshToken);
    expectStatus(first, 200);
    expectStatus(await t.admin.post(`/users/${s.userId}/disable`), 200);
    expectRefused(await refresh(s.refreshToken));
  });
});

describe('refresh token grace window set to 0', () => {
  let api: TestApi;
  let t: Tenant;

  beforeAll(async () => {
    api = await startTestApi({ REFRESH_TOKEN_REUSE_GRACE_SECONDS: '0' });
    t = await createTenant(api.http, 'No grace');
  });
  afterAll(() => api.close());

  it('every repeat is a reuse: the family is revoked at once', async () => {
    const login = await api.http.post('/auth/login', { email: t.emails.manager, password: TEST_PASSWORD });
    expectStatus(login, 200);
    const first = await api.http.post('/auth/refresh', { refreshToken: login.body.refreshToken });
    expectStatus(first, 200);
    expectStatus(await api.http.post('/auth/refresh', { refreshToken: login.body.refreshToken }), 401);
    expectStatus(await api.http.post('/auth/refresh', { refreshToken: first.body.refreshToken }), 401);
  });
});

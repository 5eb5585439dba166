import { createHmac, randomBytes } from 'node:crypto';
import {
  createUser,
  createTenant,
  expectStatus,
  signupToken,
  startTestApi,
  testEnvironment,
  TEST_PASSWORD,
  type HttpClient,
  type HttpResponse,
  type Tenant,
  type TestApi,
} from '@test/support';

/**
 * Authentication over real HTTP: login, the JWT access token (HS256 pinned, iss/aud/exp checked, bound to a
 * token version and a session), opaque rotating refresh tokens with reuse detection, logout, sign-up.
 */

type Claims = Record<string, unknown>;

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** header.payload.signature, HMAC-signed with `secret` (sha256 unless told otherwise), whatever the header says. */
function signJwt(header: Claims, payload: Claims, secret: string, hash = 'sha256'): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac(hash, secret).update(input).digest('base64url')}`;
}

function decodeJwt(token: string): { header: Claims; payload: Claims; signature: string } {
  const [h, p, signature] = token.split('.');
  const part = (s: string) => JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Claims;
  return { header: part(h), payload: part(p), signature };
}

function expectAuthError(response: HttpResponse, code?: string | RegExp): void {
  expectStatus(response, 401);
  expect(response.body).toEqual({
    statusCode: 401,
    code: expect.any(String),
    message: expect.any(String),
    correlationId: expect.any(String),
  });
  if (typeof code === 'string') expect(response.body.code).toBe(code);
  else expect(response.body.code).toMatch(code ?? /^AUTH\./);
  expect(response.headers.get('www-authenticate')).toBe('Bearer');
}

const unique = () => randomBytes(5).toString('hex');

describe('auth', () => {
  let api: TestApi;
  let t: Tenant;
  let jwt: { secret: string; issuer: string; audience: string };

  beforeAll(async () => {
    api = await startTestApi();
    t = await createTenant(api.http, 'Auth');
    const env = testEnvironment();
    jwt = { secret: env.JWT_SECRET!, issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE };
    expect(jwt).toEqual({ secret: expect.any(String), issuer: 'throughline', audience: 'throughline-api' });
  });
  afterAll(() => api.close());

  /** A fresh user of `role` (so tests that revoke or disable never touch the tenant's shared users). */
  async function newUser(role: string): Promise<{ id: string; email: string }> {
    const email = `auth-${role}-${unique()}@firm.test`;
    const created = await createUser(t.admin, { email, name: `Auth ${role}`, password: TEST_PASSWORD, role });
    expectStatus(created, 201);
    return { id: created.body.id, email };
  }

  /** Logs in and returns the raw session plus a client bound to its access token. */
  async function session(
    email: string,
  ): Promise<{ accessToken: string; refreshToken: string; client: HttpClient; body: any }> {
    const r = await api.http.post('/auth/login', { email, password: TEST_PASSWORD });
    expectStatus(r, 200);
    return {
      accessToken: r.body.accessToken,
      refreshToken: r.body.refreshToken,
      client: api.http.as(r.body.accessToken),
      body: r.body,
    };
  }

  const refresh = (refreshToken: string) => api.http.post('/auth/refresh', { refreshToken });

  describe('login', () => {
    it('answers {accessToken, refreshToken, expiresIn, user} and the access token works', async () => {
      const r = await api.http.post('/auth/login', { email: t.emails.manager, password: TEST_PASSWORD });
      expectStatus(r, 200);
      expect(Object.keys(r.body).sort()).toEqual(['accessToken', 'expiresIn', 'refreshToken', 'user']);
      expect(r.body.expiresIn).toBe(900);
      expect(r.body.accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      // Opaque: not a JWT, nothing to decode.
      expect(r.body.refreshToken).toEqual(expect.any(String));
      expect(r.body.refreshToken.length).toBeGreaterThanOrEqual(20);
      expect(r.body.refreshToken).not.toContain('.');
      expect(r.body.user).toEqual({
        id: t.users.manager,
        organizationId: t.organizationId,
        email: t.emails.manager,
        name: expect.any(String),
        role: 'account_manager',
        timezone: null,
        disabled: false,
        clientIds: [],
        createdAt: expect.any(String),
      });
      expect(JSON.stringify(r.body)).not.toMatch(/passwordHash|password_hash|argon|tokenVersion/i);

      const { header, payload } = decodeJwt(r.body.accessToken);
      expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
      expect(payload).toMatchObject({
        sub: t.users.manager,
        org: t.organizationId,
        iss: 'throughline',
        aud: 'throughline-api',
        ver: expect.any(Number),
        sid: expect.any(String),
      });
      expect((payload.exp as number) - (payload.iat as number)).toBe(900);

      const me = await api.http.as(r.body.accessToken).get('/me');
      expectStatus(me, 200);
      expect(me.body).toMatchObject({ id: t.users.manager, role: 'account_manager', organizationId: t.organizationId });
    });

    it('matches the email case-insensitively', async () => {
      expectStatus(
        await api.http.post('/auth/login', { email: t.emails.manager.toUpperCase(), password: TEST_PASSWORD }),
        200,
      );
    });

    it('wrong password and unknown email give the same 401 AUTH.INVALID_CREDENTIALS', async () => {
      const wrongPassword = await api.http.post('/auth/login', {
        email: t.emails.manager,
        password: `${TEST_PASSWORD}!`,
      });
      const unknownEmail = await api.http.post('/auth/login', {
        email: `nobody-${unique()}@firm.test`,
        password: TEST_PASSWORD,
      });
      expectAuthError(wrongPassword, 'AUTH.INVALID_CREDENTIALS');
      expectAuthError(unknownEmail, 'AUTH.INVALID_CREDENTIALS');
      const { correlationId: _a, ...first } = wrongPassword.body;
      const { correlationId: _b, ...second } = unknownEmail.body;
      expect(first).toEqual(second);
      expect(wrongPassword.body.correlationId).not.toBe(unknownEmail.body.correlationId);
    });

    it('a disabled user cannot log in (same answer as a wrong password), and can again once re-enabled', async () => {
      const user = await newUser('executive');
      expectStatus(await t.admin.post(`/users/${user.id}/disable`), 200);
      const r = await api.http.post('/auth/login', { email: user.email, password: TEST_PASSWORD });
      expectAuthError(r, 'AUTH.INVALID_CREDENTIALS');
      expect(r.body.message).toBe('Invalid email or password');
      expectStatus(await t.admin.post(`/users/${user.id}/enable`), 200);
      expectStatus(await api.http.post('/auth/login', { email: user.email, password: TEST_PASSWORD }), 200);
    });

    it('a malformed login is a 400 naming the field, not a 401', async () => {
      const r = await api.http.post('/auth/login', { email: 'not-an-email' });
      expectStatus(r, 400);
      expect(r.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'password']);
    });
  });

  describe('access tokens', () => {
    let real: string;
    let claims: Claims;
    const craft = (payload: Claims, header: Claims = { alg: 'HS256', typ: 'JWT' }, secret = jwt.secret) =>
      signJwt(header, payload, secret);
    const fresh = (overrides: Claims = {}): Claims => ({
      ...claims,
      iat: nowSeconds(),
      exp: nowSeconds() + 600,
      ...overrides,
    });

    beforeAll(async () => {
      real = (await session(t.emails.executive)).accessToken;
      claims = decodeJwt(real).payload;
    });

    it('GET /me without a token is 401 AUTH.UNAUTHENTICATED', async () => {
      expectAuthError(await api.http.get('/me'), 'AUTH.UNAUTHENTICATED');
    });

    it('a wrong scheme or a garbage bearer is 401', async () => {
      expectAuthError(
        await api.http.request('GET', '/me', undefined, {
          authorization: `Basic ${Buffer.from(`${t.emails.executive}:${TEST_PASSWORD}`).toString('base64')}`,
        }),
      );
      expectAuthError(await api.http.request('GET', '/me', undefined, { authorization: real }));
      expectAuthError(await api.http.as('garbage').get('/me'));
      expectAuthError(await api.http.as('a.b.c').get('/me'));
    });

    it('control: a token hand-crafted with the real secret and claims is accepted (so the refusals below are about what they change)', async () => {
      const me = await api.http.as(craft(fresh())).get('/me');
      expectStatus(me, 200);
      expect(me.body.id).toBe(t.users.executive);
    });

    const forgeries: Array<[string, () => string, string | null]> = [
      ['alg none, no signature', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(fresh())}.`, null],
      ['alg "None", no signature', () => `${b64({ alg: 'None', typ: 'JWT' })}.${b64(fresh())}.`, null],
      [
        'alg none keeping the original signature',
        () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.${decodeJwt(real).signature}`,
        null,
      ],
      [
        'signed with the wrong secret',
        () => craft(fresh(), undefined, 'not-the-secret-but-just-as-long-0123456789abcdef'),
        null,
      ],
      ['signed with an empty secret', () => craft(fresh(), undefined, ''), null],
      [
        'without exp',
        () => {
          const { exp: _exp, ...rest } = fresh();
          return craft(rest);
        },
        null,
      ],
      ['with a non-numeric exp', () => craft(fresh({ exp: String(nowSeconds() + 600) })), null],
      ['with the wrong issuer', () => craft(fresh({ iss: 'someone-else' })), null],
      [
        'without an issuer',
        () => {
          const { iss: _iss, ...rest } = fresh();
          return craft(rest);
        },
        null,
      ],
      ['with the wrong audience', () => craft(fresh({ aud: 'another-api' })), null],
      [
        'without an audience',
        () => {
          const { aud: _aud, ...rest } = fresh();
          return craft(rest);
        },
        null,
      ],
      ['expired', () => craft(fresh({ iat: nowSeconds() - 3600, exp: nowSeconds() - 60 })), 'AUTH.TOKEN_EXPIRED'],
      [
        'tampered: sub changed to the admin, original signature',
        () => {
          const [h, , s] = real.split('.');
          return `${h}.${b64({ ...claims, sub: t.users.admin })}.${s}`;
        },
        null,
      ],
      [
        'tampered: a role claim added, original signature',
        () => {
          const [h, , s] = real.split('.');
          return `${h}.${b64({ ...claims, role: 'admin' })}.${s}`;
        },
        null,
      ],
      [
        'tampered: exp pushed out, original signature',
        () => {
          const [h, , s] = real.split('.');
          return `${h}.${b64({ ...claims, exp: (claims.exp as number) + 86400 })}.${s}`;
        },
        null,
      ],
      [
        'algorithm confusion: RS256 header, HMAC-signed with the secret',
        () => craft(fresh(), { alg: 'RS256', typ: 'JWT' }),
        null,
      ],
      [
        'algorithm confusion: RS256 header keeping the original signature',
        () => {
          const [, p, s] = real.split('.');
          return `${b64({ alg: 'RS256', typ: 'JWT' })}.${p}.${s}`;
        },
        null,
      ],
      [
        'HS512 with the right secret (HS256 is pinned)',
        () => signJwt({ alg: 'HS512', typ: 'JWT' }, fresh(), jwt.secret, 'sha512'),
        null,
      ],
      [
        'right signature, but for a user that does not exist',
        () => craft(fresh({ sub: '00000000-0000-4000-8000-000000000000' })),
        null,
      ],
      ['right signature, but a stale token version', () => craft(fresh({ ver: (claims.ver as number) - 1 })), null],
      ['right signature, but sub is not a UUID', () => craft(fresh({ sub: "' OR 1=1 --" })), null],
    ];

    // Every row has three cells: jest.each treats a test function with more parameters than cells as taking `done`.
    it.each(forgeries)('%s → 401', async (_label, build, expectedCode) => {
      const code = expectedCode ?? undefined;
      const token = build();
      expectAuthError(await api.http.as(token).get('/me'), code);
      // Not on an admin route either, whatever the token claims to be.
      expectAuthError(await api.http.as(token).get('/users'), code);
    });
  });

  describe('refresh tokens', () => {
    it('rotate: each refresh returns a new pair, and a used refresh token then fails', async () => {
      const s = await session(t.emails.manager);
      const first = await refresh(s.refreshToken);
      expectStatus(first, 200);
      expect(Object.keys(first.body).sort()).toEqual(['accessToken', 'expiresIn', 'refreshToken']);
      expect(first.body.refreshToken).not.toBe(s.refreshToken);
      expect(first.body.expiresIn).toBe(900);
      expect(decodeJwt(first.body.accessToken).payload.sid).toBe(decodeJwt(s.accessToken).payload.sid);
      expectStatus(await api.http.as(first.body.accessToken).get('/me'), 200);
      // The new one is good once more…
      const second = await refresh(first.body.refreshToken);
      expectStatus(second, 200);
      // …and the original, already used, is refused.
      expectAuthError(await refresh(s.refreshToken), 'AUTH.INVALID_REFRESH_TOKEN');
    });

    it('reusing an old refresh token revokes the whole family and is audited', async () => {
      const user = await newUser('account_manager');
      const s = await session(user.email);
      const other = await session(user.email);
      const sid = decodeJwt(s.accessToken).payload.sid;
      const r2 = await refresh(s.refreshToken);
      expectStatus(r2, 200);
      const r3 = await refresh(r2.body.refreshToken);
      expectStatus(r3, 200);
      expectStatus(await api.http.as(r3.body.accessToken).get('/me'), 200);

      // Replaying r2 (already used) once the grace window for concurrent tabs (30 s) is over: refused, and the
      // newest token of the family is now dead too (test/api/refresh-grace.e2e-spec.ts covers the window itself).
      api.setNow(new Date(Date.now() + 31_000));
      try {
        expectAuthError(await refresh(r2.body.refreshToken), 'AUTH.INVALID_REFRESH_TOKEN');
        expectAuthError(await refresh(r3.body.refreshToken), 'AUTH.INVALID_REFRESH_TOKEN');
        // The session is closed: its access tokens stop working as well.
        expectAuthError(await api.http.as(r3.body.accessToken).get('/me'));
      } finally {
        api.setNow(null);
      }
      // Only that family: the user's other session is untouched.
      expectStatus(await other.client.get('/me'), 200);
      expectStatus(await refresh(other.refreshToken), 200);

      const audit = await t.admin.get(`/audit-events?entityType=user&entityId=${user.id}&limit=100`);
      expectStatus(audit, 200);
      const reused = audit.body.items.filter((e: { action: string }) => e.action === 'auth.refresh_token_reused');
      // At least the replay of r2 (presenting r3 once the family is revoked may be recorded as well).
      expect(reused.length).toBeGreaterThanOrEqual(1);
      for (const event of reused)
        expect(event).toEqual(
          expect.objectContaining({
            entityType: 'user',
            entityId: user.id,
            actorId: user.id,
            after: { familyId: sid },
          }),
        );
      const byType = await t.admin.get('/audit-events?entityType=user&limit=100');
      expect(
        byType.body.items.some(
          (e: { action: string; entityId: string }) =>
            e.action === 'auth.refresh_token_reused' && e.entityId === user.id,
        ),
      ).toBe(true);
    });

    it('an unknown refresh token is 401; a malformed one is a 400 naming refreshToken', async () => {
      expectAuthError(await refresh(randomBytes(32).toString('base64url')), 'AUTH.INVALID_REFRESH_TOKEN');
      const short = await refresh('short');
      expectStatus(short, 400);
      expect(short.body.errors.map((e: { field: string }) => e.field)).toEqual(['refreshToken']);
      const missing = await api.http.post('/auth/refresh', {});
      expectStatus(missing, 400);
      expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(['refreshToken']);
    });

    it('an expired refresh token is refused', async () => {
      const s = await session(t.emails.manager);
      api.setNow(new Date(Date.now() + 31 * 86_400_000));
      try {
        expectAuthError(await refresh(s.refreshToken), 'AUTH.INVALID_REFRESH_TOKEN');
      } finally {
        api.setNow(null);
      }
    });

    it('an access token is not a refresh token', async () => {
      const s = await session(t.emails.manager);
      expectAuthError(await refresh(s.accessToken.slice(0, 200)), 'AUTH.INVALID_REFRESH_TOKEN');
    });
  });

  describe('logout', () => {
    it('ends this session: its access token stops working and its refresh token fails; other sessions live on', async () => {
      const user = await newUser('executive');
      const s = await session(user.email);
      const other = await session(user.email);
      const out = await s.client.post('/auth/logout', { refreshToken: s.refreshToken });
      expectStatus(out, 204);
      expectAuthError(await s.client.get('/me'), 'AUTH.TOKEN_REVOKED');
      expectAuthError(await refresh(s.refreshToken), 'AUTH.INVALID_REFRESH_TOKEN');
      expectStatus(await other.client.get('/me'), 200);
      expectStatus(await refresh(other.refreshToken), 200);
    });

    it('with an empty body ends the current session too', async () => {
      const user = await newUser('executive');
      const s = await session(user.email);
      expectStatus(await s.client.post('/auth/logout', {}), 204);
      expectAuthError(await s.client.get('/me'));
      expectAuthError(await refresh(s.refreshToken), 'AUTH.INVALID_REFRESH_TOKEN');
    });

    it("presenting someone else's refresh token does not end their session", async () => {
      const me = await newUser('executive');
      const victim = await newUser('executive');
      const mine = await session(me.email);
      const theirs = await session(victim.email);
      expectStatus(await mine.client.post('/auth/logout', { refreshToken: theirs.refreshToken }), 204);
      expectAuthError(await mine.client.get('/me'));
      expectStatus(await theirs.client.get('/me'), 200);
      expectStatus(await refresh(theirs.refreshToken), 200);
    });

    it('needs an access token', async () => {
      expectAuthError(await api.http.post('/auth/logout', {}), 'AUTH.UNAUTHENTICATED');
    });
  });

  describe('revocation by role change and disable', () => {
    it("changing a user's role makes their existing access token 401; a new login carries the new role", async () => {
      const user = await newUser('executive');
      const s = await session(user.email);
      expectStatus(await s.client.get('/me'), 200);
      const changed = await t.admin.patch(`/users/${user.id}/role`, { role: 'account_manager' });
      expectStatus(changed, 200);
      expect(changed.body.role).toBe('account_manager');
      expectAuthError(await s.client.get('/me'), 'AUTH.TOKEN_REVOKED');
      expectAuthError(await s.client.get('/clients'), 'AUTH.TOKEN_REVOKED');
      const again = await session(user.email);
      expect((await again.client.get('/me')).body.role).toBe('account_manager');
    });

    it('a role "change" to the same role keeps tokens valid', async () => {
      const user = await newUser('executive');
      const s = await session(user.email);
      expectStatus(await t.admin.patch(`/users/${user.id}/role`, { role: 'executive' }), 200);
      expectStatus(await s.client.get('/me'), 200);
    });

    it('only an admin may change roles', async () => {
      const user = await newUser('executive');
      const r = await t.manager.patch(`/users/${user.id}/role`, { role: 'admin' });
      expectStatus(r, 403);
      expect((await t.admin.get(`/users/${user.id}`)).body.role).toBe('executive');
    });

    it('disabling a user makes their existing access token 401 and their refresh token fail', async () => {
      const user = await newUser('account_manager');
      const s = await session(user.email);
      expectStatus(await s.client.get('/me'), 200);
      expectStatus(await t.admin.post(`/users/${user.id}/disable`), 200);
      expectAuthError(await s.client.get('/me'), 'AUTH.TOKEN_REVOKED');
      expectAuthError(await refresh(s.refreshToken), 'AUTH.INVALID_REFRESH_TOKEN');
      expectAuthError(
        await api.http.post('/auth/login', { email: user.email, password: TEST_PASSWORD }),
        'AUTH.INVALID_CREDENTIALS',
      );
    });
  });

  describe('signup', () => {
    const organizations = async () =>
      (await api.dataSource.query(`SELECT count(*)::int AS n FROM organizations`))[0].n as number;
    const outboxTo = async (email: string) =>
      (await api.dataSource.query(
        // The invitation that created a tenant's user is not one of the sign-up emails under test.
        `SELECT event, organization_id, payload FROM outbox
          WHERE lower(recipient_email) = lower($1) AND event <> 'invitation.sent' ORDER BY created_at`,
        [email],
      )) as Array<{ event: string; organization_id: string | null; payload: { subject: string; text: string } }>;
    const request = (email: string, extra: Record<string, unknown> = {}) =>
      api.http.post('/auth/signup', {
        organizationName: 'NewCo',
        name: 'Nora Founder',
        email,
        password: TEST_PASSWORD,
        ...extra,
      });

    it('answers the same for a taken and a free address; the free one gets a link, the taken one an email saying so', async () => {
      const before = await organizations();
      const free = `founder-${unique()}@newco.test`;
      const answers: HttpResponse[] = [];
      const times: number[] = [];
      for (const email of [free, t.emails.manager, t.emails.manager.toUpperCase()]) {
        const started = Date.now();
        answers.push(await request(email));
        times.push(Date.now() - started);
      }
      for (const r of answers) {
        expectStatus(r, 202);
        expect(r.body).toEqual({ status: 'accepted' });
      }
      // The same floor as the password reset request: no answer comes sooner.
      for (const ms of times) expect(ms).toBeGreaterThanOrEqual(290);
      // Nothing exists before the link is followed, and nothing is left behind for the taken address.
      expect(await organizations()).toBe(before);
      expect(
        (await api.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE lower(email) = $1`, [free]))[0].n,
      ).toBe(0);
      const freeMail = await outboxTo(free);
      expect(freeMail.map((m) => [m.event, m.organization_id])).toEqual([['auth.signup_verify', null]]);
      expect(freeMail[0].payload.text).toMatch(/http:\/\/localhost:3000\/signup\/verify\?token=[A-Za-z0-9_-]{40,}/);
      const takenMail = await outboxTo(t.emails.manager);
      expect(takenMail.map((m) => [m.event, m.organization_id])).toEqual([
        ['auth.signup_existing', t.organizationId],
        ['auth.signup_existing', t.organizationId],
      ]);
      expect(takenMail[0].payload.text).toMatch(/already have an account/);
      expect(takenMail[0].payload.text).not.toMatch(/token=/);
      // Only hashes are stored.
      const [pending] = await api.dataSource.query(
        `SELECT password_hash, token_hash FROM pending_signups WHERE email = $1`,
        [free],
      );
      expect(pending.password_hash).not.toContain(TEST_PASSWORD);
      expect(freeMail[0].payload.text).not.toContain(pending.token_hash);
    });

    it('the emailed link creates the organization and its admin, signed in, who sees nothing of the others', async () => {
      const email = `founder-${unique()}@newco.test`;
      expectStatus(await request(email, { timezone: 'Europe/Berlin' }), 202);
      const token = await signupToken(api.http, email);
      const r = await api.http.post('/auth/signup/verify', { token });
      expectStatus(r, 201);
      expect(Object.keys(r.body).sort()).toEqual(['accessToken', 'expiresIn', 'refreshToken', 'user']);
      expect(r.body.user).toMatchObject({ email, role: 'admin', disabled: false, timezone: 'Europe/Berlin' });
      expect(r.body.user.organizationId).not.toBe(t.organizationId);
      const founder = api.http.as(r.body.accessToken);

      const me = await founder.get('/me');
      expect(me.body).toMatchObject({
        organizationName: 'NewCo',
        organizationTimezone: 'Europe/Berlin',
        role: 'admin',
      });
      const clients = await founder.get('/clients');
      expectStatus(clients, 200);
      expect(clients.body).toMatchObject({ items: [], total: 0 });
      for (const path of ['/engagements', '/executives', '/owners', '/portfolio']) {
        const list = await founder.get(path);
        expectStatus(list, 200);
        expect(list.body.total).toBe(0);
      }
      const users = await founder.get('/users');
      expect(users.body.items.map((u: { email: string }) => u.email)).toEqual([email]);
      expectStatus(await founder.get(`/clients/${t.a.clientId}`), 404);
      expectStatus(await founder.get(`/engagements/${t.a.engagementId}`), 404);
      expectStatus(await founder.get(`/users/${t.users.manager}`), 404);
      const audit = await founder.get('/audit-events?limit=100');
      expect(
        audit.body.items.every(
          (e: { entityId: string | null }) =>
            e.entityId === r.body.user.id || e.entityId === r.body.user.organizationId,
        ),
      ).toBe(true);
      // And the other organization does not see the newcomer.
      expect((await t.admin.get('/users?limit=100')).body.items.map((u: { email: string }) => u.email)).not.toContain(
        email,
      );
      // The password chosen at the request logs in.
      expectStatus(await api.http.post('/auth/login', { email, password: TEST_PASSWORD }), 200);

      // Single use: the same link again is refused and creates nothing.
      const before = await organizations();
      const again = await api.http.post('/auth/signup/verify', { token });
      expectStatus(again, 422);
      expect(again.body).toMatchObject({ statusCode: 422, code: 'AUTH.INVALID_SIGNUP_TOKEN' });
      expect(await organizations()).toBe(before);
    });

    it('an unknown or expired link → 422, nothing created', async () => {
      const before = await organizations();
      const unknown = await api.http.post('/auth/signup/verify', { token: randomBytes(32).toString('base64url') });
      expectStatus(unknown, 422);
      expect(unknown.body).toMatchObject({ code: 'AUTH.INVALID_SIGNUP_TOKEN' });

      const email = `late-${unique()}@newco.test`;
      expectStatus(await request(email), 202);
      const token = await signupToken(api.http, email);
      api.setNow(new Date(Date.now() + 25 * 3_600_000));
      try {
        const late = await api.http.post('/auth/signup/verify', { token });
        expectStatus(late, 422);
        expect(late.body).toMatchObject({ code: 'AUTH.INVALID_SIGNUP_TOKEN' });
      } finally {
        api.setNow(null);
      }
      expect(await organizations()).toBe(before);
    });

    it('an address taken between the request and the link: the link answers 409 and creates nothing', async () => {
      const email = `race-${unique()}@newco.test`;
      expectStatus(await request(email), 202);
      const token = await signupToken(api.http, email);
      expectStatus(
        await createUser(t.admin, { email, name: 'Quick', role: 'executive', password: TEST_PASSWORD }),
        201,
      );
      const before = await organizations();
      const r = await api.http.post('/auth/signup/verify', { token });
      expectStatus(r, 409);
      expect(r.body).toMatchObject({ code: 'USER.EMAIL_TAKEN' });
      expect(await organizations()).toBe(before);
    });

    it('a password shorter than 12 characters → 400 naming password, nothing stored or sent', async () => {
      const email = `short-${unique()}@newco.test`;
      const r = await request(email, { password: 'elevenchars' });
      expectStatus(r, 400);
      expect(r.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(r.body.errors.map((e: { field: string }) => e.field)).toEqual(['password']);
      expect(await outboxTo(email)).toEqual([]);
      expectStatus(await request(email, { password: 'twelve-chars' }), 202);
    });

    it('blank names and unknown fields are 400s naming them', async () => {
      const r = await api.http.post('/auth/signup', {
        organizationName: '   ',
        name: '',
        email: `blank-${unique()}@newco.test`,
        password: TEST_PASSWORD,
        role: 'admin',
      });
      expectStatus(r, 400);
      expect(r.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['name', 'organizationName', 'role']);
    });
  });
});

describe('auth with SIGNUP_ENABLED=false', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ SIGNUP_ENABLED: 'false' });
  });
  afterAll(() => api.close());

  it('sign-up is refused with 403 and nothing is created', async () => {
    const email = `closed-${unique()}@newco.test`;
    const before = (await api.dataSource.query(`SELECT count(*)::int AS n FROM organizations`))[0].n;
    const r = await api.http.post('/auth/signup', {
      organizationName: 'Closed Co',
      name: 'Cleo Closed',
      email,
      password: TEST_PASSWORD,
    });
    expectStatus(r, 403);
    expect(r.body).toMatchObject({ statusCode: 403, code: expect.any(String), correlationId: expect.any(String) });
    expect((await api.dataSource.query(`SELECT count(*)::int AS n FROM organizations`))[0].n).toBe(before);
    expect(
      (await api.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE lower(email) = $1`, [email]))[0].n,
    ).toBe(0);
  });

  it('login still answers as usual', async () => {
    expectAuthError(
      await api.http.post('/auth/login', { email: `nobody-${unique()}@newco.test`, password: TEST_PASSWORD }),
      'AUTH.INVALID_CREDENTIALS',
    );
  });
});

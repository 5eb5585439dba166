import { randomBytes } from 'node:crypto';
import {
  createTenant,
  expectStatus,
  startTestApi,
  type HttpClient,
  type HttpResponse,
  type Tenant,
  type TestApi,
} from '@test/support';

/**
 * Personal API tokens over real HTTP: shown once and stored hashed; a bearer credential with exactly the user's
 * current access (read scope: reads only); last use noted; revoked, expired or a disabled user's → 401; bad tokens
 * throttled per client address like logins. The access matrix (access.e2e-spec.ts, section 4d) runs every route
 * with every role's tokens; the fuzz suite forges tokens.
 */

const NOW = new Date('2026-03-11T12:00:00Z');
const IP_LIMIT = 4;
const WINDOW = 600;
const unique = () => randomBytes(4).toString('hex');

function expectError(response: HttpResponse, status: number, code: string): void {
  expectStatus(response, status);
  expect(response.body).toMatchObject({ statusCode: status, code, message: expect.any(String) });
}

describe('personal API tokens', () => {
  let api: TestApi;
  let t: Tenant;
  let ipCounter = 0;
  const nextIp = () => `203.0.113.${(ipCounter += 1)}`;

  const create = (client: HttpClient, body: Record<string, unknown> = {}) =>
    client.post('/me/api-tokens', {
      name: `Token ${unique()}`,
      scope: 'read',
      expiresAt: '2026-06-30T00:00:00Z',
      ...body,
    });
  const bearer = (token: string) => api.http.as(token);

  beforeAll(async () => {
    api = await startTestApi({
      TRUSTED_PROXIES: '127.0.0.1,::1',
      LOGIN_MAX_FAILURES_PER_IP: String(IP_LIMIT),
      LOGIN_THROTTLE_WINDOW_SECONDS: String(WINDOW),
    });
    await api.dataSource.query(`DELETE FROM login_attempts`);
    t = await createTenant(api.http, 'Tokens');
    api.setNow(NOW);
  });
  afterAll(() => api?.close());

  it('shows the token once, stores only its SHA-256, lists it without the secret, and audits the creation', async () => {
    const created = await create(t.manager, { name: '  Nightly BI export ', scope: 'write' });
    expectStatus(created, 201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Nightly BI export',
      scope: 'write',
      createdAt: NOW.toISOString(),
      expiresAt: '2026-06-30T00:00:00.000Z',
      lastUsedAt: null,
      revokedAt: null,
      token: expect.stringMatching(/^thl_pat_[A-Za-z0-9_-]{43}$/),
    });
    const { token, id } = created.body as { token: string; id: string };

    const listed = await t.manager.get('/me/api-tokens');
    expectStatus(listed, 200);
    expect(listed.body[0]).toEqual({ ...created.body, token: undefined });
    expect(JSON.stringify(listed.body)).not.toContain(token);

    const [row] = await api.dataSource.query(`SELECT * FROM api_tokens WHERE id = $1`, [id]);
    expect(JSON.stringify(row)).not.toContain(token.slice('thl_pat_'.length));
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const audit = await api.dataSource.query(
      `SELECT actor_id, action, after::text AS after FROM audit_events WHERE entity_id = $1`,
      [id],
    );
    expect(audit).toEqual([{ actor_id: t.users.manager, action: 'api_token.created', after: expect.any(String) }]);
    expect(audit[0].after).not.toContain(token.slice('thl_pat_'.length));
  });

  it("lists only the caller's own tokens", async () => {
    const mine = await create(t.executive);
    expectStatus(mine, 201);
    const others = (await t.manager.get('/me/api-tokens')).body as Array<{ id: string }>;
    expect(others.map((o) => o.id)).not.toContain(mine.body.id);
    expect(((await t.executive.get('/me/api-tokens')).body as Array<{ id: string }>).map((o) => o.id)).toContain(
      mine.body.id,
    );
  });

  it('a read token reads what its user reads, and every write answers 403 AUTH.TOKEN_SCOPE, writing nothing', async () => {
    const { token } = (await create(t.executive, { scope: 'read' })).body as { token: string };
    const reader = bearer(token);
    const session = await t.executive.get('/portfolio');
    const viaToken = await reader.get('/portfolio');
    expectStatus(viaToken, 200);
    expect(viaToken.body).toEqual(session.body);
    expectStatus(await reader.get(`/engagements/${t.b.engagementId}`), 404); // out of the executive's reach, as ever
    expectError(await reader.get('/users'), 403, 'ACCESS.ROLE_FORBIDDEN');
    const [{ n: before }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM check_ins`);
    expectError(
      await reader.post(`/priorities/${t.a.priorityId}/check-ins`, {
        rag: 'on_track',
        confidence: 7,
        note: 'Via token',
      }),
      403,
      'AUTH.TOKEN_SCOPE',
    );
    expectError(await reader.patch('/me', { name: 'Renamed by a read token' }), 403, 'AUTH.TOKEN_SCOPE');
    const [{ n: after }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM check_ins`);
    expect(after).toBe(before);
  });

  it('a write token writes as its user (audited as them), within the role: never more', async () => {
    const { token } = (await create(t.executive, { scope: 'write' })).body as { token: string };
    const writer = bearer(token);
    const checkIn = await writer.post(`/priorities/${t.a.priorityId}/check-ins`, {
      rag: 'at_risk',
      confidence: 5,
      note: 'Posted by an integration',
    });
    expectStatus(checkIn, 201);
    const [audit] = await api.dataSource.query(`SELECT actor_id FROM audit_events WHERE entity_id = $1`, [
      checkIn.body.id,
    ]);
    expect(audit.actor_id).toBe(t.users.executive);
    expectError(
      await writer.post('/clients', { name: 'Not for executives', stage: 'growth' }),
      403,
      'ACCESS.ROLE_FORBIDDEN',
    );
    expectStatus(
      await writer.post(`/priorities/${t.b.priorityId}/check-ins`, {
        rag: 'on_track',
        confidence: 5,
        note: 'Out of reach',
      }),
      404,
    );
  });

  it('follows its user: a changed role changes what it may do, a disabled user makes it 401', async () => {
    const { token } = (await create(t.clientViewer, { scope: 'read' })).body as { token: string };
    const reader = bearer(token);
    expectError(await reader.get('/executives'), 403, 'ACCESS.ROLE_FORBIDDEN');
    expectStatus(await t.admin.patch(`/users/${t.users.clientViewer}/role`, { role: 'account_manager' }), 200);
    expectStatus(await reader.get('/executives'), 200);
    expectStatus(await t.admin.patch(`/users/${t.users.clientViewer}/role`, { role: 'client_viewer' }), 200);
    expectStatus(await t.admin.put(`/users/${t.users.clientViewer}/client-grants`, { clientIds: [t.a.clientId] }), 200);
    expectError(await reader.get('/executives'), 403, 'ACCESS.ROLE_FORBIDDEN');

    expectStatus(await t.admin.post(`/users/${t.users.clientViewer}/disable`), 200);
    expectError(await reader.get('/portfolio'), 401, 'AUTH.INVALID_TOKEN');
    expectStatus(await t.admin.post(`/users/${t.users.clientViewer}/enable`), 200);
    expectStatus(await reader.get('/portfolio'), 200);
  });

  it('notes the last use, to the minute', async () => {
    const { token, id } = (await create(t.manager)).body as { token: string; id: string };
    const lastUsed = async () =>
      ((await t.manager.get('/me/api-tokens')).body as Array<{ id: string; lastUsedAt: string | null }>).find(
        (x) => x.id === id,
      )!.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    expectStatus(await bearer(token).get('/portfolio'), 200);
    expect(await lastUsed()).toBe(NOW.toISOString());
    api.setNow(new Date(NOW.getTime() + 30_000));
    expectStatus(await bearer(token).get('/portfolio'), 200);
    expect(await lastUsed()).toBe(NOW.toISOString());
    api.setNow(new Date(NOW.getTime() + 90_000));
    expectStatus(await bearer(token).get('/portfolio'), 200);
    expect(await lastUsed()).toBe(new Date(NOW.getTime() + 90_000).toISOString());
    api.setNow(NOW);
  });

  it('revoked: 401 AUTH.TOKEN_REVOKED from then on; listed as revoked; revoking again is fine; audited', async () => {
    const { token, id } = (await create(t.manager, { scope: 'write' })).body as { token: string; id: string };
    expectStatus(await bearer(token).get('/portfolio'), 200);
    expectStatus(await t.manager.request('DELETE', `/me/api-tokens/${id}`), 204);
    expectError(await bearer(token).get('/portfolio'), 401, 'AUTH.TOKEN_REVOKED');
    expectError(
      await bearer(token).post('/clients', { name: 'After revoke', stage: 'growth' }),
      401,
      'AUTH.TOKEN_REVOKED',
    );
    const listed = ((await t.manager.get('/me/api-tokens')).body as Array<{ id: string; revokedAt: string }>).find(
      (x) => x.id === id,
    )!;
    expect(listed.revokedAt).toBe(NOW.toISOString());
    expectStatus(await t.manager.request('DELETE', `/me/api-tokens/${id}`), 204);
    const actions = await api.dataSource.query(
      `SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY created_at`,
      [id],
    );
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['api_token.created', 'api_token.revoked']);
  });

  it("another user's token id is not found, like a missing one, and stays working", async () => {
    const { token, id } = (await create(t.manager)).body as { token: string; id: string };
    const response = await t.admin.request('DELETE', `/me/api-tokens/${id}`);
    expectError(response, 404, 'API_TOKEN.NOT_FOUND');
    expectStatus(await bearer(token).get('/portfolio'), 200);
  });

  it('expired: 401 AUTH.TOKEN_EXPIRED once the clock passes expiresAt', async () => {
    const { token } = (await create(t.manager, { expiresAt: '2026-03-12T00:00:00Z' })).body as { token: string };
    expectStatus(await bearer(token).get('/portfolio'), 200);
    api.setNow(new Date('2026-03-12T00:00:00Z'));
    expectError(await bearer(token).get('/portfolio'), 401, 'AUTH.TOKEN_EXPIRED');
    api.setNow(NOW);
  });

  it('refuses a bad name, scope or expiry with a 400 naming the field, and writes nothing', async () => {
    const [{ n: before }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM api_tokens`);
    for (const [body, field] of [
      [{ name: '' }, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: 'x'.repeat(101) }, 'name'],
      [{ scope: 'admin' }, 'scope'],
      [{ expiresAt: 'tomorrow' }, 'expiresAt'],
      [{ expiresAt: '2026-03-11T11:00:00Z' }, 'expiresAt'],
      [{ expiresAt: '2027-03-13T00:00:00Z' }, 'expiresAt'],
    ] as const) {
      const response = await create(t.manager, body);
      expectStatus(response, 400);
      expect(JSON.stringify(response.body)).toContain(field);
    }
    const [{ n: after }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM api_tokens`);
    expect(after).toBe(before);
  });

  it('throttles bad tokens per client address like logins: 429 with Retry-After, other addresses unaffected', async () => {
    const ip = nextIp();
    const { token } = (await create(t.manager)).body as { token: string };
    const from = (address: string, credential: string) =>
      api.http.as(credential).request('GET', '/portfolio', undefined, { 'x-forwarded-for': address });
    const forged = () => `thl_pat_${randomBytes(32).toString('base64url')}`;
    for (let i = 0; i < IP_LIMIT; i += 1) expectError(await from(ip, forged()), 401, 'AUTH.INVALID_TOKEN');
    const limited = await from(ip, forged());
    expectError(limited, 429, 'AUTH.TOO_MANY_ATTEMPTS');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW);
    // Throttled like a login: the address is refused before any lookup, a real token included.
    expectError(await from(ip, token), 429, 'AUTH.TOO_MANY_ATTEMPTS');
    expectStatus(await from(nextIp(), token), 200);
    // Sessions are not API tokens: the address's logged-in users keep working.
    expectStatus(await t.manager.request('GET', '/portfolio', undefined, { 'x-forwarded-for': ip }), 200);
  });

  it('declares the apiToken security scheme, offered on every operation a token may call', async () => {
    const doc = (await (await fetch(`${api.baseUrl}/api/docs-json`)).json()) as {
      components: { securitySchemes: Record<string, { type: string; scheme: string }> };
      paths: Record<string, Record<string, { security?: Array<Record<string, unknown>> }>>;
    };
    expect(doc.components.securitySchemes.apiToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    const schemes = (path: string, method: string) =>
      (doc.paths[path][method].security ?? []).flatMap((s) => Object.keys(s)).sort();
    expect(schemes('/api/v1/portfolio', 'get')).toEqual(['apiToken', 'bearer']);
    expect(schemes('/api/v1/clients', 'post')).toEqual(['apiToken', 'bearer']);
    expect(schemes('/api/v1/me/api-tokens', 'post')).toEqual(['bearer']);
    expect(schemes('/api/v1/auth/logout', 'post')).toEqual(['bearer']);
  });
});

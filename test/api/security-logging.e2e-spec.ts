import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateQueueSchema } from '@app/queue';
import {
  createUser,
  expectStatus,
  login,
  queueIsolation,
  signUp,
  startTestApi,
  TEST_PASSWORD,
  type TestApi,
} from '@test/support';
import { ensureWorkerBuilt, spawnWorkerProcess } from '../faults/worker-process';

/**
 * The API's log output, captured from the real app: one JSON object per line, UTC ISO time, level, request id,
 * organization and user; security events under a stable `event`; and not one secret anywhere in it.
 */
type Line = Record<string, unknown> & { time: string; level: string; event?: string };

describe('structured security logging', () => {
  let api: TestApi;
  const raw: string[] = [];
  const lines = (): Line[] =>
    raw
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Line);
  const events = (event: string) => lines().filter((l) => l.event === event);

  const tag = Date.now().toString(36);
  const adminEmail = `log-admin-${tag}@firm.test`;
  const viewerEmail = `log-viewer-${tag}@firm.test`;
  const secretsSeen: string[] = [TEST_PASSWORD];

  beforeAll(async () => {
    api = await startTestApi(
      { LOGIN_MAX_FAILURES_PER_ACCOUNT: '3' },
      { logTo: { write: (chunk: string) => void raw.push(chunk) } },
    );
  });
  afterAll(() => api.close());

  it('logs a login success with the user and organization, a failure without either secret', async () => {
    const signup = await signUp(api.http, {
      organizationName: `Log Org ${tag}`,
      name: 'Lou Admin',
      email: adminEmail,
      password: TEST_PASSWORD,
    });
    expectStatus(signup, 201);
    secretsSeen.push(signup.body.accessToken, signup.body.refreshToken);
    const ok = await api.http.post('/auth/login', { email: adminEmail, password: TEST_PASSWORD });
    expectStatus(ok, 200);
    secretsSeen.push(ok.body.accessToken, ok.body.refreshToken);
    const wrongPassword = 'wrong-but-long-password-xyz';
    secretsSeen.push(wrongPassword);
    expectStatus(await api.http.post('/auth/login', { email: adminEmail, password: wrongPassword }), 401);

    const [succeeded] = events('auth.login.succeeded');
    expect(succeeded).toMatchObject({
      level: 'info',
      route: '/api/v1/auth/login',
      method: 'POST',
      status: 200,
      organizationId: signup.body.user.organizationId,
      userId: signup.body.user.id,
      requestId: ok.headers.get('x-request-id') ?? expect.any(String),
    });
    const [failed] = events('auth.login.failed');
    expect(failed).toMatchObject({
      level: 'warn',
      route: '/api/v1/auth/login',
      status: 401,
      code: 'AUTH.INVALID_CREDENTIALS',
      requestId: expect.any(String),
    });
    expect(failed).not.toHaveProperty('userId');
  });

  it('logs a 403 and a cross-tenant 404 as authz.denied, with who asked', async () => {
    const admin = await login(api.http, adminEmail);
    const created = await createUser(admin, {
      email: viewerEmail,
      name: 'Vi Viewer',
      password: TEST_PASSWORD,
      role: 'client_viewer',
    });
    expectStatus(created, 201);
    const client = await admin.post('/clients', { name: `Log Corp ${tag}`, stage: 'growth' });
    expectStatus(client, 201);
    const viewer = await login(api.http, viewerEmail);
    expectStatus(await viewer.post('/clients', { name: 'Not allowed', stage: 'growth' }), 403);

    const other = await signUp(api.http, {
      organizationName: `Other ${tag}`,
      name: 'Oz Other',
      email: `log-other-${tag}@firm.test`,
      password: TEST_PASSWORD,
    });
    expectStatus(other, 201);
    expectStatus(await api.http.as(other.body.accessToken).get(`/clients/${client.body.id}`), 404);

    const denied = events('authz.denied');
    expect(denied).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          status: 403,
          route: '/api/v1/clients',
          userId: created.body.id,
          code: 'ACCESS.ROLE_FORBIDDEN',
        }),
        expect.objectContaining({
          status: 404,
          route: '/api/v1/clients/:id',
          userId: other.body.user.id,
          organizationId: other.body.user.organizationId,
        }),
      ]),
    );
  });

  it('logs a refused body with its field names, never its values (a password among them)', async () => {
    const admin = await login(api.http, adminEmail);
    const secretPassword = 'hunter2-but-much-longer-and-secret';
    secretsSeen.push(secretPassword);
    // Users are created only through invitations: the password arrives with the acceptance of the emailed link.
    const refused = await admin.as(undefined).post('/invitations/accept', {
      token: 'x',
      name: 'X',
      password: secretPassword,
      sneaky: true,
    });
    expectStatus(refused, 400);
    const [rejected] = events('input.rejected').filter((l) => l.route === '/api/v1/invitations/accept');
    expect(rejected).toMatchObject({
      level: 'warn',
      status: 400,
      code: 'VALIDATION_FAILED',
      fields: expect.arrayContaining(['token', 'sneaky']),
    });
  });

  it('logs throttling and refresh-token reuse', async () => {
    const target = `log-nobody-${tag}@firm.test`;
    for (let i = 0; i < 3; i += 1)
      expectStatus(await api.http.post('/auth/login', { email: target, password: 'wrong-password-attempt' }), 401);
    expectStatus(await api.http.post('/auth/login', { email: target, password: 'wrong-password-attempt' }), 429);
    expect(events('auth.throttled')).toEqual([
      expect.objectContaining({ status: 429, route: '/api/v1/auth/login', code: 'AUTH.TOO_MANY_ATTEMPTS' }),
    ]);

    const session = await api.http.post('/auth/login', { email: adminEmail, password: TEST_PASSWORD });
    secretsSeen.push(session.body.accessToken, session.body.refreshToken);
    const rotated = await api.http.post('/auth/refresh', { refreshToken: session.body.refreshToken });
    expectStatus(rotated, 200);
    secretsSeen.push(rotated.body.accessToken, rotated.body.refreshToken);
    // Replayed once the grace window for concurrent tabs (30 s) is over.
    api.setNow(new Date(Date.now() + 31_000));
    try {
      expectStatus(await api.http.post('/auth/refresh', { refreshToken: session.body.refreshToken }), 401);
    } finally {
      api.setNow(null);
    }
    expect(events('auth.refresh.reuse_detected')).toEqual([
      expect.objectContaining({
        level: 'warn',
        userId: session.body.user.id,
        organizationId: session.body.user.organizationId,
        requestId: expect.any(String),
      }),
    ]);
    expect(events('auth.refresh.failed')).toHaveLength(1);
  });

  it('every line is one JSON object with a UTC ISO time, a level and (for requests) a request id; no secret anywhere', () => {
    const all = lines();
    expect(all.length).toBeGreaterThan(10);
    for (const line of all) {
      expect(line.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(['trace', 'debug', 'info', 'warn', 'error', 'fatal']).toContain(line.level);
      if (line.route) expect(line.requestId).toEqual(expect.any(String));
    }
    const text = raw.join('');
    expect(secretsSeen.length).toBeGreaterThan(8);
    for (const secret of secretsSeen) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/bearer\s+ey/i);
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
  });
});

describe('the worker logs JSON too', () => {
  it('writes one JSON object per line with a UTC time and a level, from start to a clean SIGTERM stop', async () => {
    ensureWorkerBuilt();
    const queue = queueIsolation();
    await migrateQueueSchema(process.env.DATABASE_URL!, queue.schema);
    const logDir = mkdtempSync(join(tmpdir(), 'worker-log-'));
    const worker = spawnWorkerProcess(0, {
      databaseUrl: process.env.DATABASE_URL!,
      queuePrefix: queue.prefix,
      queueSchema: queue.schema,
      smtpUrl: 'smtp://127.0.0.1:9',
      mailDir: join(logDir, 'mail'),
      logDir,
      mailMaxPerSecond: 10,
      extraEnv: { LOG_LEVEL: 'log', LOG_FORMAT: 'json', DRIFT_SCAN_EVERY_MINUTES: '1' },
    });
    try {
      const deadline = Date.now() + 30_000;
      while (
        !worker.output.join('').includes('"level":"info"') &&
        worker.exitedAt === undefined &&
        Date.now() < deadline
      )
        await new Promise((r) => setTimeout(r, 200));
    } finally {
      worker.child.kill('SIGTERM');
      await worker.exited;
    }
    const lines = worker.output.join('').split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const parsed = JSON.parse(line) as { time: string; level: string; message?: string };
      expect(parsed.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(['trace', 'debug', 'info', 'warn', 'error', 'fatal']).toContain(parsed.level);
    }
  }, 60_000);
});

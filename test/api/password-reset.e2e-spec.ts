import type { ParsedMail } from 'mailparser';
import { randomBytes } from 'node:crypto';
import { RESET_REQUEST_MIN_MS } from '@app/auth';
import { selectQueueBackend } from '@app/queue';
import {
  createUser,
  createTenant,
  eventually,
  expectStatus,
  queueIsolation,
  startSmtpSink,
  startTestApi,
  startTestWorker,
  TEST_PASSWORD,
  type HttpResponse,
  type SmtpSink,
  type Tenant,
  type TestApi,
  type TestWorker,
} from '@test/support';

/**
 * Password reset by emailed single-use token, end to end: the API, the worker delivering through the outbox, and
 * the email received by a real SMTP sink and parsed, whose link carries the token.
 */

const unique = () => randomBytes(5).toString('hex');
const recipientOf = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)!.value[0].address!.toLowerCase();
const tokenIn = (m: ParsedMail) => /\/reset-password\?token=([\w-]+)/.exec(m.text ?? '')![1];

describe('password reset', () => {
  let api: TestApi;
  let worker: TestWorker;
  let smtp: SmtpSink;
  let t: Tenant;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    const { prefix, schema } = queueIsolation();
    api = await startTestApi({
      QUEUE_PREFIX: prefix,
      QUEUE_SCHEMA: schema,
      PUBLIC_URL: 'https://throughline.example.com',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
    });
    const queue = selectQueueBackend({ databaseUrl: process.env.DATABASE_URL!, prefix, poolSize: 2, schema });
    worker = await startTestWorker({
      databaseUrl: process.env.DATABASE_URL!,
      queue,
      smtpUrl: smtp.url,
      notificationAttempts: 3,
    });
    t = await createTenant(api.http, 'Reset');
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp?.close();
  });

  async function newUser(): Promise<{ id: string; email: string }> {
    const created = await createUser(t.admin, {
      email: `reset-${unique()}@firm.test`,
      name: 'Rae Reset',
      role: 'account_manager',
      password: TEST_PASSWORD,
    });
    expectStatus(created, 201);
    return { id: created.body.id, email: created.body.email };
  }
  const requestReset = (email: string) => api.http.post('/auth/password-reset', { email });
  const mailTo = (email: string) =>
    eventually(
      async () =>
        smtp.messages
          // The invitation that created the user is not one of the emails under test.
          .filter((m) => recipientOf(m) === email.toLowerCase() && !/ invited you to /.test(m.subject ?? ''))
          .at(-1),
      20_000,
    );
  const confirm = (token: string, newPassword: string) =>
    api.http.post('/auth/password-reset/confirm', { token, newPassword });
  const expectBadToken = (r: HttpResponse) => {
    expectStatus(r, 422);
    expect(r.body.code).toBe('AUTH.INVALID_RESET_TOKEN');
  };

  it('emails a single-use link; the new password works, the old one, old sessions and the link itself no longer do', async () => {
    const user = await newUser();
    const session = await api.http.post('/auth/login', { email: user.email, password: TEST_PASSWORD });
    expectStatus(session, 200);
    const requested = await requestReset(user.email.toUpperCase());
    expectStatus(requested, 202);
    expect(requested.body).toEqual({ status: 'accepted' });

    const mail = await mailTo(user.email);
    expect(mail.subject).toBe('Reset your Throughline password');
    expect(mail.text).toContain('https://throughline.example.com/reset-password?token=');
    const token = tokenIn(mail);
    // Handlebars escapes '=' in the attribute as &#x3D;, which a mail client decodes.
    expect((mail.html as string).replace(/&#x3D;/g, '=')).toContain(
      `href="https://throughline.example.com/reset-password?token=${token}"`,
    );
    // Stored hashed only; the outbox keeps no copy of the link once sent.
    expect(
      JSON.stringify(await api.dataSource.query(`SELECT * FROM password_reset_tokens WHERE user_id = $1`, [user.id])),
    ).not.toContain(token);
    await eventually(async () => {
      const rows: Array<{ status: string; payload: unknown }> = await api.dataSource.query(
        `SELECT status, payload FROM outbox WHERE recipient_user_id = $1 AND event = 'auth.password_reset'`,
        [user.id],
      );
      return rows.length === 1 && rows[0].status === 'sent' && !JSON.stringify(rows[0].payload).includes(token);
    });

    expectStatus(await confirm(token, 'qwertyqwerty'), 400); // the policy applies here too, and the token survives a refusal
    const newPassword = `harbour-lantern-${unique()}`;
    expectStatus(await confirm(token, newPassword), 204);
    expectBadToken(await confirm(token, `another-lantern-${unique()}`));
    expectStatus(await api.http.as(session.body.accessToken).get('/me'), 401);
    expectStatus(await api.http.post('/auth/refresh', { refreshToken: session.body.refreshToken }), 401);
    expectStatus(await api.http.post('/auth/login', { email: user.email, password: TEST_PASSWORD }), 401);
    expectStatus(await api.http.post('/auth/login', { email: user.email, password: newPassword }), 200);
    const audit: Array<{ action: string }> = await api.dataSource.query(
      `SELECT action FROM audit_events WHERE organization_id = $1 AND entity_id = $2 AND action LIKE 'user.password_reset%' ORDER BY created_at`,
      [t.organizationId, user.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['user.password_reset_requested', 'user.password_reset']);
  });

  it('answers an unknown or disabled email exactly like a known one (status, body, time), and sends nothing to it', async () => {
    const disabled = await newUser();
    expectStatus(await t.admin.post(`/users/${disabled.id}/disable`), 200);
    const outboxBefore = (
      await api.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE event = 'auth.password_reset'`)
    )[0].n;
    const known = await newUser();
    for (const email of [`nobody-${unique()}@firm.test`, disabled.email, known.email]) {
      const started = performance.now();
      const r = await requestReset(email);
      // Timing: every request is held to the same floor, which the known email's work stays well under.
      expect(performance.now() - started).toBeGreaterThanOrEqual(RESET_REQUEST_MIN_MS - 5);
      expectStatus(r, 202);
      expect(r.body).toEqual({ status: 'accepted' });
    }
    await mailTo(known.email);
    expect(
      (await api.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE event = 'auth.password_reset'`))[0].n,
    ).toBe(outboxBefore + 1);
  });

  it('refuses expired, unknown and superseded tokens; a reset uses up every outstanding link of the user', async () => {
    const user = await newUser();
    expectStatus(await requestReset(user.email), 202);
    const first = tokenIn(await mailTo(user.email));
    expectStatus(await requestReset(user.email), 202);
    const second = await eventually(async () => {
      const token = tokenIn(await mailTo(user.email));
      return token !== first ? token : null;
    });
    expectStatus(await confirm(second, `first-lantern-${unique()}`), 204);
    expectBadToken(await confirm(first, `second-lantern-${unique()}`));
    expectBadToken(await confirm(randomBytes(32).toString('base64url'), `third-lantern-${unique()}`));

    const late = await newUser();
    expectStatus(await requestReset(late.email), 202);
    const token = tokenIn(await mailTo(late.email));
    api.setNow(new Date(Date.now() + 61 * 60_000)); // past the 60-minute validity
    try {
      expectBadToken(await confirm(token, `late-lantern-${unique()}`));
    } finally {
      api.setNow(null);
    }
    expectStatus(await api.http.post('/auth/login', { email: late.email, password: TEST_PASSWORD }), 200);
  });

  it('throttles requests per account like logins (429 with Retry-After), known or not', async () => {
    for (const email of [(await newUser()).email, `nobody-${unique()}@firm.test`]) {
      for (let i = 0; i < 3; i += 1) expectStatus(await requestReset(email), 202);
      const refused = await requestReset(email);
      expectStatus(refused, 429);
      expect(refused.body.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  // Sign-up emails share this machinery (issue 15, finding 4): the verification email belongs to no organization yet.
  it('the worker delivers a sign-up verification email (of no organization) and the "already have an account" one; the outbox forgets the link', async () => {
    const email = `founder-${unique()}@newco.test`;
    const body = { organizationName: 'Mailed Co', name: 'Mae Founder', password: TEST_PASSWORD };
    expectStatus(await api.http.post('/auth/signup', { ...body, email }), 202);
    expectStatus(await api.http.post('/auth/signup', { ...body, email: t.emails.manager }), 202);
    const verify = await mailTo(email);
    expect(verify.subject).toMatch(/Confirm your email/);
    const link = /https:\/\/throughline\.example\.com\/signup\/verify\?token=([\w-]+)/.exec(verify.text ?? '')!;
    expect(link).not.toBeNull();
    const existing = await mailTo(t.emails.manager);
    expect(existing.subject).toBe('You already have a Throughline account');
    expect(existing.text).toContain('https://throughline.example.com/reset-password');
    const rows: Array<{ status: string; payload: unknown; organization_id: string | null }> = await eventually(
      async () => {
        const r = await api.dataSource.query(
          `SELECT status, payload, organization_id FROM outbox WHERE event = 'auth.signup_verify' AND recipient_email = $1`,
          [email],
        );
        return r[0]?.status === 'sent' ? r : null;
      },
    );
    expect(rows).toEqual([{ status: 'sent', payload: {}, organization_id: null }]);
    const verified = await api.http.post('/auth/signup/verify', { token: link[1] });
    expectStatus(verified, 201);
    expect(verified.body.user).toMatchObject({ email, role: 'admin' });
  });
});

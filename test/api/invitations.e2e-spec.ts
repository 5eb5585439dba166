import type { ParsedMail } from 'mailparser';
import { randomBytes } from 'node:crypto';
import { selectQueueBackend } from '@app/queue';
import {
  createTenant,
  eventually,
  expectStatus,
  invitationToken,
  login,
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
 * Invitations over HTTP (issue 18, item 2; issue 15, finding 4): every route and role, the link's whole lifecycle
 * (pending, used, expired, resent, revoked, tampered with), and the same answer for an address that has an account in
 * another organization as for a free one, down to the email the worker delivers.
 */

const unique = () => randomBytes(5).toString('hex');
const DAY = 86_400_000;
const recipientOf = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)!.value[0].address!.toLowerCase();

function expectError(response: HttpResponse, status: number, code: string): void {
  expectStatus(response, status);
  expect(response.body).toMatchObject({
    statusCode: status,
    code,
    message: expect.any(String),
    correlationId: expect.any(String),
  });
  expect(JSON.stringify(response.body)).not.toMatch(/\bat .+\.(ts|js):\d+/);
}

describe('invitations', () => {
  let api: TestApi;
  let worker: TestWorker;
  let smtp: SmtpSink;
  let t: Tenant;
  let other: Tenant;
  let now: Date;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    const { prefix, schema } = queueIsolation();
    api = await startTestApi({ QUEUE_PREFIX: prefix, QUEUE_SCHEMA: schema, PUBLIC_URL: 'https://tl.example.com' });
    const queue = selectQueueBackend({ databaseUrl: process.env.DATABASE_URL!, prefix, poolSize: 2, schema });
    worker = await startTestWorker({
      databaseUrl: process.env.DATABASE_URL!,
      queue,
      smtpUrl: smtp.url,
      notificationAttempts: 3,
    });
    t = await createTenant(api.http, 'Inviting');
    other = await createTenant(api.http, 'Elsewhere');
    // The account manager manages client A only.
    expectStatus(await t.admin.patch(`/clients/${t.a.clientId}`, { accountManagerId: t.users.manager }), 200);
    now = new Date();
    api.setNow(now);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp?.close();
  });

  const invite = (caller: Tenant['admin'], body: Record<string, unknown>) => caller.post('/invitations', body);
  const inspect = (token: string) => api.http.post('/invitations/inspect', { token });
  const accept = (token: string, body: Record<string, unknown> = {}) =>
    api.http.post('/invitations/accept', { token, name: 'Dana Client', password: TEST_PASSWORD, ...body });
  const count = async (sql: string, params: unknown[]) =>
    Number((await api.dataSource.query(sql, params))[0].n as string);

  it('admin invites a client viewer; the emailed link shows the invitation, refuses a weak password, then creates the user signed in, once', async () => {
    const email = `dana-${unique()}@client.test`;
    const invited = await invite(t.admin, { email, role: 'client_viewer', name: 'Dana', clientIds: [t.a.clientId] });
    expectStatus(invited, 201);
    expect(invited.body).toMatchObject({
      email,
      name: 'Dana',
      role: 'client_viewer',
      clientIds: [t.a.clientId],
      status: 'pending',
      invitedById: t.users.admin,
      sentCount: 1,
      expiresAt: new Date(now.getTime() + 7 * DAY).toISOString(),
    });
    const listed = await t.admin.get('/invitations');
    expectStatus(listed, 200);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(invited.body.id);

    // Through the outbox and the worker, to a real SMTP server; the credential is not kept once sent.
    const mail = await eventually(async () => smtp.messages.find((m) => recipientOf(m) === email));
    expect(mail.subject).toMatch(/invited you to Inviting .* on Throughline/);
    const token = /\/invitations\/accept\?token=([\w-]+)/.exec(mail.text ?? '')![1];
    expect(mail.text).toContain(`https://tl.example.com/invitations/accept?token=${token}`);
    await eventually(
      async () =>
        (await count(
          `SELECT count(*) AS n FROM outbox WHERE recipient_email = $1 AND status = 'sent' AND payload = '{}'::jsonb`,
          [email],
        )) === 1,
    );
    expect(await count(`SELECT count(*) AS n FROM invitations WHERE token_hash = $1`, [token])).toBe(0);

    const shown = await inspect(token);
    expectStatus(shown, 200);
    expect(shown.body).toEqual({
      email,
      name: 'Dana',
      role: 'client_viewer',
      organizationName: expect.stringMatching(/^Inviting /),
      expiresAt: invited.body.expiresAt,
      existingAccount: false,
    });

    const weak = await accept(token, { password: 'password1234' });
    expectStatus(weak, 400);
    expect(JSON.stringify(weak.body.errors)).toContain('password');
    expect(await count(`SELECT count(*) AS n FROM users WHERE lower(email) = $1`, [email])).toBe(0);

    const accepted = await accept(token, { timezone: 'Europe/Paris' });
    expectStatus(accepted, 201);
    expect(accepted.body.user).toMatchObject({
      email,
      name: 'Dana Client',
      role: 'client_viewer',
      clientIds: [t.a.clientId],
      organizationId: t.organizationId,
      timezone: 'Europe/Paris',
    });
    const me = api.http.as(accepted.body.accessToken);
    expectStatus(await me.get(`/clients/${t.a.clientId}`), 200);
    expectStatus(await me.get(`/clients/${t.b.clientId}`), 404);
    expectStatus(await login(api.http, email).then((c) => c.get('/me')), 200);

    expectError(await accept(token), 410, 'INVITATION.USED');
    expectError(await inspect(token), 410, 'INVITATION.USED');
    expect((await t.admin.get('/invitations')).body.items.map((i: { id: string }) => i.id)).not.toContain(
      invited.body.id,
    );
    const audit = await t.admin.get(`/audit-events?entityId=${invited.body.id}&limit=100`);
    expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'invitation.accepted',
      'invitation.created',
    ]);
    const created = await t.admin.get(`/audit-events?entityId=${accepted.body.user.id}&limit=100`);
    expect(created.body.items.map((e: { action: string }) => e.action)).toContain('user.created');
  });

  it('a tampered or made-up token → 403 INVITATION.INVALID_TOKEN, nothing created', async () => {
    const email = `tamper-${unique()}@client.test`;
    expectStatus(await invite(t.admin, { email, role: 'executive' }), 201);
    const token = await invitationToken(api.http, email);
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    expectError(await inspect(tampered), 403, 'INVITATION.INVALID_TOKEN');
    expectError(await accept(tampered), 403, 'INVITATION.INVALID_TOKEN');
    expectError(await accept(randomBytes(32).toString('base64url')), 403, 'INVITATION.INVALID_TOKEN');
    expect(await count(`SELECT count(*) AS n FROM users WHERE lower(email) = $1`, [email])).toBe(0);
    expectStatus(await inspect(token), 200);
  });

  it('expires after 7 days (410); a resend emails a new link valid 7 more days and the old one stops working', async () => {
    const email = `late-${unique()}@client.test`;
    const invited = await invite(t.admin, { email, role: 'executive' });
    expectStatus(invited, 201);
    const first = await invitationToken(api.http, email);
    try {
      api.setNow(new Date(now.getTime() + 7 * DAY + 1000));
      expectError(await inspect(first), 410, 'INVITATION.EXPIRED');
      expectError(await accept(first), 410, 'INVITATION.EXPIRED');
      expect((await t.admin.get('/invitations?status=expired')).body.items.map((i: { id: string }) => i.id)).toContain(
        invited.body.id,
      );
      // A new invitation to an address whose invitation is still pending is refused; an expired one is replaced.
      const resent = await t.admin.post(`/invitations/${invited.body.id}/resend`);
      expectStatus(resent, 200);
      expect(resent.body).toMatchObject({
        status: 'pending',
        sentCount: 2,
        expiresAt: new Date(now.getTime() + 14 * DAY + 1000).toISOString(),
      });
      const second = await invitationToken(api.http, email);
      expect(second).not.toBe(first);
      expectError(await inspect(first), 403, 'INVITATION.INVALID_TOKEN');
      expectError(await invite(t.admin, { email, role: 'executive' }), 409, 'INVITATION.ALREADY_PENDING');
      expectStatus(await accept(second), 201);
    } finally {
      api.setNow(now);
    }
  });

  it('revoke: the link answers 410, the invitation leaves the list; revoking again changes nothing, resending is refused', async () => {
    const email = `revoked-${unique()}@client.test`;
    const invited = await invite(t.admin, { email, role: 'account_manager' });
    const token = await invitationToken(api.http, email);
    const revoked = await t.admin.post(`/invitations/${invited.body.id}/revoke`);
    expectStatus(revoked, 200);
    expect(revoked.body.status).toBe('revoked');
    expectError(await inspect(token), 410, 'INVITATION.REVOKED');
    expectError(await accept(token), 410, 'INVITATION.REVOKED');
    expect((await t.admin.get('/invitations')).body.items.map((i: { id: string }) => i.id)).not.toContain(
      invited.body.id,
    );
    expectStatus(await t.admin.post(`/invitations/${invited.body.id}/revoke`), 200);
    expectError(await t.admin.post(`/invitations/${invited.body.id}/resend`), 409, 'INVITATION.NOT_OPEN');
    // The address is free to invite again.
    expectStatus(await invite(t.admin, { email, role: 'account_manager' }), 201);
  });

  it('two acceptances of one link at once: one user, the other 410', async () => {
    const email = `race-${unique()}@client.test`;
    expectStatus(await invite(t.admin, { email, role: 'executive' }), 201);
    const token = await invitationToken(api.http, email);
    const answers = await Promise.all([accept(token), accept(token)]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 410]);
    expect(await count(`SELECT count(*) AS n FROM users WHERE lower(email) = $1`, [email])).toBe(1);
  });

  describe('roles', () => {
    it('an account manager invites client viewers of the clients they manage and placed executives, nothing else', async () => {
      const viewer = await invite(t.manager, {
        email: `am-viewer-${unique()}@client.test`,
        role: 'client_viewer',
        clientIds: [t.a.clientId],
      });
      expectStatus(viewer, 201);
      expectStatus(await invite(t.manager, { email: `am-exec-${unique()}@firm.test`, role: 'executive' }), 201);
      expectError(
        await invite(t.manager, {
          email: `am-b-${unique()}@client.test`,
          role: 'client_viewer',
          clientIds: [t.b.clientId],
        }),
        422,
        'USER.CLIENT_INVALID',
      );
      expectError(
        await invite(t.manager, { email: `am-none-${unique()}@client.test`, role: 'client_viewer' }),
        422,
        'INVITATION.CLIENTS_REQUIRED',
      );
      for (const role of ['account_manager', 'admin'])
        expectError(
          await invite(t.manager, { email: `am-${role}-${unique()}@firm.test`, role }),
          403,
          'ACCESS.ROLE_FORBIDDEN',
        );
      expectError(
        await invite(t.admin, { email: `ex-${unique()}@firm.test`, role: 'executive', clientIds: [t.a.clientId] }),
        422,
        'USER.GRANTS_ONLY_FOR_CLIENT_VIEWERS',
      );
    });

    it("an account manager lists, resends and revokes the invitations they sent; an admin's answer 404 to them", async () => {
      const mine = await invite(t.manager, { email: `am-own-${unique()}@firm.test`, role: 'executive' });
      const admins = await invite(t.admin, { email: `admin-own-${unique()}@firm.test`, role: 'executive' });
      const listed = (await t.manager.get('/invitations?limit=100')).body;
      expect(listed.items.every((i: { invitedById: string }) => i.invitedById === t.users.manager)).toBe(true);
      expect(listed.items.map((i: { id: string }) => i.id)).toContain(mine.body.id);
      expect(listed.total).toBe(listed.items.length);
      expectStatus(await t.manager.post(`/invitations/${mine.body.id}/resend`), 200);
      expectError(await t.manager.post(`/invitations/${admins.body.id}/resend`), 404, 'INVITATION.NOT_FOUND');
      expectError(await t.manager.post(`/invitations/${admins.body.id}/revoke`), 404, 'INVITATION.NOT_FOUND');
      expectStatus(await t.manager.post(`/invitations/${mine.body.id}/revoke`), 200);
      const all = (await t.admin.get('/invitations?limit=100')).body.items.map((i: { id: string }) => i.id);
      expect(all).toContain(admins.body.id);
    });

    it('executives and client viewers may not invite, list, resend or revoke (403); another organization gets 404', async () => {
      const invited = await invite(t.admin, { email: `roles-${unique()}@firm.test`, role: 'executive' });
      for (const caller of [t.executive, t.clientViewer]) {
        expectError(
          await invite(caller, { email: `x-${unique()}@firm.test`, role: 'executive' }),
          403,
          'ACCESS.ROLE_FORBIDDEN',
        );
        expectError(await caller.get('/invitations'), 403, 'ACCESS.ROLE_FORBIDDEN');
        expectError(await caller.post(`/invitations/${invited.body.id}/resend`), 403, 'ACCESS.ROLE_FORBIDDEN');
        expectError(await caller.post(`/invitations/${invited.body.id}/revoke`), 403, 'ACCESS.ROLE_FORBIDDEN');
      }
      expectError(await other.admin.post(`/invitations/${invited.body.id}/revoke`), 404, 'INVITATION.NOT_FOUND');
      expect(JSON.stringify((await other.admin.get('/invitations?limit=100')).body)).not.toContain(invited.body.id);
    });
  });

  describe('no account discovery across organizations (issue 15, finding 4)', () => {
    it("inviting another organization's user answers exactly like a free address, and sends the same email", async () => {
      const taken = t.emails.executive;
      const free = `free-${unique()}@firm.test`;
      const shape = (r: HttpResponse) => ({
        status: r.status,
        body: { ...r.body, id: 'id', email: 'email', expiresAt: 'at', lastSentAt: 'at', createdAt: 'at' },
      });
      const forTaken = await invite(other.admin, { email: taken, role: 'executive' });
      const forFree = await invite(other.admin, { email: free, role: 'executive' });
      expectStatus(forTaken, 201);
      expect(shape(forTaken)).toEqual(shape(forFree));
      const listed = (await other.admin.get('/invitations?limit=100')).body.items.map(
        (i: { email: string }) => i.email,
      );
      expect(listed).toEqual(expect.arrayContaining([taken, free]));

      const [mailTaken, mailFree] = await eventually(async () => {
        // The newest to each: the taken address was invited to its own organization once already.
        const found = [taken, free].map((e) =>
          [...smtp.messages].reverse().find((m) => recipientOf(m) === e.toLowerCase()),
        );
        return found.every(Boolean) && (found as ParsedMail[]);
      });
      expect(mailTaken.subject).toBe(mailFree.subject);
      expect(mailTaken.subject).toMatch(/invited you to Elsewhere /);
      expect(mailTaken.text!.replace(/token=[\w-]+/, '')).toBe(mailFree.text!.replace(/token=[\w-]+/, ''));
      const outbox: Array<{ event: string; n: string }> = await api.dataSource.query(
        `SELECT event, count(*) AS n FROM outbox WHERE organization_id = $1 AND recipient_email IN ($2, $3) GROUP BY event`,
        [other.organizationId, taken, free],
      );
      expect(outbox).toEqual([{ event: 'invitation.sent', n: '2' }]);

      // Only the invitee, following the link from their own mailbox, learns that the address is taken.
      const token = await invitationToken(api.http, taken);
      expect((await inspect(token)).body).toMatchObject({ email: taken, existingAccount: true });
      const refused = await accept(token);
      expectError(refused, 409, 'USER.EMAIL_TAKEN');
      expect(await count(`SELECT count(*) AS n FROM users WHERE lower(email) = $1`, [taken])).toBe(1);
      expect(
        (await api.dataSource.query(`SELECT organization_id FROM users WHERE lower(email) = $1`, [taken]))[0]
          .organization_id,
      ).toBe(t.organizationId);
    });

    it("POST /users is gone: it cannot tell another organization's address from a free one either", async () => {
      const body = (email: string) => ({ email, name: 'Probe', role: 'executive', password: TEST_PASSWORD });
      const taken = await other.admin.post('/users', body(t.emails.manager));
      const free = await other.admin.post('/users', body(`probe-${unique()}@firm.test`));
      expect(taken.status).toBe(404);
      expect({ ...taken.body, correlationId: 'x', message: 'x' }).toEqual({
        ...free.body,
        correlationId: 'x',
        message: 'x',
      });
    });

    it("this organization's own member: 409 USER.EMAIL_TAKEN (the admin can list its users anyway)", async () => {
      expectError(await invite(t.admin, { email: t.emails.manager, role: 'executive' }), 409, 'USER.EMAIL_TAKEN');
    });
  });
});

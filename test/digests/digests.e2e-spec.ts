import type { ParsedMail } from 'mailparser';
import { DriftScanService } from '@app/domain';
import { JobName, selectQueueBackend } from '@app/queue';
import {
  createTenant,
  eventually,
  expectStatus,
  queueIsolation,
  startSmtpSink,
  startTestApi,
  startTestWorker,
  type SmtpSink,
  type Tenant,
  type TestApi,
  type TestWorker,
} from '@test/support';

/**
 * Weekly digests end to end: the real API and worker (BullMQ's PostgreSQL backend), email over real SMTP to the
 * in-process sink, parsed with mailparser. Time is pinned to Monday 2026-11-23 09:00 UTC (ISO week 48) on both.
 */
const NOW = '2026-11-23T09:00:00.000Z';
const NEXT_MONDAY = '2026-11-30T08:05:00.000Z';
const ROLES = ['admin', 'manager', 'executive', 'clientViewer'] as const;
type RoleKey = (typeof ROLES)[number];

describe('weekly digests (SMTP sink, postgres queue backend)', () => {
  let api: TestApi;
  let worker: TestWorker;
  let smtp: SmtpSink;
  let tenant: Tenant;
  let names: { clientA: string; clientB: string; execA: string; execB: string };

  const pin = (iso: string) => {
    api.setNow(new Date(iso));
    worker.setNow(new Date(iso));
  };
  const recipientOf = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)!.value[0].address!.toLowerCase();
  const digestsTo = (role: RoleKey, week = 48) =>
    smtp.messages.filter(
      (m) => recipientOf(m) === tenant.emails[role] && new RegExp(`— week ${week}$`).test(m.subject ?? ''),
    );
  const header = (m: ParsedMail, name: string) =>
    m.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, '') ?? null;
  const unsubscribeUrl = (m: ParsedMail) => {
    const raw = header(m, 'list-unsubscribe')!;
    const url = new URL(/<([^>]+)>/.exec(raw.replace(/\s+/g, ''))![1]);
    return `${url.pathname.replace('/api/v1', '')}${url.search}`;
  };
  const digestRows = async () =>
    api.dataSource.query(
      `SELECT d.user_id, d.iso_week, d.status, d.forced, o.status AS outbox_status FROM digests d LEFT JOIN outbox o ON o.id = d.outbox_id
        WHERE d.organization_id = $1 ORDER BY d.created_at`,
      [tenant.organizationId],
    ) as Promise<
      Array<{ user_id: string; iso_week: string; status: string; forced: boolean; outbox_status: string | null }>
    >;
  /** Waits until no digest or delivery job is waiting or active. */
  const settle = async () => {
    await eventually(async () => {
      const [d, n] = await Promise.all([
        worker.digestsQueue.getJobCounts('waiting', 'active', 'delayed'),
        worker.notificationsQueue.getJobCounts('waiting', 'active'),
      ]);
      return d.waiting + d.active + d.delayed + n.waiting + n.active === 0;
    }, 30_000);
  };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    const { prefix, schema } = queueIsolation();
    api = await startTestApi({ QUEUE_PREFIX: prefix, QUEUE_SCHEMA: schema });
    const queue = selectQueueBackend({ databaseUrl: process.env.DATABASE_URL!, prefix, poolSize: 2, schema });
    worker = await startTestWorker({
      databaseUrl: process.env.DATABASE_URL!,
      queue,
      smtpUrl: smtp.url,
      notificationAttempts: 3,
    });
    pin(NOW);
    tenant = await createTenant(api.http, 'Digest');
    const client = async (id: string) => (await tenant.manager.get(`/clients/${id}`)).body.name as string;
    const exec = async (id: string) => (await tenant.manager.get(`/executives/${id}`)).body.name as string;
    names = {
      clientA: await client(tenant.a.clientId),
      clientB: await client(tenant.b.clientId),
      execA: await exec(tenant.a.executiveId),
      execB: await exec(tenant.b.executiveId),
    };
    // This week on engagement A: a milestone completed, one re-planned (with its reason), one due next week.
    const done = await tenant.manager.post(`/priorities/${tenant.a.priorityId}/milestones`, {
      title: 'Sign two design partners',
      dueDate: '2026-11-18',
    });
    expectStatus(
      await tenant.manager.post(`/milestones/${done.body.id}/complete`, { completedAt: '2026-11-20T15:00:00Z' }),
      200,
    );
    const moved = await tenant.manager.post(`/priorities/${tenant.a.priorityId}/milestones`, {
      title: 'Pricing page live',
      dueDate: '2026-11-26',
    });
    expectStatus(
      await tenant.executive.post(`/milestones/${moved.body.id}/replan`, {
        dueDate: '2026-12-10',
        reason: 'Legal review of the new terms',
        category: 'client',
      }),
      200,
    );
    await api.dataSource.query(
      `UPDATE milestone_due_date_changes SET changed_at = '2026-11-19T10:00:00Z' WHERE milestone_id = $1`,
      [moved.body.id],
    );
    expectStatus(
      await tenant.manager.post(`/priorities/${tenant.a.priorityId}/milestones`, {
        title: 'Hire the first SDR',
        dueDate: '2026-12-01',
      }),
      201,
    );
    // On engagement B: a milestone that slipped this week.
    expectStatus(
      await tenant.manager.post(`/priorities/${tenant.b.priorityId}/milestones`, {
        title: 'Warehouse pilot go-live',
        dueDate: '2026-11-19',
      }),
      201,
    );
    // A drift scan: scores snapshotted for today and alerts raised (their own emails go to the sink too; we look at digests only).
    await worker.app.get(DriftScanService).scanOrganization(tenant.organizationId);
    await settle();
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp?.close();
  });

  afterEach(() => smtp?.setRejection(null));

  it('send-now (admin) mails each role one digest, right for its role, and never names what the recipient may not see', async () => {
    const response = await tenant.admin.post('/digests/send-now', {});
    expectStatus(response, 202);
    expect(response.body.queued).toBe(4);
    expect(response.body.recipients.map((r: { isoWeek: string }) => r.isoWeek)).toEqual([
      '2026-W48',
      '2026-W48',
      '2026-W48',
      '2026-W48',
    ]);
    await eventually(async () => ROLES.every((role) => digestsTo(role).length === 1), 30_000);
    await settle();

    const [admin, manager, executive, viewer] = ROLES.map((role) => digestsTo(role));
    for (const [mail] of [admin, manager, executive, viewer]) {
      expect(mail.subject).toMatch(/ — week 48$/);
      expect(mail.html).toContain('width="600"');
      expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      expect(header(mail, 'list-unsubscribe')).toMatch(
        /^<http:\/\/localhost:3000\/api\/v1\/digests\/unsubscribe\?token=[\w.%-]+>$/,
      );
      // Every link goes to the dashboard.
      for (const [, href] of (mail.html as string).matchAll(/href="([^"]+)"/g))
        expect(href.replace(/&#x3D;/g, '=')).toMatch(/^http:\/\/localhost:3000\//);
    }
    // Account manager and admin: the portfolio, both engagements, worst-drifting first, with the counts.
    for (const [mail] of [manager, admin]) {
      expect(mail.text).toContain('Your portfolio this week — week 48');
      expect(mail.text).toContain(names.clientA);
      expect(mail.text).toContain(names.clientB);
      expect(mail.text).toMatch(
        /\d+ engagements · \d+ off track · \d+ due in 14 days · \d+ slipped · \d+ open alerts?/,
      );
    }
    // The executive: what is due and what slipped, on their own engagement only.
    const exec = executive[0];
    expect(exec.text).toContain('What is due and what slipped — week 48');
    expect(exec.text).toContain('Hire the first SDR');
    expect(exec.text).toContain(
      'Pricing page live — moved 2026-11-26 → 2026-12-10 (caused by the client): Legal review of the new terms',
    );
    expect(exec.text).toContain(names.clientA);
    expect(exec.text).not.toContain(names.clientB);
    expect(exec.text).not.toContain('Warehouse pilot go-live');
    // The client viewer: "your engagement" for client A; nothing of client B, its executive or its milestones, anywhere in the message.
    const view = viewer[0];
    expect(view.text).toContain('Your engagement this week — week 48');
    expect(view.text).toContain(names.clientA);
    expect(view.text).toContain('Sign two design partners — done 2026-11-20 (due 2026-11-18)');
    for (const hidden of [
      names.clientB,
      names.execB,
      'Warehouse pilot go-live',
      tenant.b.engagementId,
      'allocation',
      'days per week',
    ]) {
      expect(`${view.subject}\n${view.text}\n${view.html}`).not.toContain(hidden);
    }

    const rows = await digestRows();
    expect(rows).toHaveLength(4);
    expect(
      rows.every(
        (r) => r.iso_week === '2026-W48' && r.status === 'composed' && r.outbox_status === 'sent' && !r.forced,
      ),
    ).toBe(true);
    const history = await tenant.admin.get('/digests?limit=100');
    expectStatus(history, 200);
    expect(history.body.total).toBe(4);
    expect(history.body.items.map((i: { recipientEmail: string }) => i.recipientEmail).sort()).toEqual(
      Object.values(tenant.emails).sort(),
    );
    expect(
      history.body.items.every(
        (i: { status: string; isoWeek: string; sentAt: string | null }) =>
          i.status === 'sent' && i.isoWeek === '2026-W48' && i.sentAt,
      ),
    ).toBe(true);
    const own = await tenant.clientViewer.get('/digests');
    expect(own.body.items.map((i: { userId: string }) => i.userId)).toEqual([tenant.users.clientViewer]);
  });

  it('the preview shows the same HTML as the email', async () => {
    const [mail] = digestsTo('clientViewer');
    const asAdmin = await tenant.admin.get(`/digests/preview?userId=${tenant.users.clientViewer}&format=html`);
    expectStatus(asAdmin, 200);
    expect(asAdmin.headers.get('content-type')).toMatch(/^text\/html/);
    expect(asAdmin.body.trim()).toBe((mail.html as string).trim());
    const own = await tenant.clientViewer.get('/digests/preview');
    expectStatus(own, 200);
    expect(own.body).toMatchObject({
      userId: tenant.users.clientViewer,
      isoWeek: '2026-W48',
      kind: 'your_engagement',
      subject: mail.subject,
      empty: false,
    });
    expect(own.body.html.trim()).toBe((mail.html as string).trim());
    // Another user's digest is the admin's to see; an unknown week is refused.
    expect((await tenant.manager.get(`/digests/preview?userId=${tenant.users.clientViewer}`)).status).toBe(403);
    expect((await tenant.admin.get('/digests/preview?week=2027-W53')).status).toBe(422);
    expect((await tenant.admin.get('/digests/preview?week=next')).status).toBe(400);
  });

  it('send-now again is still one per week; force sends one more, to that user only', async () => {
    const before = smtp.messages.length;
    expectStatus(await tenant.admin.post('/digests/send-now', {}), 202);
    await settle();
    expect(await digestRows()).toHaveLength(4);
    expect(smtp.messages.length).toBe(before);

    expectStatus(await tenant.admin.post('/digests/send-now', { userId: tenant.users.executive, force: true }), 202);
    await eventually(async () => digestsTo('executive').length === 2, 20_000);
    await settle();
    expect(smtp.messages.length).toBe(before + 1);
    const rows = await digestRows();
    expect(rows.filter((r) => r.forced).map((r) => r.user_id)).toEqual([tenant.users.executive]);
    // Only admins send digests.
    expect((await tenant.manager.post('/digests/send-now', {})).status).toBe(403);
  });

  it('running the dispatcher twice at the next slot yields one digest per recipient', async () => {
    pin(NEXT_MONDAY);
    await Promise.all([
      worker.digestsQueue.add(
        JobName.DigestDispatchOrganization,
        { organizationId: tenant.organizationId },
        { jobId: `test-dispatch-1-${Date.now()}` },
      ),
      worker.digestsQueue.add(
        JobName.DigestDispatchOrganization,
        { organizationId: tenant.organizationId },
        { jobId: `test-dispatch-2-${Date.now()}` },
      ),
    ]);
    await eventually(async () => ROLES.every((role) => digestsTo(role, 49).length >= 1), 30_000);
    await settle();
    // Once more after all that, for good measure.
    await worker.digestsQueue.add(
      JobName.DigestDispatchOrganization,
      { organizationId: tenant.organizationId },
      { jobId: `test-dispatch-3-${Date.now()}` },
    );
    await settle();
    for (const role of ROLES) expect(digestsTo(role, 49)).toHaveLength(1);
    const rows = (await digestRows()).filter((r) => r.iso_week === '2026-W49');
    expect(rows.map((r) => r.user_id).sort()).toEqual(Object.values(tenant.users).sort());
    pin(NOW);
  });

  it('an SMTP 4xx on the first send is retried by a delivery job with backoff, and the digest arrives once', async () => {
    smtp.setRejection({ code: 451, message: 'try again later' });
    const before = digestsTo('admin').length;
    expectStatus(await tenant.admin.post('/digests/send-now', { userId: tenant.users.admin, force: true }), 202);
    const pending = await eventually(async () => {
      const history = await tenant.admin.get(`/digests?userId=${tenant.users.admin}&order=desc`);
      const latest = history.body.items[0];
      return latest?.forced && latest.status === 'pending' && latest.lastError ? latest : null;
    }, 20_000);
    expect(pending.lastError).toContain('451');
    smtp.setRejection(null);
    const sent = await eventually(async () => {
      const history = await tenant.admin.get(`/digests?userId=${tenant.users.admin}&order=desc`);
      return history.body.items.find((i: { id: string; status: string }) => i.id === pending.id && i.status === 'sent');
    }, 20_000);
    expect(sent.lastError).toBeNull();
    await settle();
    expect(digestsTo('admin')).toHaveLength(before + 1);
    const [row] = await api.dataSource.query(
      `SELECT o.attempts FROM digests d JOIN outbox o ON o.id = d.outbox_id WHERE d.id = $1`,
      [pending.id],
    );
    expect(row.attempts).toBeGreaterThanOrEqual(2);
  });

  it('an SMTP 5xx fails the digest for good (recorded, not retried)', async () => {
    smtp.setRejection({ code: 550, message: 'mailbox unavailable' });
    expectStatus(await tenant.admin.post('/digests/send-now', { userId: tenant.users.manager, force: true }), 202);
    const failed = await eventually(async () => {
      const history = await tenant.admin.get(`/digests?userId=${tenant.users.manager}&order=desc`);
      const latest = history.body.items[0];
      return latest?.forced && latest.status === 'failed' ? latest : null;
    }, 20_000);
    expect(failed.lastError).toContain('550');
    const [row] = await api.dataSource.query(
      `SELECT o.attempts FROM digests d JOIN outbox o ON o.id = d.outbox_id WHERE d.id = $1`,
      [failed.id],
    );
    expect(row.attempts).toBe(1);
  });

  describe('preferences and unsubscribe', () => {
    it('GET/PUT /me/digest-preferences: defaults, validation, own choices', async () => {
      const initial = await tenant.executive.get('/me/digest-preferences');
      expectStatus(initial, 200);
      expect(initial.body).toEqual({
        weekday: 'monday',
        hour: 8,
        timezone: 'UTC',
        ownTimezone: null,
        optedOut: false,
        skipWhenEmpty: true,
        kind: 'due_and_slipped',
        chosen: { weekday: false, hour: false, timezone: false, optedOut: false, skipWhenEmpty: false },
        nextDigestAt: '2026-11-30T08:00:00.000Z',
      });
      for (const bad of [
        { weekday: 'funday', hour: 8, timezone: null, optedOut: false, skipWhenEmpty: null },
        { weekday: 'friday', hour: 24, timezone: null, optedOut: false, skipWhenEmpty: null },
        { weekday: 'friday', hour: 7, timezone: 'Mars/Olympus_Mons', optedOut: false, skipWhenEmpty: null },
        { weekday: 'friday', hour: 7, timezone: null, skipWhenEmpty: null },
      ]) {
        const refused = await tenant.executive.put('/me/digest-preferences', bad);
        expect(refused.status).toBe(400);
        expect(refused.body.code).toBe('VALIDATION_FAILED');
      }
      expect(
        (
          await tenant.executive.put('/me/digest-preferences', {
            weekday: 'friday',
            hour: 7,
            timezone: null,
            optedOut: false,
            skipWhenEmpty: null,
            kind: 'portfolio',
          })
        ).status,
      ).toBe(422);
      const saved = await tenant.executive.put('/me/digest-preferences', {
        weekday: 'friday',
        hour: 7,
        timezone: 'Pacific/Auckland',
        optedOut: false,
        skipWhenEmpty: false,
      });
      expectStatus(saved, 200);
      expect(saved.body).toMatchObject({
        weekday: 'friday',
        hour: 7,
        timezone: 'Pacific/Auckland',
        ownTimezone: 'Pacific/Auckland',
        skipWhenEmpty: false,
        chosen: { weekday: true, hour: true, timezone: true, optedOut: true, skipWhenEmpty: true },
        // Friday 2026-11-27 07:00 in Auckland (NZDT, +13) is Thursday 18:00 UTC.
        nextDigestAt: '2026-11-26T18:00:00.000Z',
      });
      const admin = await tenant.admin.put('/me/digest-preferences', {
        weekday: null,
        hour: null,
        timezone: null,
        optedOut: false,
        skipWhenEmpty: null,
        kind: 'due_and_slipped',
      });
      expect(admin.body).toMatchObject({ kind: 'due_and_slipped', weekday: 'monday', hour: 8 });
    });

    it('the unsubscribe link works without logging in, one click; a tampered token is refused and changes nothing', async () => {
      const [mail] = digestsTo('clientViewer');
      const path = unsubscribeUrl(mail);
      const anonymous = api.http;
      const page = await anonymous.request('GET', path, undefined, { accept: 'text/html' });
      expectStatus(page, 200);
      expect(page.body).toContain('Unsubscribe from weekly digests?');
      expect(page.body).toContain('<form method="post"');
      expect((await anonymous.get(path)).body).toEqual({ email: tenant.emails.clientViewer, optedOut: false });

      const token = new URL(`http://x${path}`).searchParams.get('token')!;
      const [user, expires, signature] = token.split('.');
      const tampered = [
        `${tenant.users.executive}.${expires}.${signature}`,
        `${user}.${Number(expires) + 86_400}.${signature}`,
        `${user}.${expires}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`,
      ];
      for (const bad of tampered) {
        for (const method of ['GET', 'POST']) {
          const refused = await anonymous.request(
            method,
            `/digests/unsubscribe?token=${encodeURIComponent(bad)}`,
            method === 'POST' ? 'List-Unsubscribe=One-Click' : undefined,
            { 'content-type': 'application/x-www-form-urlencoded' },
          );
          expect(refused.status).toBe(403);
          expect(refused.body.code).toBe('DIGEST.UNSUBSCRIBE_TOKEN_INVALID');
        }
      }
      expect((await anonymous.get('/digests/unsubscribe?token=not-a-token')).status).toBe(403);
      expect((await tenant.clientViewer.get('/me/digest-preferences')).body.optedOut).toBe(false);
      expect((await tenant.executive.get('/me/digest-preferences')).body.optedOut).toBe(false);

      // RFC 8058 one-click: a form-encoded POST to the List-Unsubscribe URL, no credentials.
      const done = await anonymous.request('POST', path, 'List-Unsubscribe=One-Click', {
        'content-type': 'application/x-www-form-urlencoded',
      });
      expectStatus(done, 200);
      expect(done.body).toEqual({ email: tenant.emails.clientViewer, optedOut: true });
      expect((await tenant.clientViewer.get('/me/digest-preferences')).body).toMatchObject({
        optedOut: true,
        nextDigestAt: null,
      });
      // Clicking again is harmless; opted-out users are left out of send-now.
      expectStatus(
        await anonymous.request('POST', path, 'List-Unsubscribe=One-Click', {
          'content-type': 'application/x-www-form-urlencoded',
        }),
        200,
      );
      const sendNow = await tenant.admin.post('/digests/send-now', { force: true });
      expect(sendNow.body.recipients.map((r: { userId: string }) => r.userId)).not.toContain(tenant.users.clientViewer);
      expect((await tenant.admin.post('/digests/send-now', { userId: tenant.users.clientViewer })).body.code).toBe(
        'DIGEST.RECIPIENT_OPTED_OUT',
      );
      await settle();
    });
  });
});

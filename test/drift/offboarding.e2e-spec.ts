import type { ParsedMail } from 'mailparser';
import { DriftScanService } from '@app/domain';
import { selectQueueBackend } from '@app/queue';
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
 * Who an alert email reaches (issue 15, finding 6): a disabled person gets nothing, at the user's address or at any
 * profile's; an owner or executive without a user account is mailed only when the organization allows it.
 *
 * The tenant's priority A has an owner without an account (owner-a-…), the executive user placed on engagement A
 * (whose executive profile has an address of its own, exec-a-…) and the manager as client A's account manager. Each
 * scenario raises its own `milestone_overdue` alert and looks only at that alert's outbox rows and emails.
 */
const NOW = '2026-03-11T09:00:00.000Z';
const YESTERDAY = '2026-03-10';

describe('offboarding: alert recipients follow accounts and the organization setting', () => {
  let api: TestApi;
  let worker: TestWorker;
  let smtp: SmtpSink;
  let tenant: Tenant;
  let ownerEmail: string;
  let executiveProfileEmail: string;
  const tag = Math.random().toString(36).slice(2, 7);

  const recipientOf = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)!.value[0].address!.toLowerCase();
  const mailsAbout = (title: string) => smtp.messages.filter((m) => (m.subject ?? '').includes(title));

  const settle = async () => {
    await eventually(async () => {
      const [d, n] = await Promise.all([
        worker.driftQueue.getJobCounts('waiting', 'active'),
        worker.notificationsQueue.getJobCounts('waiting', 'active'),
      ]);
      return d.waiting + d.active + n.waiting + n.active === 0;
    }, 20_000);
  };

  /**
   * A milestone due yesterday on `priorityId`, a scan, then every email for its alert delivered: the addresses of
   * its outbox rows and of the emails the SMTP server received, each sorted.
   */
  const alertRecipients = async (title: string, priorityId = tenant.a.priorityId) => {
    const milestone = await tenant.manager.post(`/priorities/${priorityId}/milestones`, { title, dueDate: YESTERDAY });
    expectStatus(milestone, 201);
    await worker.app.get(DriftScanService).scanOrganization(tenant.organizationId);
    const rows: Array<{ email: string; status: string }> = await api.dataSource.query(
      `SELECT lower(o.recipient_email) AS email, o.status FROM outbox o JOIN drift_alerts a ON a.id = o.alert_id
        WHERE a.organization_id = $1 AND a.rule = 'milestone_overdue' AND a.subject_id = $2 AND o.channel = 'email'`,
      [tenant.organizationId, milestone.body.id],
    );
    expect(rows.length).toBeGreaterThan(0);
    await eventually(async () => (mailsAbout(title).length >= rows.length ? true : null), 15_000);
    await settle();
    return {
      outbox: rows.map((r) => r.email).sort(),
      mailed: mailsAbout(title).map(recipientOf).sort(),
    };
  };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    const { prefix, schema } = queueIsolation();
    api = await startTestApi({ QUEUE_PREFIX: prefix, QUEUE_SCHEMA: schema });
    const queue = selectQueueBackend({ databaseUrl: process.env.DATABASE_URL!, prefix, poolSize: 2, schema });
    worker = await startTestWorker({ databaseUrl: process.env.DATABASE_URL!, queue, smtpUrl: smtp.url });
    api.setNow(new Date(NOW));
    worker.setNow(new Date(NOW));
    tenant = await createTenant(api.http, 'Offboarding');
    expectStatus(
      await tenant.manager.patch(`/clients/${tenant.a.clientId}`, { accountManagerId: tenant.users.manager }),
      200,
    );
    const owner = await tenant.manager.get(`/owners/${tenant.a.ownerId}`);
    expectStatus(owner, 200);
    ownerEmail = (owner.body.email as string).toLowerCase();
    const executive = await tenant.manager.get(`/executives/${tenant.a.executiveId}`);
    expectStatus(executive, 200);
    executiveProfileEmail = (executive.body.email as string).toLowerCase();
    expect(executiveProfileEmail).not.toBe(tenant.emails.executive);
    await settle();
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp?.close();
  });

  it('by default an owner without an account is not mailed; people with an account are', async () => {
    const settings = await tenant.admin.get('/organization/settings');
    expectStatus(settings, 200);
    expect(settings.body.notifyPeopleWithoutAccount).toBe(false);

    const { outbox, mailed } = await alertRecipients(`Default audience ${tag}`);
    const expected = [tenant.emails.executive, tenant.emails.manager].sort();
    expect(outbox).toEqual(expected);
    expect(mailed).toEqual(expected);
    expect(mailed).not.toContain(ownerEmail);
  });

  it('mails the owner without an account once the organization allows it', async () => {
    const patch = await tenant.admin.patch('/organization/settings', { notifyPeopleWithoutAccount: true });
    expectStatus(patch, 200);
    expect(patch.body.notifyPeopleWithoutAccount).toBe(true);
    expect((await tenant.admin.get('/organization/settings')).body.notifyPeopleWithoutAccount).toBe(true);

    const { outbox, mailed } = await alertRecipients(`Owners allowed ${tag}`);
    const expected = [ownerEmail, tenant.emails.executive, tenant.emails.manager].sort();
    expect(outbox).toEqual(expected);
    expect(mailed).toEqual(expected);
  });

  it('refuses a setting that is not a boolean, naming it', async () => {
    const response = await tenant.admin.patch('/organization/settings', { notifyPeopleWithoutAccount: 'yes' });
    expectStatus(response, 400);
    expect(JSON.stringify(response.body)).toContain('notifyPeopleWithoutAccount');
    expect((await tenant.admin.get('/organization/settings')).body.notifyPeopleWithoutAccount).toBe(true);
  });

  it('sends nothing to a disabled executive: not at the user’s address, not at the profile’s, not as an owner', async () => {
    expectStatus(await tenant.admin.post(`/users/${tenant.users.executive}/disable`), 200);
    const gone = [tenant.emails.executive, executiveProfileEmail];

    // People without an account are allowed (previous test): the profile's own address must still not be used.
    const onA = await alertRecipients(`Executive disabled ${tag}`);
    expect(onA.outbox).toEqual([ownerEmail, tenant.emails.manager].sort());
    expect(onA.mailed).toEqual([ownerEmail, tenant.emails.manager].sort());

    // An owner profile without an account that carries the disabled user's address is the same person.
    const owner = await tenant.manager.post('/owners', {
      clientId: tenant.a.clientId,
      name: 'Former executive as owner',
      title: 'Advisor',
      email: tenant.emails.executive,
    });
    expectStatus(owner, 201);
    const priority = await tenant.manager.post(`/engagements/${tenant.a.engagementId}/priorities`, {
      title: `Owned by the former executive ${tag}`,
      ownerId: owner.body.id,
      startDate: '2026-01-05',
      targetDate: '2026-12-18',
    });
    expectStatus(priority, 201);
    const owned = await alertRecipients(`Former executive owns it ${tag}`, priority.body.id);
    expect(owned.outbox).toEqual([tenant.emails.manager]);
    expect(owned.mailed).toEqual([tenant.emails.manager]);

    const everything = smtp.messages.filter((m) => (m.subject ?? '').includes(tag)).map(recipientOf);
    const sinceDisabled = mailsAbout(`Executive disabled ${tag}`)
      .concat(mailsAbout(`Former executive owns it ${tag}`))
      .map(recipientOf);
    expect(sinceDisabled.filter((to) => gone.includes(to))).toEqual([]);
    // The executive was mailed before being disabled (the first two scenarios): the address itself works.
    expect(everything).toContain(tenant.emails.executive);
  });

  it('mails the re-enabled executive again, at the user’s address', async () => {
    expectStatus(await tenant.admin.post(`/users/${tenant.users.executive}/enable`), 200);
    const { outbox, mailed } = await alertRecipients(`Executive back ${tag}`);
    const expected = [ownerEmail, tenant.emails.executive, tenant.emails.manager].sort();
    expect(outbox).toEqual(expected);
    expect(mailed).toEqual(expected);
  });

  it('fails the emails still waiting for a user when the user is disabled: written before, never sent', async () => {
    const title = `Waiting when disabled ${tag}`;
    // Owner A allowed, the executive enabled (as the scenarios above leave them): three recipients.
    expectStatus(await tenant.admin.patch('/organization/settings', { notifyPeopleWithoutAccount: true }), 200);
    expectStatus(await tenant.admin.post(`/users/${tenant.users.executive}/enable`), 200);
    smtp.setRejection({ code: 451, message: 'try later' });
    try {
      const milestone = await tenant.manager.post(`/priorities/${tenant.a.priorityId}/milestones`, {
        title,
        dueDate: YESTERDAY,
      });
      expectStatus(milestone, 201);
      await worker.app.get(DriftScanService).scanOrganization(tenant.organizationId);
      const rowsOf = async () =>
        (await api.dataSource.query(
          `SELECT lower(o.recipient_email) AS email, o.status, o.attempts, o.last_error FROM outbox o JOIN drift_alerts a ON a.id = o.alert_id
            WHERE a.organization_id = $1 AND a.subject_id = $2 AND o.channel = 'email' ORDER BY 1`,
          [tenant.organizationId, milestone.body.id],
        )) as Array<{ email: string; status: string; attempts: number; last_error: string | null }>;
      // Every email refused once and waiting for its retry: the executive's among them.
      const waiting = await eventually(async () => {
        const rows = await rowsOf();
        return rows.length === 3 && rows.every((r) => r.attempts >= 1 && r.last_error !== null) ? rows : null;
      }, 10_000);
      expect(waiting.map((r) => r.email)).toContain(tenant.emails.executive);

      expectStatus(await tenant.admin.post(`/users/${tenant.users.executive}/disable`), 200);
      smtp.setRejection(null);

      const done = await eventually(async () => {
        const rows = await rowsOf();
        return rows.every((r) => r.status !== 'pending') ? rows : null;
      }, 15_000);
      await settle();
      expect(done.map((r) => [r.email, r.status])).toEqual(
        [
          [ownerEmail, 'sent'],
          [tenant.emails.executive, 'failed'],
          [tenant.emails.manager, 'sent'],
        ].sort((a, b) => a[0]!.localeCompare(b[0]!)),
      );
      expect(done.find((r) => r.email === tenant.emails.executive)!.last_error).toContain('disabled');
      expect(mailsAbout(title).map(recipientOf).sort()).toEqual([ownerEmail, tenant.emails.manager].sort());
    } finally {
      smtp.setRejection(null);
    }
  });
});

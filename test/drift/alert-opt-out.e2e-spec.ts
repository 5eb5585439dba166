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
 * Alert emails as a person gets them (issue 14): a critical alert at once in its own email, the scan's other alerts
 * bundled into one email, the engagement's headline health in each, and a signed one-click opt-out link (with the
 * RFC 8058 List-Unsubscribe headers) that works for a user (their preference goes off) and for an owner without an
 * account (their address is recorded); opening the link in a browser changes nothing.
 *
 * Tenant A: owner A without an account (mailed because the organization allows it), the executive user on
 * engagement A, the manager as client A's account manager.
 */
const NOW = '2026-03-11T09:00:00.000Z';
const YESTERDAY = '2026-03-10';
const TWO_DAYS_AGO = '2026-03-09';
const LONG_AGO = '2026-02-14'; // 25 days overdue: critical

interface OutboxRow {
  recipient_email: string;
  event: string;
  alert_id: string | null;
  payload: { batch?: { alerts: Array<{ id: string }> } };
}

describe('alert emails: bundling, the health sentence and the one-click opt-out', () => {
  let api: TestApi;
  let worker: TestWorker;
  let smtp: SmtpSink;
  let tenant: Tenant;
  let ownerEmail: string;
  const tag = Math.random().toString(36).slice(2, 7);

  const settle = async () => {
    await eventually(async () => {
      const [d, n] = await Promise.all([
        worker.driftQueue.getJobCounts('waiting', 'active'),
        worker.notificationsQueue.getJobCounts('waiting', 'active'),
      ]);
      return d.waiting + d.active + n.waiting + n.active === 0;
    }, 20_000);
  };
  const scan = async () => {
    await settle();
    await worker.app.get(DriftScanService).scanOrganization(tenant.organizationId);
    await settle();
  };
  const milestone = async (title: string, dueDate: string, priorityId = tenant.a.priorityId): Promise<string> => {
    const created = await tenant.manager.post(`/priorities/${priorityId}/milestones`, { title, dueDate });
    expectStatus(created, 201);
    return created.body.id as string;
  };
  const alertOf = async (milestoneId: string): Promise<{ id: string; severity: string }> => {
    const [alert] = await api.dataSource.query(
      `SELECT id, severity FROM drift_alerts WHERE organization_id = $1 AND rule = 'milestone_overdue' AND subject_id = $2`,
      [tenant.organizationId, milestoneId],
    );
    return alert;
  };
  /** The outbox email rows of the alerts given, their own or a batch listing one of them, for one recipient. */
  const rowsFor = async (email: string, alertIds: string[]): Promise<OutboxRow[]> => {
    const rows: OutboxRow[] = await api.dataSource.query(
      `SELECT recipient_email, event, alert_id, payload FROM outbox
        WHERE organization_id = $1 AND channel = 'email' AND lower(recipient_email) = $2 ORDER BY created_at`,
      [tenant.organizationId, email.toLowerCase()],
    );
    return rows.filter(
      (r) =>
        (r.alert_id !== null && alertIds.includes(r.alert_id)) ||
        (r.payload.batch?.alerts ?? []).some((a) => alertIds.includes(a.id)),
    );
  };
  const mailTo = (email: string, about: string) =>
    eventually(
      async () =>
        smtp.messages.find(
          (m) => recipientOf(m) === email.toLowerCase() && `${m.subject ?? ''}\n${m.text ?? ''}`.includes(about),
        ) ?? null,
      15_000,
    );
  const recipientOf = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)!.value[0].address!.toLowerCase();
  /** A header as sent (mailparser turns List-* headers into objects). */
  const header = (m: ParsedMail, name: string) =>
    m.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, '') ?? null;
  /** The opt-out link's path and query, on the test API (the email's origin is the worker's PUBLIC_URL). */
  const optOutUrl = (m: ParsedMail): string => {
    const link = /^<(.+)>$/.exec((header(m, 'list-unsubscribe') ?? '').replace(/\s+/g, ''))?.[1];
    expect(link).toBeDefined();
    const url = new URL(link!);
    expect(url.pathname).toBe('/api/v1/notifications/unsubscribe');
    expect(m.text).toContain(`Stop alert emails (one click): ${link}`);
    return `${api.baseUrl}${url.pathname}${url.search}`;
  };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    const { prefix, schema } = queueIsolation();
    api = await startTestApi({ QUEUE_PREFIX: prefix, QUEUE_SCHEMA: schema });
    const queue = selectQueueBackend({ databaseUrl: process.env.DATABASE_URL!, prefix, poolSize: 2, schema });
    // The production default: more than one alert from a scan, the non-critical ones in one email.
    worker = await startTestWorker({
      databaseUrl: process.env.DATABASE_URL!,
      queue,
      smtpUrl: smtp.url,
      alertBatchAbove: 1,
    });
    api.setNow(new Date(NOW));
    worker.setNow(new Date(NOW));
    tenant = await createTenant(api.http, 'OptOut');
    expectStatus(await tenant.admin.patch('/organization/settings', { notifyPeopleWithoutAccount: true }), 200);
    expectStatus(
      await tenant.manager.patch(`/clients/${tenant.a.clientId}`, { accountManagerId: tenant.users.manager }),
      200,
    );
    const owner = await tenant.manager.get(`/owners/${tenant.a.ownerId}`);
    ownerEmail = (owner.body.email as string).toLowerCase();
    await scan(); // whatever the fixture raises, out of the way
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp?.close();
  });

  it('sends a critical alert at once on its own and bundles the rest of the scan into one email per person', async () => {
    // On a draft priority (not scanned), then activated: all three are raised by the same scan.
    const draft = await tenant.manager.post(`/engagements/${tenant.a.engagementId}/priorities`, {
      title: `Bundled priority ${tag}`,
      ownerId: tenant.a.ownerId,
      status: 'draft',
      startDate: '2026-03-01',
      targetDate: '2026-12-18',
    });
    expectStatus(draft, 201);
    const critical = await milestone(`Critical ${tag}`, LONG_AGO, draft.body.id);
    const first = await milestone(`Bundled one ${tag}`, YESTERDAY, draft.body.id);
    const second = await milestone(`Bundled two ${tag}`, TWO_DAYS_AGO, draft.body.id);
    await settle();
    expectStatus(await tenant.manager.patch(`/priorities/${draft.body.id}`, { status: 'active' }), 200);
    await scan();
    const [c, b1, b2] = [await alertOf(critical), await alertOf(first), await alertOf(second)];
    expect(c.severity).toBe('critical');
    expect([b1.severity, b2.severity]).toEqual(['info', 'info']);
    for (const email of [ownerEmail, tenant.emails.executive, tenant.emails.manager]) {
      const rows = await rowsFor(email, [c.id, b1.id, b2.id]);
      expect(rows.map((r) => r.event).sort()).toEqual(['alert.raised', 'alerts.batch']);
      expect(rows.find((r) => r.event === 'alert.raised')!.alert_id).toBe(c.id);
      const batch = rows.find((r) => r.event === 'alerts.batch')!;
      expect(batch.payload.batch!.alerts.map((a) => a.id)).toEqual(expect.arrayContaining([b1.id, b2.id]));
      expect(batch.payload.batch!.alerts.map((a) => a.id)).not.toContain(c.id);
    }
    // The critical email says the engagement's headline health, as the dashboard does.
    const mail = await mailTo(tenant.emails.executive, `Critical ${tag}`);
    expect(mail.text).toMatch(/Engagement health: +(On track|At risk|Off track|Overdue)/);
    const portfolio = await tenant.executive.get('/portfolio?limit=100');
    expectStatus(portfolio, 200);
    const item = portfolio.body.items.find((e: { engagementId: string }) => e.engagementId === tenant.a.engagementId);
    const word = String(item.headline).replace('_', ' ');
    expect(mail.text!.toLowerCase()).toMatch(new RegExp(`engagement health: +${word}`));
  });

  it('lets an owner without an account stop alert emails in one click; opening the link changes nothing', async () => {
    const mail = await mailTo(ownerEmail, `Critical ${tag}`);
    expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const url = optOutUrl(mail);

    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Stop drift alert emails?');
    expect(html).toContain(ownerEmail);
    const unchanged = await fetch(url, { headers: { accept: 'application/json' } });
    expect(await unchanged.json()).toEqual({ email: ownerEmail, optedOut: false });

    // What a mail client's one-click sends (RFC 8058): a form-encoded POST.
    const click = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(click.status).toBe(200);
    expect(await click.json()).toEqual({ email: ownerEmail, optedOut: true });
    const again = await fetch(url, { method: 'POST', headers: { accept: 'text/html' } });
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('Alert emails stopped');
    const audit = await api.dataSource.query(
      `SELECT before, after FROM audit_events WHERE organization_id = $1 AND action = 'notification_preferences.opted_out'`,
      [tenant.organizationId],
    );
    expect(audit).toHaveLength(1); // the second click changed nothing
    expect(audit[0].after).toMatchObject({ email: ownerEmail, alertEmails: false });

    const later = await milestone(`After opting out ${tag}`, LONG_AGO);
    await scan();
    const alert = await alertOf(later);
    expect(await rowsFor(ownerEmail, [alert.id])).toEqual([]);
    expect(await rowsFor(tenant.emails.executive, [alert.id])).toHaveLength(1);
  });

  it('for a user, switches alert emails off in their notification preferences (which they can switch back on)', async () => {
    const mail = await mailTo(tenant.emails.manager, `Critical ${tag}`);
    const click = await fetch(optOutUrl(mail), { method: 'POST', headers: { accept: 'application/json' } });
    expect(click.status).toBe(200);
    const prefs = await tenant.manager.get('/me/notification-preferences');
    expectStatus(prefs, 200);
    expect(prefs.body.emailEnabled).toBe(false);
  });

  it('refuses a tampered link with a clear 403 and changes nothing', async () => {
    const mail = await mailTo(tenant.emails.executive, `Critical ${tag}`);
    const url = new URL(optOutUrl(mail));
    const [org, , expires, signature] = url.searchParams.get('token')!.split('.');
    const other = Buffer.from(tenant.emails.admin).toString('base64url');
    url.searchParams.set('token', `${org}.${other}.${expires}.${signature}`);
    const forged = await fetch(url, { method: 'POST', headers: { accept: 'application/json' } });
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ code: 'NOTIFICATION.OPT_OUT_TOKEN_INVALID' });
    const prefs = await tenant.admin.get('/me/notification-preferences');
    expect(prefs.body.emailEnabled).toBe(true);
    const garbage = await fetch(`${api.baseUrl}/api/v1/notifications/unsubscribe?token=${encodeURIComponent('<x>')}`);
    expect(garbage.status).toBe(400);
  });
});

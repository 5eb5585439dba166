import type { ParsedMail } from 'mailparser';
import { DriftScanService, verifyWebhookSignature } from '@app/domain';
import { JobId, selectQueueBackend } from '@app/queue';
import {
  createUser,
  createTenant,
  eventually,
  expectStatus,
  queueIsolation,
  startSmtpSink,
  startTestApi,
  startTestWorker,
  startWebhookReceiver,
  TEST_PASSWORD,
  type HttpClient,
  type SmtpSink,
  type Tenant,
  type TestApi,
  type TestWorker,
  type WebhookReceiver,
} from '@test/support';

/**
 * Alert notifications end to end on real services (BullMQ's PostgreSQL backend): SMTP outages and bounces,
 * retries and their limit, the failed-notifications list, webhooks (validation, secrets, auto-disable after
 * consecutive failures, re-enable, Slack format, delete) and per-user email preferences.
 *
 * Time is pinned on the API and the worker for the whole file, so no alert escalates between scenarios;
 * every scenario raises its own `milestone_overdue` alert (a milestone due "yesterday") with its own title,
 * and only looks at emails, webhook calls and outbox rows of that alert.
 */
const NOW = '2026-03-11T09:00:00.000Z';
const YESTERDAY = '2026-03-10';
const NEXT_DAY = '2026-03-12T09:00:00.000Z';
const ATTEMPTS = 3;
const DISABLE_AFTER = 2;

interface OutboxRow {
  id: string;
  channel: 'email' | 'webhook';
  event: string;
  recipient_email: string | null;
  webhook_id: string | null;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  last_error: string | null;
}

interface FailedItem {
  id: string;
  alertId: string | null;
  event: string;
  channel: 'email' | 'webhook';
  recipient: string | null;
  attempts: number;
  lastError: string | null;
  failedAt: string | null;
}

describe('alert notifications: retries, failures, webhooks and preferences (postgres queue backend)', () => {
  let api: TestApi;
  let worker: TestWorker;
  let smtp: SmtpSink;
  let receiver: WebhookReceiver;
  let tenant: Tenant;
  const tag = Math.random().toString(36).slice(2, 7);
  const titleFor = (label: string) => `${label} ${tag}`;

  const pin = (iso: string) => {
    api.setNow(new Date(iso));
    worker.setNow(new Date(iso));
  };
  const recipientOf = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)!.value[0].address!.toLowerCase();
  /** Emails about the alert titled so: its own, or the scan's bundle of non-critical alerts that lists it (issue 14). */
  const mailsAbout = (title: string) =>
    smtp.messages.filter((m) => (m.subject ?? '').includes(title) || (m.text ?? '').includes(title));
  const hooksAbout = (title: string) => receiver.requests.filter((r) => r.body.includes(title));
  const nonAdmins = () =>
    [
      ['manager', tenant.manager],
      ['executive', tenant.executive],
      ['client viewer', tenant.clientViewer],
    ] as Array<[string, HttpClient]>;
  /** Owner of priority A (no user), the executive user placed on engagement A, client A's account manager. */
  const expectedRecipients = (rows: OutboxRow[]) => {
    const emails = rows
      .filter((r) => r.channel === 'email')
      .map((r) => r.recipient_email!)
      .sort();
    expect(emails).toHaveLength(3);
    expect(emails).toEqual(
      expect.arrayContaining([tenant.emails.executive, tenant.emails.manager, expect.stringMatching(/^owner-a-/)]),
    );
    return emails;
  };

  /** Waits until no drift or delivery job is waiting or active (delayed retries are not counted). */
  const settle = async () => {
    await eventually(async () => {
      const [d, n] = await Promise.all([
        worker.driftQueue.getJobCounts('waiting', 'active'),
        worker.notificationsQueue.getJobCounts('waiting', 'active'),
      ]);
      return d.waiting + d.active + n.waiting + n.active === 0;
    }, 20_000);
  };

  const outboxOf = async (alertId: string): Promise<OutboxRow[]> =>
    api.dataSource.query(
      `SELECT id, channel, event, recipient_email, webhook_id, status, attempts, last_error FROM outbox WHERE alert_id = $1 ORDER BY channel, recipient_email`,
      [alertId],
    );
  const emailRowsOf = async (alertId: string) => (await outboxOf(alertId)).filter((r) => r.channel === 'email');

  /** A milestone due yesterday on priority A, then a scan: one `milestone_overdue` alert (info, 1 day overdue). */
  const raiseOverdueAlert = async (title: string): Promise<{ milestoneId: string; alertId: string }> => {
    const milestone = await tenant.manager.post(`/priorities/${tenant.a.priorityId}/milestones`, {
      title,
      dueDate: YESTERDAY,
    });
    expectStatus(milestone, 201);
    const milestoneId = milestone.body.id as string;
    await worker.app.get(DriftScanService).scanOrganization(tenant.organizationId);
    const [alert] = await eventually(async () => {
      const rows: Array<{ id: string; severity: string }> = await api.dataSource.query(
        `SELECT id, severity FROM drift_alerts WHERE organization_id = $1 AND rule = 'milestone_overdue' AND subject_id = $2`,
        [tenant.organizationId, milestoneId],
      );
      return rows.length ? rows : null;
    });
    expect(alert.severity).toBe('info');
    return { milestoneId, alertId: alert.id };
  };

  const failedList = async (client: HttpClient, query = '') => {
    const response = await client.get(`/notifications/failed?limit=100${query}`);
    expectStatus(response, 200);
    return response.body.items as FailedItem[];
  };

  const webhookList = async () => {
    const response = await tenant.admin.get('/organization/webhooks');
    expectStatus(response, 200);
    return response.body as Array<Record<string, unknown>>;
  };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    receiver = await startWebhookReceiver();
    const { prefix, schema } = queueIsolation();
    api = await startTestApi({ QUEUE_PREFIX: prefix, QUEUE_SCHEMA: schema });
    const queue = selectQueueBackend({ databaseUrl: process.env.DATABASE_URL!, prefix, poolSize: 2, schema });
    worker = await startTestWorker({
      databaseUrl: process.env.DATABASE_URL!,
      queue,
      smtpUrl: smtp.url,
      notificationAttempts: ATTEMPTS,
      disableWebhookAfterFailures: DISABLE_AFTER,
    });
    pin(NOW);
    tenant = await createTenant(api.http, 'Notify');
    // Owner A has no user account: mailed only because the organization allows it (off by default).
    expectStatus(await tenant.admin.patch('/organization/settings', { notifyPeopleWithoutAccount: true }), 200);
    // The manager looks after client A, so every alert on client A goes to owner A, the executive and the manager.
    expectStatus(
      await tenant.manager.patch(`/clients/${tenant.a.clientId}`, { accountManagerId: tenant.users.manager }),
      200,
    );
    await settle();
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp?.close();
    await receiver?.close();
  });

  afterEach(() => {
    smtp?.setRejection(null);
    receiver?.respondWith(200);
  });

  describe('SMTP failures', () => {
    it('retries while the SMTP server answers 451, then delivers every email exactly once when it recovers', async () => {
      const title = titleFor('Retry the vendor onboarding');
      smtp.setRejection({ code: 451, message: 'try later' });
      const { alertId } = await raiseOverdueAlert(title);

      // First attempt refused: still pending, the error kept, the job waiting for its retry. (An attempt is counted
      // when the row is claimed, before the send: the refusal is recorded when the error is.)
      const first = await eventually(async () => {
        const rows = await emailRowsOf(alertId);
        return rows.length === 3 && rows.every((r) => r.attempts >= 1 && r.last_error !== null) ? rows : null;
      }, 10_000);
      expectedRecipients(first);
      for (const row of first) {
        expect(row.status).toBe('pending');
        expect(row.last_error).toContain('451');
      }
      // Then the retry (after ~1 s of backoff) is refused too: the attempts grow, the rows stay pending.
      const second = await eventually(async () => {
        const rows = await emailRowsOf(alertId);
        return rows.every((r) => r.attempts >= 2) ? rows : null;
      }, 10_000);
      for (const row of second)
        expect(row).toMatchObject({ status: 'pending', last_error: expect.stringContaining('451') });
      expect(mailsAbout(title)).toHaveLength(0);

      // The server recovers before the last attempt (~2 s later).
      smtp.setRejection(null);
      const sent = await eventually(async () => {
        const rows = await emailRowsOf(alertId);
        return rows.every((r) => r.status === 'sent') ? rows : null;
      }, 20_000);
      await settle();
      for (const row of sent) {
        expect(row.last_error).toBeNull();
        expect(row.attempts).toBeGreaterThanOrEqual(2);
        expect(row.attempts).toBeLessThanOrEqual(ATTEMPTS);
        const job = await worker.notificationsQueue.getJob(JobId.delivery(row.id));
        expect(await job!.getState()).toBe('completed');
      }
      const mails = mailsAbout(title);
      expect(mails.map(recipientOf).sort()).toEqual(sent.map((r) => r.recipient_email).sort());
      expect(new Set(mails.map((m) => m.messageId)).size).toBe(3);
    });

    it('a 550 bounce fails each email after one attempt, lists it for admins only, and sends nothing', async () => {
      const title = titleFor('Bounce the partner deck');
      smtp.setRejection({ code: 550, message: 'no such mailbox' });
      const { alertId } = await raiseOverdueAlert(title);

      const rows = await eventually(async () => {
        const r = await emailRowsOf(alertId);
        return r.length === 3 && r.every((x) => x.status === 'failed') ? r : null;
      }, 10_000);
      await settle();
      const recipients = expectedRecipients(rows);
      for (const row of await emailRowsOf(alertId)) {
        expect(row).toMatchObject({ status: 'failed', attempts: 1, last_error: expect.stringContaining('550') });
        // The job finished (no retry is scheduled): a permanent refusal is not retried.
        const job = await worker.notificationsQueue.getJob(JobId.delivery(row.id));
        expect(await job!.getState()).toBe('completed');
        expect(job!.returnvalue).toBe('failed');
      }

      const failed = (await failedList(tenant.admin)).filter((i) => i.alertId === alertId);
      expect(failed.map((i) => i.recipient).sort()).toEqual(recipients);
      for (const item of failed) {
        expect(item).toMatchObject({
          channel: 'email',
          event: 'alert.raised',
          attempts: 1,
          lastError: expect.stringContaining('550'),
          failedAt: NOW,
        });
      }
      expect((await failedList(tenant.admin, '&channel=email')).filter((i) => i.alertId === alertId)).toHaveLength(3);
      expect((await failedList(tenant.admin, '&channel=webhook')).filter((i) => i.alertId === alertId)).toHaveLength(0);
      for (const [, client] of nonAdmins()) expectStatus(await client.get('/notifications/failed'), 403);

      expect(mailsAbout(title)).toHaveLength(0);
    });

    it('a 451 on every attempt fails each email after the last attempt and lists it', async () => {
      const title = titleFor('Exhaust the hiring plan');
      smtp.setRejection({ code: 451, message: 'try later' });
      const { alertId } = await raiseOverdueAlert(title);

      // Three attempts: now, after 1 s, after 2 more seconds.
      const rows = await eventually(async () => {
        const r = await emailRowsOf(alertId);
        return r.length === 3 && r.every((x) => x.status === 'failed') ? r : null;
      }, 20_000);
      await settle();
      const recipients = expectedRecipients(rows);
      for (const row of rows)
        expect(row).toMatchObject({ attempts: ATTEMPTS, last_error: expect.stringContaining('451') });

      const failed = (await failedList(tenant.admin)).filter((i) => i.alertId === alertId);
      expect(failed.map((i) => i.recipient).sort()).toEqual(recipients);
      for (const item of failed)
        expect(item).toMatchObject({
          channel: 'email',
          attempts: ATTEMPTS,
          lastError: expect.stringContaining('451'),
          failedAt: NOW,
        });
      expect(mailsAbout(title)).toHaveLength(0);
    });

    it('a 503 is not a bounce: the email is retried and delivered once the server accepts', async () => {
      const title = titleFor('Retry after a bad sequence');
      smtp.setRejection({ code: 503, message: 'bad sequence of commands' });
      const { alertId } = await raiseOverdueAlert(title);
      const refused = await eventually(async () => {
        const rows = await emailRowsOf(alertId);
        return rows.length === 3 && rows.every((r) => r.attempts >= 1 && r.last_error !== null) ? rows : null;
      }, 10_000);
      for (const row of refused)
        expect(row).toMatchObject({ status: 'pending', last_error: expect.stringContaining('503') });
      smtp.setRejection(null);
      const sent = await eventually(async () => {
        const rows = await emailRowsOf(alertId);
        return rows.every((r) => r.status === 'sent') ? rows : null;
      }, 15_000);
      await settle();
      for (const row of sent) expect(row.attempts).toBeGreaterThanOrEqual(2);
      expect(mailsAbout(title).map(recipientOf).sort()).toEqual(sent.map((r) => r.recipient_email).sort());
    });
  });

  describe('webhooks', () => {
    let jsonHook: { id: string; url: string; secret: string };

    it('validates the body, shows the secret only once and is admin-only', async () => {
      const url = `${receiver.url}/json`;
      for (const body of [
        { url: 'not a url' },
        { url: 'ftp://hooks.example.com/throughline' },
        { url, colour: 'red' },
        { url, format: 'xml' },
        {},
      ]) {
        const response = await tenant.admin.post('/organization/webhooks', body);
        expect({ body, status: response.status }).toEqual({ body, status: 400 });
      }

      const created = await tenant.admin.post('/organization/webhooks', { url, format: 'json' });
      expectStatus(created, 201);
      expect(created.body).toMatchObject({
        url,
        format: 'json',
        minSeverity: 'info',
        enabled: true,
        consecutiveFailures: 0,
        disabledAt: null,
      });
      expect(typeof created.body.secret).toBe('string');
      expect(created.body.secret.length).toBeGreaterThanOrEqual(32);
      jsonHook = { id: created.body.id, url, secret: created.body.secret };

      const list = await webhookList();
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({ id: jsonHook.id, url, enabled: true });
      expect(list[0]).not.toHaveProperty('secret');
      expect(JSON.stringify(list)).not.toContain(created.body.secret);

      for (const [, client] of nonAdmins()) {
        expectStatus(await client.get('/organization/webhooks'), 403);
        expectStatus(await client.post('/organization/webhooks', { url: `${receiver.url}/intruder` }), 403);
        expectStatus(await client.patch(`/organization/webhooks/${jsonHook.id}`, { enabled: false }), 403);
        expectStatus(await client.request('DELETE', `/organization/webhooks/${jsonHook.id}`), 403);
      }
      expect(await webhookList()).toEqual(list);

      for (const body of [
        { enabled: 'yes' },
        { url: 'ftp://hooks.example.com/x' },
        { minSeverity: 'loud' },
        { secret: 'mine' },
      ]) {
        const response = await tenant.admin.patch(`/organization/webhooks/${jsonHook.id}`, body);
        expect({ body, status: response.status }).toEqual({ body, status: 400 });
      }
      expectStatus(await tenant.admin.patch('/organization/webhooks/not-a-uuid', { enabled: true }), 400);
      expect(await webhookList()).toEqual(list);
    });

    it("another organization's admin sees neither these webhooks nor these failed notifications", async () => {
      const other = await createTenant(api.http, 'Other');
      const theirs = await other.admin.get('/organization/webhooks');
      expectStatus(theirs, 200);
      expect(theirs.body).toEqual([]);
      expectStatus(await other.admin.patch(`/organization/webhooks/${jsonHook.id}`, { enabled: false }), 404);
      expectStatus(await other.admin.request('DELETE', `/organization/webhooks/${jsonHook.id}`), 404);
      const failed = await failedList(other.admin);
      expect(failed).toEqual([]);
      expect((await failedList(tenant.admin)).length).toBeGreaterThan(0);
      expect(await webhookList()).toEqual([expect.objectContaining({ id: jsonHook.id, enabled: true })]);
      await settle();
    });

    it('a 4xx answer fails the call at once and counts one failure; the next success resets the count', async () => {
      const refusedTitle = titleFor('Webhook answers 404');
      receiver.respondWith(404);
      const refused = await raiseOverdueAlert(refusedTitle);
      const [row] = await eventually(async () => {
        const rows = (await outboxOf(refused.alertId)).filter((r) => r.channel === 'webhook');
        return rows.length === 1 && rows[0].status === 'failed' ? rows : null;
      }, 10_000);
      expect(row).toMatchObject({ attempts: 1, last_error: expect.stringContaining('404') });
      await settle();
      expect(hooksAbout(refusedTitle)).toHaveLength(1);
      expect((await webhookList())[0]).toMatchObject({ enabled: true, consecutiveFailures: 1, disabledAt: null });

      const okTitle = titleFor('Webhook answers 200');
      receiver.respondWith(200);
      const ok = await raiseOverdueAlert(okTitle);
      const [call] = await eventually(async () => (hooksAbout(okTitle).length ? hooksAbout(okTitle) : null), 10_000);
      await settle();
      // Signed with the secret the create response showed, at the worker's (pinned) time.
      expect(
        verifyWebhookSignature(jsonHook.secret, call.headers['x-throughline-signature'] as string, call.body, {
          now: new Date(NOW),
        }),
      ).toBe(true);
      expect(call.json).toMatchObject({ event: 'alert.raised', alert: { id: ok.alertId } });
      expect((await webhookList())[0]).toMatchObject({ enabled: true, consecutiveFailures: 0 });
    });

    it('counts failed attempts, disables the webhook after 2 in a row and emails every admin', async () => {
      const secondAdmin = `admin2-${tag}@firm.test`;
      expectStatus(
        await createUser(tenant.admin, {
          email: secondAdmin,
          name: `Second admin ${tag}`,
          password: TEST_PASSWORD,
          role: 'admin',
        }),
        201,
      );
      const title = titleFor('Fail the webhook twice');
      receiver.respondWith(500);
      const { alertId } = await raiseOverdueAlert(title);

      // The first failed attempt counts one…
      await eventually(
        async () => ((await webhookList()).find((w) => w.id === jsonHook.id)!.consecutiveFailures as number) >= 1,
        10_000,
      );
      // …the second disables the webhook.
      const disabled = await eventually(async () => {
        const hook = (await webhookList()).find((w) => w.id === jsonHook.id)!;
        return hook.enabled === false ? hook : null;
      }, 15_000);
      expect(disabled).toMatchObject({ enabled: false, consecutiveFailures: DISABLE_AFTER, disabledAt: NOW });

      // The row itself fails: nothing more is sent to a disabled webhook.
      const [row] = await eventually(async () => {
        const rows = (await outboxOf(alertId)).filter((r) => r.channel === 'webhook');
        return rows.length === 1 && rows[0].status === 'failed' ? rows : null;
      }, 15_000);
      expect(row.webhook_id).toBe(jsonHook.id);
      const calls = hooksAbout(title);
      expect(calls).toHaveLength(DISABLE_AFTER);
      expect(calls.every((c) => c.path === '/hook/json' && c.headers['x-throughline-delivery'] === row.id)).toBe(true);
      const failed = (await failedList(tenant.admin, '&channel=webhook')).filter((i) => i.alertId === alertId);
      expect(failed).toEqual([expect.objectContaining({ id: row.id, channel: 'webhook', recipient: jsonHook.url })]);

      // Every admin gets one email about it (event webhook.disabled).
      const aboutHook = () =>
        smtp.messages.filter(
          (m) => (m.subject ?? '').startsWith('[webhook disabled]') && (m.text ?? '').includes(jsonHook.url),
        );
      const mails = await eventually(async () => (aboutHook().length >= 2 ? aboutHook() : null), 15_000);
      await settle();
      expect(aboutHook()).toHaveLength(2);
      expect(mails.map(recipientOf).sort()).toEqual([tenant.emails.admin, secondAdmin].sort());
      const adminRows: Array<{ status: string; recipient_email: string }> = await api.dataSource.query(
        `SELECT status, recipient_email FROM outbox WHERE organization_id = $1 AND event = 'webhook.disabled' ORDER BY recipient_email`,
        [tenant.organizationId],
      );
      expect(adminRows.map((r) => r.status)).toEqual(['sent', 'sent']);
      expect(adminRows.map((r) => r.recipient_email).sort()).toEqual([tenant.emails.admin, secondAdmin].sort());

      // The emails about the alert itself were not affected.
      expect(mailsAbout(title)).toHaveLength(3);

      // While disabled, new alerts are not sent to it at all.
      receiver.respondWith(200);
      const quietTitle = titleFor('Raised while the webhook is off');
      const quiet = await raiseOverdueAlert(quietTitle);
      await eventually(async () => (mailsAbout(quietTitle).length >= 3 ? true : null), 15_000);
      await settle();
      expect((await outboxOf(quiet.alertId)).filter((r) => r.channel === 'webhook')).toEqual([]);
      expect(hooksAbout(quietTitle)).toHaveLength(0);
    });

    it('re-enabling resets the failure count, and the next alert is delivered again', async () => {
      const patched = await tenant.admin.patch(`/organization/webhooks/${jsonHook.id}`, { enabled: true });
      expectStatus(patched, 200);
      expect(patched.body).toMatchObject({ id: jsonHook.id, enabled: true, consecutiveFailures: 0, disabledAt: null });
      expect((await webhookList()).find((w) => w.id === jsonHook.id)).toMatchObject({
        enabled: true,
        consecutiveFailures: 0,
        disabledAt: null,
      });

      const title = titleFor('Deliver after re-enabling');
      receiver.respondWith(200);
      const { alertId } = await raiseOverdueAlert(title);
      const [call] = await eventually(async () => (hooksAbout(title).length >= 1 ? hooksAbout(title) : null), 15_000);
      await settle();
      expect(hooksAbout(title)).toHaveLength(1);
      expect(call.path).toBe('/hook/json');
      expect(call.json).toMatchObject({
        event: 'alert.raised',
        alert: { id: alertId, rule: 'milestone_overdue', severity: 'info' },
      });
      const rows = (await outboxOf(alertId)).filter((r) => r.channel === 'webhook');
      expect(rows).toEqual([expect.objectContaining({ webhook_id: jsonHook.id, status: 'sent', attempts: 1 })]);
      expect((await webhookList()).find((w) => w.id === jsonHook.id)).toMatchObject({
        enabled: true,
        consecutiveFailures: 0,
      });
    });

    it('disabling a webhook by hand stamps disabledAt with the application clock', async () => {
      const off = await tenant.admin.patch(`/organization/webhooks/${jsonHook.id}`, { enabled: false });
      expectStatus(off, 200);
      expect(off.body).toMatchObject({ enabled: false, disabledAt: NOW });
      const on = await tenant.admin.patch(`/organization/webhooks/${jsonHook.id}`, { enabled: true });
      expectStatus(on, 200);
      expect(on.body).toMatchObject({ enabled: true, disabledAt: null, consecutiveFailures: 0 });
    });

    it('a slack-format webhook receives a body with a `text` field', async () => {
      // Re-enable in case the previous test stopped between its two PATCHes.
      expectStatus(await tenant.admin.patch(`/organization/webhooks/${jsonHook.id}`, { enabled: true }), 200);
      const created = await tenant.admin.post('/organization/webhooks', {
        url: `${receiver.url}/slack`,
        format: 'slack',
      });
      expectStatus(created, 201);
      expect(created.body).toMatchObject({ format: 'slack', enabled: true });
      const criticalOnly = await tenant.admin.post('/organization/webhooks', {
        url: `${receiver.url}/critical`,
        minSeverity: 'critical',
      });
      expectStatus(criticalOnly, 201);

      const title = titleFor('Post to Slack');
      const { alertId } = await raiseOverdueAlert(title);
      const calls = await eventually(async () => (hooksAbout(title).length >= 2 ? hooksAbout(title) : null), 15_000);
      await settle();
      expect(hooksAbout(title)).toHaveLength(2);
      const slack = calls.find((c) => c.path === '/hook/slack')!;
      expect(slack).toBeDefined();
      const body = slack.json as { text: string; blocks: unknown[] };
      expect(typeof body.text).toBe('string');
      expect(body.text).toContain(title);
      expect(body.text).toContain(`/engagements/${tenant.a.engagementId}`);
      expect(Array.isArray(body.blocks)).toBe(true);
      expect(body).not.toHaveProperty('event');
      expect(calls.find((c) => c.path === '/hook/json')!.json).toMatchObject({
        event: 'alert.raised',
        alert: { id: alertId },
      });
      // The critical-only webhook is not told about an info alert.
      expect(calls.some((c) => c.path === '/hook/critical')).toBe(false);
      expect((await outboxOf(alertId)).filter((r) => r.webhook_id === criticalOnly.body.id)).toEqual([]);
    });

    it('DELETE removes webhooks (204), they are gone from the list and no longer called', async () => {
      const hooks = await webhookList();
      expect(hooks).toHaveLength(3);
      for (const hook of hooks) {
        const removed = await tenant.admin.request('DELETE', `/organization/webhooks/${hook.id as string}`);
        expect(removed.status).toBe(204);
      }
      expect(await webhookList()).toEqual([]);
      expectStatus(await tenant.admin.request('DELETE', `/organization/webhooks/${jsonHook.id}`), 404);
      expectStatus(await tenant.admin.patch(`/organization/webhooks/${jsonHook.id}`, { enabled: true }), 404);

      const title = titleFor('Nobody listening');
      const { alertId } = await raiseOverdueAlert(title);
      await eventually(async () => (mailsAbout(title).length >= 3 ? true : null), 15_000);
      await settle();
      expect((await outboxOf(alertId)).filter((r) => r.channel === 'webhook')).toEqual([]);
      expect(hooksAbout(title)).toHaveLength(0);
    });
  });

  describe('notification preferences', () => {
    it('defaults to every alert by email, for every role', async () => {
      for (const client of [tenant.admin, tenant.manager, tenant.executive, tenant.clientViewer]) {
        const prefs = await client.get('/me/notification-preferences');
        expectStatus(prefs, 200);
        expect(prefs.body).toEqual({ emailEnabled: true, minSeverity: 'info' });
      }
    });

    it('rejects a bad body with 400 and changes nothing', async () => {
      for (const body of [
        { emailEnabled: false, minSeverity: 'loud' },
        { minSeverity: 'info' },
        { emailEnabled: 'no', minSeverity: 'info' },
        { emailEnabled: false, minSeverity: 'info', channel: 'sms' },
      ]) {
        const response = await tenant.manager.put('/me/notification-preferences', body);
        expect({ body, status: response.status }).toEqual({ body, status: 400 });
      }
      expect((await tenant.manager.get('/me/notification-preferences')).body).toEqual({
        emailEnabled: true,
        minSeverity: 'info',
      });
    });

    it('emailEnabled false: the manager gets no email for the next alert, the others do', async () => {
      const put = await tenant.manager.put('/me/notification-preferences', {
        emailEnabled: false,
        minSeverity: 'info',
      });
      expectStatus(put, 200);
      expect(put.body).toEqual({ emailEnabled: false, minSeverity: 'info' });
      expect((await tenant.manager.get('/me/notification-preferences')).body).toEqual({
        emailEnabled: false,
        minSeverity: 'info',
      });
      // Preferences are per user.
      expect((await tenant.executive.get('/me/notification-preferences')).body).toEqual({
        emailEnabled: true,
        minSeverity: 'info',
      });

      const title = titleFor('Quiet manager');
      const { alertId } = await raiseOverdueAlert(title);
      await eventually(async () => (mailsAbout(title).length >= 2 ? true : null), 15_000);
      await settle();
      const recipients = mailsAbout(title).map(recipientOf).sort();
      expect(recipients).toHaveLength(2);
      expect(recipients).toEqual(expect.arrayContaining([tenant.emails.executive, expect.stringMatching(/^owner-a-/)]));
      expect(recipients).not.toContain(tenant.emails.manager);
      expect((await emailRowsOf(alertId)).map((r) => r.recipient_email)).not.toContain(tenant.emails.manager);
    });

    it('minSeverity critical: the executive gets no email for an info alert, the others do', async () => {
      expectStatus(
        await tenant.manager.put('/me/notification-preferences', { emailEnabled: true, minSeverity: 'info' }),
        200,
      );
      const put = await tenant.executive.put('/me/notification-preferences', {
        emailEnabled: true,
        minSeverity: 'critical',
      });
      expectStatus(put, 200);
      expect(put.body).toEqual({ emailEnabled: true, minSeverity: 'critical' });

      const title = titleFor('Only critical for the executive');
      const { alertId } = await raiseOverdueAlert(title);
      await eventually(async () => (mailsAbout(title).length >= 2 ? true : null), 15_000);
      await settle();
      const recipients = mailsAbout(title).map(recipientOf).sort();
      expect(recipients).toHaveLength(2);
      expect(recipients).toEqual(expect.arrayContaining([tenant.emails.manager, expect.stringMatching(/^owner-a-/)]));
      expect(recipients).not.toContain(tenant.emails.executive);
      expect((await emailRowsOf(alertId)).map((r) => r.recipient_email)).not.toContain(tenant.emails.executive);
    });
  });

  describe('many alerts at once', () => {
    it('sends each recipient and each webhook one batch message for a scan with more than 5 alerts for them, and nothing on a re-scan', async () => {
      expectStatus(
        await tenant.executive.put('/me/notification-preferences', { emailEnabled: true, minSeverity: 'info' }),
        200,
      );
      const hook = await tenant.admin.post('/organization/webhooks', { url: `${receiver.url}/batch`, format: 'json' });
      expectStatus(hook, 201);
      const titles = Array.from({ length: 12 }, (_, i) => titleFor(`Batch item ${String(i + 1).padStart(2, '0')}`));
      // Due today: not overdue yet, so the scans the writes trigger raise nothing; the next day's scan raises all 12 at once.
      for (const title of titles) {
        expectStatus(
          await tenant.manager.post(`/priorities/${tenant.a.priorityId}/milestones`, {
            title,
            dueDate: NOW.slice(0, 10),
          }),
          201,
        );
      }
      await settle();
      const before = smtp.messages.length;
      const callsBefore = receiver.requests.length;
      const [{ scanStart }]: Array<{ scanStart: Date }> = await api.dataSource.query(
        `SELECT clock_timestamp() AS "scanStart"`,
      );
      pin(NEXT_DAY);
      const scan = await worker.app.get(DriftScanService).scanOrganization(tenant.organizationId);
      const ours: Array<{ n: number }> = await api.dataSource.query(
        `SELECT count(*)::int AS n FROM drift_alerts WHERE organization_id = $1 AND rule = 'milestone_overdue' AND message LIKE $2 AND first_seen_at = $3`,
        [tenant.organizationId, `%Batch item%${tag}%`, NEXT_DAY],
      );
      expect(ours[0].n).toBe(12);
      expect(scan.raised).toBeGreaterThanOrEqual(12);

      const batchRows: Array<
        OutboxRow & { payload: { batch: { total: number; alerts: Array<{ message: string; link: string }> } } }
      > = await eventually(async () => {
        const rows = await api.dataSource.query(
          `SELECT id, channel, event, recipient_email, webhook_id, status, attempts, last_error, payload FROM outbox
            WHERE organization_id = $1 AND event = 'alerts.batch' AND payload::text LIKE $2 ORDER BY channel, recipient_email`,
          // This scan's batches (earlier scans may have bundled two or three non-critical alerts too).
          [tenant.organizationId, `%Batch item%${tag}%`],
        );
        return rows.length === 4 && rows.every((r: OutboxRow) => r.status === 'sent') ? rows : null;
      }, 20_000);
      await settle();

      // One row per recipient (owner A, the executive, the manager) and one for the webhook, none per alert.
      expectedRecipients(batchRows);
      expect(batchRows.filter((r) => r.channel === 'webhook').map((r) => r.webhook_id)).toEqual([hook.body.id]);
      const itemAlerts: Array<{ n: number }> = await api.dataSource.query(
        `SELECT count(*)::int AS n FROM outbox o JOIN drift_alerts a ON a.id = o.alert_id WHERE a.organization_id = $1 AND a.message LIKE $2`,
        [tenant.organizationId, `%Batch item%${tag}%`],
      );
      expect(itemAlerts[0].n).toBe(0);

      const owner = batchRows.find((r) => r.recipient_email?.startsWith('owner-a-'))!;
      const total = owner.payload.batch.total;
      expect(total).toBeGreaterThanOrEqual(12);
      expect(owner.payload.batch.alerts).toHaveLength(10);
      for (const listed of owner.payload.batch.alerts)
        expect(listed.link).toMatch(/\/(engagements\/[0-9a-f-]+\?alert=|alerts\/)[0-9a-f-]+/);

      // One batch email per recipient for this scan, saying how many and listing the worst first; besides it, only
      // critical alerts go one by one (issue 14: "non-critical alerts are bundled, critical ones at once").
      const mails = smtp.messages.slice(before);
      const thisScan: Array<{ recipient_email: string; event: string; severity: string | null }> =
        await api.dataSource.query(
          `SELECT o.recipient_email, o.event, a.severity FROM outbox o LEFT JOIN drift_alerts a ON a.id = o.alert_id
            WHERE o.organization_id = $1 AND o.channel = 'email' AND o.created_at >= $2`,
          [tenant.organizationId, scanStart],
        );
      expect(thisScan.filter((r) => r.event !== 'alerts.batch').every((r) => r.severity === 'critical')).toBe(true);
      expect(
        thisScan
          .filter((r) => r.event === 'alerts.batch')
          .map((r) => r.recipient_email)
          .sort(),
      ).toEqual(
        batchRows
          .filter((r) => r.channel === 'email')
          .map((r) => r.recipient_email)
          .sort(),
      );
      expect(mails.map(recipientOf).sort()).toEqual(thisScan.map((r) => r.recipient_email.toLowerCase()).sort());
      const ownerMail = mails.find(
        (m) => recipientOf(m).startsWith('owner-a-') && (m.subject ?? '').includes('new drift alerts'),
      )!;
      expect(ownerMail.subject).toMatch(new RegExp(`^\\[(info|warning|critical)\\] ${total} new drift alerts: `));
      for (const listed of owner.payload.batch.alerts) expect(ownerMail.text).toContain(listed.message);
      expect(ownerMail.text).toContain(`…and ${total - 10} more in the alerts inbox.`);
      expect(ownerMail.html).toContain('Open the alerts inbox');

      // One signed webhook call for the batch.
      const calls = receiver.requests.slice(callsBefore).filter((c) => c.path === '/hook/batch');
      expect(calls).toHaveLength(1);
      const body = calls[0].json as { event: string; batch: { total: number } };
      expect(body.event).toBe('alerts.batch');
      expect(body.batch.total).toBeGreaterThanOrEqual(12);
      expect(
        verifyWebhookSignature(hook.body.secret, calls[0].headers['x-throughline-signature'] as string, calls[0].body, {
          now: new Date(NEXT_DAY),
        }),
      ).toBe(true);

      // A re-scan finds the same alerts open: nobody is told again.
      const again = await worker.app.get(DriftScanService).scanOrganization(tenant.organizationId);
      expect(again).toMatchObject({ raised: 0, escalated: 0, notifications: 0 });
      await settle();
      expect(smtp.messages.length).toBe(before + mails.length);
      expect(receiver.requests.slice(callsBefore).filter((c) => c.path === '/hook/batch')).toHaveLength(1);
      pin(NOW);
    });
  });
});

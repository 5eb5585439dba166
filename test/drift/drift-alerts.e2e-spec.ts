import type { ParsedMail } from 'mailparser';
import { DriftScanService, verifyWebhookSignature } from '@app/domain';
import { JobId, selectQueueBackend } from '@app/queue';
import {
  createTenant,
  eventually,
  expectStatus,
  queueIsolation,
  startSmtpSink,
  startTestApi,
  startTestWorker,
  startWebhookReceiver,
  type SmtpSink,
  type Tenant,
  type TestApi,
  type TestWorker,
  type WebhookReceiver,
} from '@test/support';

/**
 * Drift alerts end to end on real services, once per queue backend: BullMQ's PostgreSQL backend always,
 * Redis when TEST_REDIS_URL is set (.ci/run sets it). Time is pinned on both the API and the worker.
 */
const backends: Array<{ name: string; redisUrl?: string }> = [{ name: 'postgres' }];
if (process.env.TEST_REDIS_URL) backends.push({ name: 'redis', redisUrl: process.env.TEST_REDIS_URL });
else
  process.stdout.write(
    '[drift e2e] TEST_REDIS_URL not set: the Redis backend variant is not run here (.ci/run runs it)\n',
  );

describe.each(backends)('drift alerts on the $name queue backend', ({ redisUrl }) => {
  let api: TestApi;
  let worker: TestWorker;
  let smtp: SmtpSink;
  let receiver: WebhookReceiver;
  let tenant: Tenant;
  let secret: string;
  let milestoneId: string;
  const title = `Sign the reseller agreement ${Math.random().toString(36).slice(2, 7)}`;

  const pin = (iso: string) => {
    api.setNow(new Date(iso));
    worker.setNow(new Date(iso));
  };
  const mailsAbout = () => smtp.messages.filter((m) => (m.subject ?? '').includes(title));
  const hooksAbout = () => receiver.requests.filter((r) => r.body.includes(title));
  const overdueAlerts = async () => {
    const list = await tenant.manager.get(`/alerts?rule=milestone_overdue&limit=100`);
    expectStatus(list, 200);
    return (list.body.items as Array<{ id: string; subjectId: string; severity: string; status: string }>).filter(
      (a) => a.subjectId === milestoneId,
    );
  };
  const allOverdueAlerts = async () => {
    const rows: Array<{ id: string; status: string; severity: string }> = await api.dataSource.query(
      `SELECT id, status, severity FROM drift_alerts WHERE rule = 'milestone_overdue' AND subject_id = $1`,
      [milestoneId],
    );
    return rows;
  };
  /** Waits until no drift or delivery job is waiting, delayed-now or active. */
  const settle = async () => {
    await eventually(async () => {
      const [d, n] = await Promise.all([
        worker.driftQueue.getJobCounts('waiting', 'active'),
        worker.notificationsQueue.getJobCounts('waiting', 'active'),
      ]);
      return d.waiting + d.active + n.waiting + n.active === 0;
    }, 20_000);
  };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    receiver = await startWebhookReceiver();
    const { prefix, schema } = queueIsolation();
    api = await startTestApi({
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
      QUEUE_PREFIX: prefix,
      QUEUE_SCHEMA: schema,
    });
    const queue = selectQueueBackend({ redisUrl, databaseUrl: process.env.DATABASE_URL!, prefix, poolSize: 2, schema });
    worker = await startTestWorker({ databaseUrl: process.env.DATABASE_URL!, queue, smtpUrl: smtp.url });
    pin('2026-03-09T09:00:00Z');
    tenant = await createTenant(api.http, 'Drift');
    // Owner A has no user account: mailed only because the organization allows it (off by default).
    expectStatus(await tenant.admin.patch('/organization/settings', { notifyPeopleWithoutAccount: true }), 200);
    // The manager looks after client A; the webhook receives every alert.
    expectStatus(
      await tenant.manager.patch(`/clients/${tenant.a.clientId}`, { accountManagerId: tenant.users.manager }),
      200,
    );
    const hook = await tenant.admin.post('/organization/webhooks', {
      url: `${receiver.url}/hooks/throughline`,
      format: 'json',
    });
    expectStatus(hook, 201);
    secret = hook.body.secret;
    const milestone = await tenant.manager.post(`/priorities/${tenant.a.priorityId}/milestones`, {
      title,
      dueDate: '2026-03-10',
    });
    expectStatus(milestone, 201);
    milestoneId = milestone.body.id;
    await settle();
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp?.close();
    await receiver?.close();
  });

  it('schedules a delayed deadline job at the end of the due date in the organization timezone', async () => {
    const job = await worker.driftQueue.getJob(JobId.milestoneDeadline(milestoneId));
    expect(job).toBeDefined();
    expect(await job!.getState()).toBe('delayed');
    // Pinned at 2026-03-09 09:00 UTC; the due date ends at 2026-03-11 00:00 UTC: 39 hours.
    expect(job!.opts.delay).toBe(39 * 3600 * 1000);
    expect(await overdueAlerts()).toEqual([]);
  });

  it('raises exactly one alert, one email per recipient and one signed webhook call when the deadline passes', async () => {
    pin('2026-03-11T00:00:30Z');
    // The deadline job fires (promoted instead of waiting 39 real hours).
    await (await worker.driftQueue.getJob(JobId.milestoneDeadline(milestoneId)))!.promote();
    const [alert] = await eventually(async () => ((await overdueAlerts()).length ? overdueAlerts() : null));
    expect(alert).toMatchObject({ severity: 'info', status: 'open' });

    // Owner of the priority, the placed executive, the client's account manager: one email each.
    const mails = await eventually(async () => (mailsAbout().length >= 3 ? mailsAbout() : null));
    const recipients = mails.map((m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)!.value[0].address).sort();
    expect(recipients).toHaveLength(3);
    expect(recipients).toEqual(
      expect.arrayContaining([tenant.emails.executive, tenant.emails.manager, expect.stringMatching(/^owner-a-/)]),
    );
    expect(mails[0].text).toContain(title);
    expect(mails[0].html).toContain(`/engagements/${tenant.a.engagementId}`);

    const [call] = await eventually(async () => (hooksAbout().length >= 1 ? hooksAbout() : null));
    // Signed at the worker's (pinned) time, verified as a receiver would at that moment.
    const signedAround = { now: new Date('2026-03-11T00:00:31Z') };
    expect(
      verifyWebhookSignature(secret, call.headers['x-throughline-signature'] as string, call.body, signedAround),
    ).toBe(true);
    expect(
      verifyWebhookSignature(
        'not-the-secret',
        call.headers['x-throughline-signature'] as string,
        call.body,
        signedAround,
      ),
    ).toBe(false);
    expect(
      verifyWebhookSignature(
        secret,
        call.headers['x-throughline-signature'] as string,
        call.body.replace('info', 'none'),
        signedAround,
      ),
    ).toBe(false);
    expect(call.json).toMatchObject({
      event: 'alert.raised',
      alert: { id: alert.id, rule: 'milestone_overdue', severity: 'info' },
    });

    await settle();
    expect(mailsAbout()).toHaveLength(3);
    expect(hooksAbout()).toHaveLength(1);
    const outbox: Array<{ status: string; n: number }> = await api.dataSource.query(
      `SELECT status, count(*)::int AS n FROM outbox WHERE alert_id = $1 GROUP BY status`,
      [alert.id],
    );
    expect(outbox).toEqual([{ status: 'sent', n: 4 }]);
  });

  it('re-detection refreshes the alert without notifying again; two scans in parallel create no duplicate', async () => {
    pin('2026-03-11T06:00:00Z');
    const scan = worker.app.get(DriftScanService);
    await Promise.all([
      scan.scanOrganization(tenant.organizationId),
      scan.scanOrganization(tenant.organizationId),
      scan.scanOrganization(tenant.organizationId),
    ]);
    await settle();
    expect(await allOverdueAlerts()).toHaveLength(1);
    expect(mailsAbout()).toHaveLength(3);
    expect(hooksAbout()).toHaveLength(1);
    const [row]: Array<{ last_seen_at: Date }> = await api.dataSource.query(
      `SELECT last_seen_at FROM drift_alerts WHERE subject_id = $1`,
      [milestoneId],
    );
    expect(row.last_seen_at.toISOString()).toBe('2026-03-11T06:00:00.000Z');
  });

  it('escalates with the slip (info → warning) and notifies again once; an acknowledged alert re-opens', async () => {
    const [alert] = await overdueAlerts();
    expectStatus(await tenant.executive.post(`/alerts/${alert.id}/acknowledge`), 200);
    pin('2026-03-14T12:00:00Z'); // 3 days overdue: warning
    await worker.app.get(DriftScanService).scanOrganization(tenant.organizationId);
    await eventually(async () => (mailsAbout().length >= 6 ? true : null));
    await settle();
    expect(mailsAbout()).toHaveLength(6);
    expect(hooksAbout()).toHaveLength(2);
    expect(hooksAbout()[1].json).toMatchObject({ event: 'alert.escalated', alert: { severity: 'warning' } });
    const detail = await tenant.manager.get(`/alerts/${alert.id}`);
    expect(detail.body).toMatchObject({ severity: 'warning', status: 'open' });
    expect(detail.body.history.map((h: { kind: string }) => h.kind)).toEqual(['raised', 'acknowledged', 'escalated']);
  });

  it('completing the milestone resolves the alert on its own and removes the deadline job', async () => {
    expectStatus(await tenant.executive.post(`/milestones/${milestoneId}/complete`), 200);
    expect(await worker.driftQueue.getJob(JobId.milestoneDeadline(milestoneId))).toBeUndefined();
    // The write enqueued a scan (coalesced for ~2 s): the condition is gone.
    await eventually(async () => ((await allOverdueAlerts())[0]?.status === 'resolved' ? true : null), 20_000);
    const [alert] = await allOverdueAlerts();
    const detail = await tenant.manager.get(`/alerts/${alert.id}`);
    expect(detail.body.history.at(-1)).toMatchObject({ kind: 'auto_resolved' });
    await settle();
    expect(mailsAbout()).toHaveLength(6);
  });

  it('shows alerts to a client viewer only for their granted clients', async () => {
    const [alert] = await allOverdueAlerts();
    expectStatus(await tenant.clientViewer.get(`/alerts/${alert.id}`), 200);
    const list = await tenant.clientViewer.get('/alerts?limit=100');
    expect(list.body.items.every((a: { clientId: string }) => a.clientId === tenant.a.clientId)).toBe(true);
    expectStatus(await tenant.clientViewer.post(`/alerts/${alert.id}/resolve`, { note: 'no' }), 403);
  });
  it('a priority ahead of plan by its ratio is off track (priority_behind_plan) once a milestone is long overdue', async () => {
    pin('2026-03-20T09:00:00Z');
    const priority = await tenant.manager.post(`/engagements/${tenant.a.engagementId}/priorities`, {
      title: 'Open the Nordics office',
      ownerId: tenant.a.ownerId,
      startDate: '2026-01-01',
      targetDate: '2027-12-31',
    });
    expectStatus(priority, 201);
    const done = await tenant.manager.post(`/priorities/${priority.body.id}/milestones`, {
      title: 'Nordics lease signed',
      dueDate: '2026-01-10',
      weight: 9,
    });
    expectStatus(await tenant.manager.post(`/milestones/${done.body.id}/complete`), 200);
    // Open and 64 days past due on 2026-03-20: beyond 4 × the default 7 days.
    const late = await tenant.manager.post(`/priorities/${priority.body.id}/milestones`, {
      title: 'Nordics country manager hired',
      dueDate: '2026-01-15',
      weight: 1,
    });
    expectStatus(late, 201);
    // 90% done against ~11% expected: on track by the ratio alone.
    await worker.app.get(DriftScanService).scanOrganization(tenant.organizationId);
    const rows: Array<{ severity: string; message: string; details: Record<string, unknown> }> =
      await api.dataSource.query(
        `SELECT severity, message, details FROM drift_alerts WHERE rule = 'priority_behind_plan' AND subject_id = $1`,
        [priority.body.id],
      );
    expect(rows).toHaveLength(1);
    expect(rows[0].severity).toBe('warning');
    expect(rows[0].message).toContain('has a milestone 64 days overdue');
    expect(rows[0].details).toMatchObject({ computedHealth: 'off_track', milestoneDaysOverdue: 64 });
    await settle();
  });
});

import { DriftScanService } from '@app/domain';
import { selectQueueBackend } from '@app/queue';
import {
  createTenant,
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
 * Engagement term and renewal (issue 17, item 2) over HTTP: the term fields, the lifecycle of the status (an
 * illegal move is 422 and writes nothing), the two drift rules raised once each by a scan with their notifications,
 * and the portfolio's "renewing within 60 days".
 *
 * The tenant is created on 2026-03-11 (its one check-in is from that day, never acknowledged); the scan runs on
 * 2026-03-30: 19 days without a check-in and a median acknowledgement time of 19 days.
 */
const CREATED = '2026-03-11T09:00:00.000Z';
const SCAN = '2026-03-30T09:00:00.000Z';

describe('engagement term and renewal', () => {
  let api: TestApi;
  let worker: TestWorker;
  let smtp: SmtpSink;
  let tenant: Tenant;
  let engagementId: string;

  const pin = (iso: string) => {
    api.setNow(new Date(iso));
    worker.setNow(new Date(iso));
  };
  const alertsOf = async (rule: string) =>
    (await api.dataSource.query(
      `SELECT id, severity, status, message, details FROM drift_alerts WHERE organization_id = $1 AND rule = $2 AND subject_id = $3`,
      [tenant.organizationId, rule, engagementId],
    )) as Array<{ id: string; severity: string; status: string; message: string; details: Record<string, unknown> }>;

  beforeAll(async () => {
    const { prefix, schema } = queueIsolation();
    api = await startTestApi({ QUEUE_PREFIX: prefix, QUEUE_SCHEMA: schema });
    const queue = selectQueueBackend({ databaseUrl: process.env.DATABASE_URL!, prefix, poolSize: 2, schema });
    // The worker delivers the sign-up emails to a sink of this file, where createTenant finds them once sent (without
    // one, a delivery that won the race left createTenant nothing to read).
    smtp = await startSmtpSink();
    worker = await startTestWorker({ databaseUrl: process.env.DATABASE_URL!, queue, smtpUrl: smtp.url });
    pin(CREATED);
    tenant = await createTenant(api.http, 'Term');
    engagementId = tenant.a.engagementId;
    // created_at is the database's clock: put the tenant's one check-in on the pinned creation day.
    await api.dataSource.query(`UPDATE check_ins SET created_at = $2 WHERE organization_id = $1`, [
      tenant.organizationId,
      CREATED,
    ]);
    expectStatus(
      await tenant.manager.patch(`/clients/${tenant.a.clientId}`, { accountManagerId: tenant.users.manager }),
      200,
    );
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp?.close();
  });

  it('records a term, a renewal date, a notice period and auto-renew, with the notice deadline derived', async () => {
    const patch = await tenant.manager.patch(`/engagements/${engagementId}`, {
      termEndDate: '2026-05-20',
      renewalDate: '2026-05-21',
      noticePeriodDays: 30,
      autoRenew: true,
    });
    expectStatus(patch, 200);
    expect(patch.body).toMatchObject({
      termEndDate: '2026-05-20',
      renewalDate: '2026-05-21',
      noticePeriodDays: 30,
      autoRenew: true,
      noticeDeadline: '2026-04-20',
      allowedTransitions: ['paused', 'renewing', 'ended', 'completed', 'cancelled'],
    });
    const [audit] = await api.dataSource.query(
      `SELECT after FROM audit_events WHERE organization_id = $1 AND action = 'engagement.updated' AND entity_id = $2
        ORDER BY created_at DESC LIMIT 1`,
      [tenant.organizationId, engagementId],
    );
    expect(audit.after).toMatchObject({ termEndDate: '2026-05-20', noticePeriodDays: 30, autoRenew: true });
  });

  it('refuses a term ending before the start and a renewal not after it, changing nothing', async () => {
    const term = await tenant.manager.patch(`/engagements/${engagementId}`, { termEndDate: '2025-12-31' });
    expectStatus(term, 422);
    expect(term.body.code).toBe('ENGAGEMENT.TERM_BEFORE_START');
    const renewal = await tenant.manager.patch(`/engagements/${engagementId}`, {
      renewalDate: '2026-01-05',
      autoRenew: false,
    });
    expectStatus(renewal, 422);
    expect(renewal.body.code).toBe('ENGAGEMENT.RENEWAL_BEFORE_START');
    const notice = await tenant.manager.patch(`/engagements/${engagementId}`, { noticePeriodDays: 400 });
    expectStatus(notice, 400);
    const after = await tenant.manager.get(`/engagements/${engagementId}`);
    expect(after.body).toMatchObject({ termEndDate: '2026-05-20', renewalDate: '2026-05-21', autoRenew: true });
  });

  it('moves the status only along the lifecycle: an illegal move is 422 naming the rule and writes nothing', async () => {
    const back = await tenant.manager.patch(`/engagements/${engagementId}`, { status: 'proposed' });
    expectStatus(back, 422);
    expect(back.body.code).toBe('ENGAGEMENT.STATUS_TRANSITION');
    expect(back.body.message).toContain('from active to proposed');
    expectStatus(await tenant.manager.patch(`/engagements/${engagementId}`, { status: 'renewing' }), 200);
    const sideways = await tenant.manager.patch(`/engagements/${engagementId}`, {
      status: 'paused',
      noticePeriodDays: 10,
    });
    expectStatus(sideways, 422);
    expect(sideways.body.code).toBe('ENGAGEMENT.STATUS_TRANSITION');
    const still = await tenant.manager.get(`/engagements/${engagementId}`);
    expect(still.body).toMatchObject({ status: 'renewing', noticePeriodDays: 30 });
    expectStatus(await tenant.manager.patch(`/engagements/${engagementId}`, { status: 'active' }), 200);
    // The executive and the client viewer may not change an engagement at all.
    expectStatus(await tenant.executive.patch(`/engagements/${engagementId}`, { status: 'paused' }), 403);
    expectStatus(await tenant.clientViewer.patch(`/engagements/${engagementId}`, { status: 'paused' }), 403);
  });

  it('a scan raises exactly one engagement_term_ending and one renewal_at_risk alert, notified once', async () => {
    pin(SCAN);
    const scans = worker.app.get(DriftScanService);
    await scans.scanOrganization(tenant.organizationId);
    const [ending] = await alertsOf('engagement_term_ending');
    expect(await alertsOf('engagement_term_ending')).toHaveLength(1);
    expect(ending).toMatchObject({ severity: 'warning', status: 'open' });
    expect(ending.details).toMatchObject({ noticeDeadline: '2026-04-20', daysToDeadline: 21, autoRenew: true });
    const risk = await alertsOf('renewal_at_risk');
    expect(risk).toHaveLength(1);
    // 19 days without a check-in, and the one check-in unacknowledged for 19 days: two reasons, critical.
    expect(risk[0]).toMatchObject({ severity: 'critical', status: 'open' });
    expect(risk[0].details).toMatchObject({ daysToRenewal: 52, daysWithoutCheckIn: 19, ackMedianDays: 19, reasons: 2 });

    const recipients = async () =>
      (
        (await api.dataSource.query(
          `SELECT lower(o.recipient_email) AS email FROM outbox o JOIN drift_alerts a ON a.id = o.alert_id
            WHERE a.organization_id = $1 AND a.rule IN ('engagement_term_ending','renewal_at_risk') AND o.channel = 'email'`,
          [tenant.organizationId],
        )) as Array<{ email: string }>
      )
        .map((r) => r.email)
        .sort();
    const first = await recipients();
    expect(first).toEqual(
      [tenant.emails.executive, tenant.emails.executive, tenant.emails.manager, tenant.emails.manager].sort(),
    );

    // A second scan the same day finds the same and raises nothing more.
    const again = await scans.scanOrganization(tenant.organizationId);
    expect(again.raised).toBe(0);
    expect(await alertsOf('engagement_term_ending')).toHaveLength(1);
    expect(await alertsOf('renewal_at_risk')).toHaveLength(1);
    expect(await recipients()).toEqual(first);
  });

  it('the alerts list shows them to the firm and not to the client viewer', async () => {
    const manager = await tenant.manager.get(`/alerts?engagementId=${engagementId}&limit=100`);
    expectStatus(manager, 200);
    const rules = (manager.body.items as Array<{ rule: string }>).map((a) => a.rule);
    expect(rules).toEqual(expect.arrayContaining(['engagement_term_ending', 'renewal_at_risk']));
    const viewer = await tenant.clientViewer.get(`/alerts?engagementId=${engagementId}&limit=100`);
    expectStatus(viewer, 200);
    const seen = (viewer.body.items as Array<{ rule: string }>).map((a) => a.rule);
    expect(seen).not.toContain('engagement_term_ending');
    expect(seen).not.toContain('renewal_at_risk');
  });

  it('resolves the term alert once the term is moved out of the window', async () => {
    expectStatus(await tenant.manager.patch(`/engagements/${engagementId}`, { termEndDate: '2026-09-30' }), 200);
    await worker.app.get(DriftScanService).scanOrganization(tenant.organizationId);
    expect((await alertsOf('engagement_term_ending')).map((a) => a.status)).toEqual(['resolved']);
  });

  it('the portfolio filters the engagements renewing within 60 days and shows the date', async () => {
    const within = await tenant.manager.get('/portfolio?renewingWithinDays=60&limit=100');
    expectStatus(within, 200);
    expect(within.body.total).toBe(1);
    expect(within.body.items[0]).toMatchObject({ engagementId, renewalDate: '2026-05-21', termEndDate: '2026-09-30' });
    expect((await tenant.manager.get('/portfolio?renewingWithinDays=30')).body.total).toBe(0);
    const all = await tenant.manager.get('/portfolio?limit=100');
    expect(all.body.total).toBe(2);
    const list = await tenant.manager.get('/engagements?renewingWithinDays=60');
    expect(list.body.items.map((e: { id: string }) => e.id)).toEqual([engagementId]);
    const viewer = await tenant.clientViewer.get('/portfolio?renewingWithinDays=60');
    expectStatus(viewer, 200);
    expect(viewer.body.items.map((e: { engagementId: string }) => e.engagementId)).toEqual([engagementId]);
    expectStatus(await tenant.manager.get('/portfolio?renewingWithinDays=-1'), 400);
  });
});

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
 * Landing-date forecasts (issue 20) end to end: the drift scan stores them, the API returns them on milestones, the
 * engagement summary and the portfolio, and `forecast_beyond_target` raises exactly one alert that resolves when
 * the forecast comes back within the target.
 */
describe('landing-date forecasts', () => {
  let api: TestApi;
  let worker: TestWorker;
  let smtp: SmtpSink;
  let tenant: Tenant;
  let tightPriorityId: string;
  let tightMilestoneId: string;

  const scan = () => worker.app.get(DriftScanService).scanOrganization(tenant.organizationId);
  const beyondTargetAlerts = async () =>
    (await api.dataSource.query(
      `SELECT id, status, severity, message FROM drift_alerts WHERE rule = 'forecast_beyond_target' AND subject_id = $1 ORDER BY first_seen_at`,
      [tightPriorityId],
    )) as Array<{ id: string; status: string; severity: string; message: string }>;

  beforeAll(async () => {
    const { prefix, schema } = queueIsolation();
    api = await startTestApi({ QUEUE_PREFIX: prefix, QUEUE_SCHEMA: schema });
    const queue = selectQueueBackend({ databaseUrl: process.env.DATABASE_URL!, prefix, poolSize: 2, schema });
    // The worker delivers the sign-up emails to a sink of this file, where createTenant finds them once sent.
    smtp = await startSmtpSink();
    worker = await startTestWorker({ databaseUrl: process.env.DATABASE_URL!, queue, smtpUrl: smtp.url });
    api.setNow(new Date('2026-03-09T09:00:00Z'));
    worker.setNow(new Date('2026-03-09T09:00:00Z'));
    tenant = await createTenant(api.http, 'Forecast');
    // A priority whose only milestone is planned over 40 days (1 March → 10 April) against a target of 15 April.
    const priority = await tenant.manager.post(`/engagements/${tenant.a.engagementId}/priorities`, {
      title: 'Launch the partner channel',
      ownerId: tenant.a.ownerId,
      startDate: '2026-03-01',
      targetDate: '2026-04-15',
    });
    expectStatus(priority, 201);
    tightPriorityId = priority.body.id;
    const milestone = await tenant.manager.post(`/priorities/${tightPriorityId}/milestones`, {
      title: 'First partner signed',
      dueDate: '2026-04-10',
    });
    expectStatus(milestone, 201);
    tightMilestoneId = milestone.body.id;
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp?.close();
  });

  it('a new organization gets the global prior’s wide range, with its basis, on milestones, summary and portfolio', async () => {
    await scan();
    const milestone = await tenant.manager.get(`/milestones/${tenant.a.milestoneId}`);
    expectStatus(milestone, 200);
    // Planned from the priority's start (5 January) to 30 June: 176 days; the prior: 20% (35 days) and 60% (106 days) late.
    expect(milestone.body.landingForecast).toEqual({
      p50: '2026-08-04',
      p80: '2026-10-14',
      sampleSize: 0,
      basis:
        'no comparable completed milestones yet: a wide default range (typical milestones land 20% late at the median)',
    });

    const summary = await tenant.clientViewer.get(`/engagements/${tenant.a.engagementId}/summary`);
    expectStatus(summary, 200);
    const priorityA = summary.body.priorities.find((p: { id: string }) => p.id === tenant.a.priorityId);
    expect(priorityA.landingForecast).toEqual({
      p50: '2026-08-04',
      p80: '2026-10-14',
      targetDate: '2026-12-18',
      beyondTarget: false,
    });
    const tight = summary.body.priorities.find((p: { id: string }) => p.id === tightPriorityId);
    // 10 April + 8 and + 24 days.
    expect(tight.landingForecast).toEqual({
      p50: '2026-04-18',
      p80: '2026-05-04',
      targetDate: '2026-04-15',
      beyondTarget: true,
    });
    // The engagement: the latest P50 and P80 of its priorities, against its planned end.
    expect(summary.body.landingForecast).toEqual({
      p50: '2026-08-04',
      p80: '2026-10-14',
      targetDate: '2026-12-18',
      beyondTarget: false,
    });

    const portfolio = await tenant.manager.get('/portfolio?limit=100');
    expectStatus(portfolio, 200);
    const item = portfolio.body.items.find((i: { engagementId: string }) => i.engagementId === tenant.a.engagementId);
    expect(item.landingForecast).toEqual(summary.body.landingForecast);
  });

  it('forecast_beyond_target raises exactly one alert, however many scans see it', async () => {
    await scan();
    await scan();
    const alerts = await beyondTargetAlerts();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      status: 'open',
      severity: 'critical', // 19 days beyond
      message:
        '‘Launch the partner channel’ is likely to land by 2026-05-04 (P80), 19 days after its target date (2026-04-15)',
    });
    const listed = await tenant.manager.get(`/alerts?rule=forecast_beyond_target&limit=100`);
    expectStatus(listed, 200);
    expect(listed.body.items.map((a: { subjectId: string }) => a.subjectId)).toEqual([tightPriorityId]);
  });

  it('resolves when the forecast comes back: twenty 35-day milestones of this executive that landed on time', async () => {
    const history = await tenant.manager.post(`/engagements/${tenant.a.engagementId}/priorities`, {
      title: 'Past quarters',
      ownerId: tenant.a.ownerId,
      startDate: '2024-01-01',
      targetDate: '2026-12-18',
    });
    expectStatus(history, 201);
    for (let k = 1; k <= 20; k++) {
      const due = new Date(Date.UTC(2024, 0, 1) + 35 * k * 86_400_000).toISOString().slice(0, 10);
      const done = await tenant.manager.post(`/priorities/${history.body.id}/milestones`, {
        title: `Past milestone ${k}`,
        dueDate: due,
      });
      expectStatus(done, 201);
      expectStatus(
        await tenant.manager.post(`/milestones/${done.body.id}/complete`, { completedAt: `${due}T16:00:00Z` }),
        200,
      );
    }
    await scan();

    const milestone = await tenant.manager.get(`/milestones/${tightMilestoneId}`);
    expectStatus(milestone, 200);
    // Executive, function and organization groups hold the 20 on-time landings: 87.5% of the weight lands on time.
    expect(milestone.body.landingForecast).toMatchObject({ p50: '2026-04-10', p80: '2026-04-10', sampleSize: 20 });
    // State-matched: compared with those 20 at the same point of their plan (none re-planned), from its due date.
    expect(milestone.body.landingForecast.basis).toBe(
      "from 20 similar milestones at the same point of their plan; this executive's CRO milestones of 30–60 days landed on the due date they had then, at the median; counted from the due date 2026-04-10",
    );
    const alerts = await beyondTargetAlerts();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.status).toBe('resolved');
  });

  it('the digests mention the forecast that moved by more than a week (GET /digests/preview)', async () => {
    // The last scan (Monday 2026-03-09 09:00 UTC) moved the tight milestone's P80 from 4 May to 10 April: the row keeps
    // where it was and when it moved; the other milestone's forecast never moved.
    const rows = (await api.dataSource.query(
      `SELECT milestone_id, to_char(p80_date, 'YYYY-MM-DD') AS p80, to_char(reference_p80, 'YYYY-MM-DD') AS reference,
              to_char(previous_p80, 'YYYY-MM-DD') AS previous, moved_at
         FROM milestone_forecasts WHERE milestone_id = ANY($1::uuid[])`,
      [[tightMilestoneId, tenant.a.milestoneId]],
    )) as Array<{
      milestone_id: string;
      p80: string;
      reference: string;
      previous: string | null;
      moved_at: Date | null;
    }>;
    const byId = new Map(rows.map((r) => [r.milestone_id, r]));
    expect(byId.get(tightMilestoneId)).toMatchObject({
      p80: '2026-04-10',
      reference: '2026-04-10',
      previous: '2026-05-04',
    });
    expect(byId.get(tightMilestoneId)!.moved_at!.toISOString()).toBe('2026-03-09T09:00:00.000Z');
    expect(byId.get(tenant.a.milestoneId)).toMatchObject({
      p80: '2026-10-14',
      reference: '2026-10-14',
      previous: null,
      moved_at: null,
    });

    // The week's digest (Monday 16 March: the week of 9–15 March) says so; the digest of the week before does not.
    const line =
      'First partner signed (Launch the partner channel) — likely by 2026-04-10, was 2026-05-04: 24 days earlier';
    const executive = await tenant.executive.get('/digests/preview?week=2026-W12');
    expectStatus(executive, 200);
    expect(executive.body.kind).toBe('due_and_slipped');
    expect(executive.body.text).toContain(`Forecast moved this week:\n  - ${line}\n`);
    expect(executive.body.html).toContain(line);
    const manager = await tenant.manager.get('/digests/preview?week=2026-W12');
    expectStatus(manager, 200);
    expect(manager.body.kind).toBe('portfolio');
    expect(manager.body.text).toContain('Forecasts moved by more than a week: 1 milestone (1 earlier)\n');
    const weekBefore = await tenant.executive.get('/digests/preview?week=2026-W11');
    expectStatus(weekBefore, 200);
    expect(weekBefore.body.text).not.toContain('Forecast moved');

    // Scanning again without a change records no new move.
    await scan();
    const [again] = (await api.dataSource.query(
      `SELECT to_char(previous_p80, 'YYYY-MM-DD') AS previous, moved_at FROM milestone_forecasts WHERE milestone_id = $1`,
      [tightMilestoneId],
    )) as Array<{ previous: string; moved_at: Date }>;
    expect(again!.previous).toBe('2026-05-04');
    expect(again!.moved_at.toISOString()).toBe('2026-03-09T09:00:00.000Z');
  });

  it('done milestones lose their forecast', async () => {
    expectStatus(
      await tenant.manager.post(`/milestones/${tightMilestoneId}/complete`, { completedAt: '2026-03-09T08:00:00Z' }),
      200,
    );
    await scan();
    const milestone = await tenant.manager.get(`/milestones/${tightMilestoneId}`);
    expect(milestone.body.landingForecast).toBeNull();
    const stored = await api.dataSource.query(`SELECT 1 FROM milestone_forecasts WHERE milestone_id = $1`, [
      tightMilestoneId,
    ]);
    expect(stored).toHaveLength(0);
  });
});

import { DEMO_PASSWORD, seedDemoOrganization } from '@app/domain';
import { expectStatus, login, startTestApi, TEST_PASSWORD, type TestApi } from '@test/support';

/**
 * The acceptance scenario over real HTTP: the demo account manager sets up an engagement, re-plans a
 * milestone, the executive checks in, and the client viewer reads the summary with the numbers of DESIGN.md §3.
 */
describe('engagement scenario (demo account manager → executive → client viewer)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
    await seedDemoOrganization(api.dataSource);
  });
  afterAll(() => api.close());

  it('runs end to end and the summary matches the definitions', async () => {
    // 2026-03-11 12:00 in London: 69 of the 179 days between 2026-01-01 and 2026-06-28 have passed.
    api.setNow(new Date('2026-03-11T12:00:00Z'));
    const manager = await login(api.http, 'manager@demo.test', DEMO_PASSWORD);
    const exec = await login(api.http, 'exec@demo.test', DEMO_PASSWORD);
    const client = await login(api.http, 'client@demo.test', DEMO_PASSWORD);
    const me = await exec.get('/me');
    expectStatus(me, 200);
    const executiveId = me.body.executiveIds[0];

    const created = await manager.post('/clients', { name: 'Zenith Analytics', stage: 'emerging', industry: 'Data' });
    expectStatus(created, 201);
    const clientId = created.body.id;
    const engagement = await manager.post('/engagements', {
      clientId,
      executiveId,
      function: 'CRO',
      startDate: '2026-01-01',
      daysPerWeek: 2,
    });
    expectStatus(engagement, 201);
    const owner = await manager.post('/owners', { clientId, name: 'Rita Ortiz', title: 'CEO' });
    expectStatus(owner, 201);
    const priority = await manager.post(`/engagements/${engagement.body.id}/priorities`, {
      title: 'Land the first ten enterprise logos',
      ownerId: owner.body.id,
      startDate: '2026-01-01',
      targetDate: '2026-06-28',
    });
    expectStatus(priority, 201);
    const m1 = await manager.post(`/priorities/${priority.body.id}/milestones`, {
      title: 'ICP and messaging',
      dueDate: '2026-02-01',
      weight: 1,
    });
    const m2 = await manager.post(`/priorities/${priority.body.id}/milestones`, {
      title: 'Hire two AEs',
      dueDate: '2026-03-01',
      weight: 2,
    });
    const m3 = await manager.post(`/priorities/${priority.body.id}/milestones`, {
      title: 'Ten logos signed',
      dueDate: '2026-06-01',
      weight: 1,
    });
    [m1, m2, m3].forEach((m) => expectStatus(m, 201));

    // The executive completes the first one three days late, and the manager re-plans the second.
    expectStatus(await exec.post(`/milestones/${m1.body.id}/complete`, { completedAt: '2026-02-04T15:00:00Z' }), 200);
    const replanned = await manager.post(`/milestones/${m2.body.id}/replan`, {
      dueDate: '2026-03-20',
      reason: 'Recruiter pipeline dried up',
      category: 'executive',
    });
    expectStatus(replanned, 200);
    expect(replanned.body).toMatchObject({
      baselineDueDate: '2026-03-01',
      dueDate: '2026-03-20',
      slipDays: 19,
      replanCount: 1,
    });
    const history = await manager.get(`/milestones/${m2.body.id}/history`);
    expect(history.body).toEqual([
      expect.objectContaining({
        oldDueDate: '2026-03-01',
        newDueDate: '2026-03-20',
        reason: 'Recruiter pipeline dried up',
      }),
    ]);

    const checkIn = await exec.post(`/priorities/${priority.body.id}/check-ins`, {
      rag: 'on_track',
      confidence: 6,
      note: 'First AE offer out',
      blockers: 'Budget sign-off',
    });
    expectStatus(checkIn, 201);

    // The client viewer is granted the new client by the admin, then reads the summary.
    const admin = await login(api.http, 'admin@demo.test', DEMO_PASSWORD);
    const clientMe = await client.get('/me');
    expectStatus(
      await admin.put(`/users/${clientMe.body.id}/client-grants`, {
        clientIds: [...clientMe.body.clientIds, clientId],
      }),
      200,
    );
    const summary = await client.get(`/engagements/${engagement.body.id}/summary`);
    expectStatus(summary, 200);
    const [p] = summary.body.priorities;

    // progress = done weight / total weight = 1 / (1 + 2 + 1) = 0.25
    expect(p.progress).toBe(0.25);
    // expected = 69 / 178 days elapsed of [2026-01-01, 2026-06-28]
    expect(p.expectedProgress).toBeCloseTo(69 / 178, 4);
    // gap 0.3876 − 0.25 = 0.1376 ≤ 0.15 → on_track
    expect(p.health).toBe('on_track');
    expect(p.reportedRag).toBe('on_track');
    expect(p.ragDisagrees).toBe(false);
    expect(p.owner).toMatchObject({ name: 'Rita Ortiz', title: 'CEO' });
    expect(p.confidenceTrend).toEqual([expect.objectContaining({ confidence: 6, rag: 'on_track' })]);
    const byTitle = Object.fromEntries(p.milestones.map((m: { title: string }) => [m.title, m]));
    // done 3 days after its baseline
    expect(byTitle['ICP and messaging']).toMatchObject({ status: 'done', slipDays: 3, overdue: false });
    // re-planned 19 days out, not yet due on 2026-03-11
    expect(byTitle['Hire two AEs']).toMatchObject({
      baselineDueDate: '2026-03-01',
      dueDate: '2026-03-20',
      slipDays: 19,
      overdue: false,
    });
    expect(byTitle['Ten logos signed']).toMatchObject({ slipDays: 0, overdue: false });
    // client viewers never see the allocation
    expect(summary.body.engagement.daysPerWeek).toBeUndefined();
    expect(summary.body.latestCheckIns[0]).toMatchObject({ note: 'First AE offer out', blockers: 'Budget sign-off' });

    // Time passes: on 2026-04-15 the re-planned milestone is overdue and counts today as its landing date.
    api.setNow(new Date('2026-04-15T12:00:00Z'));
    const later = await client.get(`/engagements/${engagement.body.id}/summary`);
    const hire = later.body.priorities[0].milestones.find((m: { title: string }) => m.title === 'Hire two AEs');
    expect(hire).toMatchObject({ overdue: true, slipDays: 45 });
    // expected 104/178 = 0.584; gap 0.334 > 0.30 → off_track, while the executive still reports on_track
    expect(later.body.priorities[0]).toMatchObject({
      health: 'off_track',
      reportedRag: 'on_track',
      ragDisagrees: true,
    });

    // The client acknowledges the check-in; the portfolio shows the engagement to the manager.
    expectStatus(await client.post(`/check-ins/${checkIn.body.id}/acknowledge`), 200);
    const portfolio = await manager.get(`/portfolio?clientId=${clientId}`);
    expect(portfolio.body.items).toEqual([
      expect.objectContaining({
        engagementId: engagement.body.id,
        health: 'off_track',
        reportedRag: 'on_track',
        overdueMilestones: 1,
        daysPerWeek: 2,
      }),
    ]);
    void TEST_PASSWORD;
  });
});

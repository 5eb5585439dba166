import { randomBytes } from 'node:crypto';
import { PortfolioQueryDto, PortfolioService, SummaryService, type Actor } from '@app/domain';
import {
  countQueries,
  createTenant,
  inOrganization,
  expectStatus,
  login,
  signUp,
  startTestApi,
  TEST_PASSWORD,
  type HttpClient,
  type Tenant,
  type TestApi,
} from '@test/support';

/**
 * The read models (GET /portfolio, GET /engagements/:id/summary) against hand-built engagements with a pinned
 * clock, checked number by number against DESIGN.md §3; and their query counts, which must not grow with size.
 */
describe('read models', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  describe('numbers (pinned clock, organization timezone UTC)', () => {
    // 2026-03-11: 60 of the 100 days between 2026-01-10 and 2026-04-20 have passed → expected progress 0.6.
    const NOW = new Date('2026-03-11T12:00:00Z');
    let t: Tenant;
    let m: HttpClient;
    const ids: Record<string, string> = {};
    const checkInTimes: string[] = [];

    async function created(r: Promise<{ status: number; body: any }>, key?: string): Promise<any> {
      const res = await r;
      expectStatus(res, 201);
      if (key) ids[key] = res.body.id;
      return res.body;
    }
    async function ok(r: Promise<{ status: number; body: any }>): Promise<any> {
      const res = await r;
      expectStatus(res, 200);
      return res.body;
    }
    const priority = (
      engagement: string,
      owner: string,
      title: string,
      startDate: string,
      targetDate: string,
      extra: Record<string, unknown> = {},
    ) =>
      created(
        m.post(`/engagements/${ids[engagement]}/priorities`, {
          title,
          ownerId: ids[owner],
          startDate,
          targetDate,
          ...extra,
        }),
        title,
      );
    const milestone = (p: string, key: string, dueDate: string, weight: number, extra: Record<string, unknown> = {}) =>
      created(m.post(`/priorities/${ids[p]}/milestones`, { title: key, dueDate, weight, ...extra }), key);
    const complete = (key: string, completedAt: string) =>
      ok(m.post(`/milestones/${ids[key]}/complete`, { completedAt }));
    const checkIn = async (p: string, rag: string, confidence: number) => {
      const c = await created(
        t.executive.post(`/priorities/${ids[p]}/check-ins`, { rag, confidence, note: `${p} at ${confidence}` }),
      );
      checkInTimes.push(c.createdAt);
      return c;
    };

    beforeAll(async () => {
      t = await createTenant(api.http, 'ReadModels');
      m = t.manager;
      api.setNow(NOW);
      for (const key of ['C1', 'C2', 'C3']) {
        const c = await created(
          m.post('/clients', { name: `Read model ${key} ${randomBytes(3).toString('hex')}`, stage: 'growth' }),
          key,
        );
        await created(m.post('/owners', { clientId: c.id, name: `Owner ${key}` }), `O${key}`);
        await created(
          m.post('/engagements', {
            clientId: c.id,
            executiveId: t.a.executiveId,
            function: 'CRO',
            startDate: '2026-01-05',
            daysPerWeek: 2,
          }),
          `E${key.slice(1)}`,
        );
      }

      // E1: four active priorities, one per computed health, plus a draft and an achieved one.
      await priority('E1', 'OC1', 'P1', '2026-01-10', '2026-04-20');
      await milestone('P1', 'P1-done', '2026-02-01', 9);
      await complete('P1-done', '2026-02-04T15:00:00Z'); // 3 days late
      await milestone('P1', 'P1-open', '2026-04-01', 11, { forecastDate: '2026-04-11' }); // forecast 10 days after the baseline
      await milestone('P1', 'P1-cancelled', '2026-03-01', 10);
      await ok(m.patch(`/milestones/${ids['P1-cancelled']}`, { status: 'cancelled' }));
      // progress 9 / (9 + 11) = 0.45 (the cancelled 10 is excluded; counting it would give 0.3); gap 0.6 − 0.45 = 0.15 → on_track (inclusive)

      await priority('E1', 'OC1', 'P2', '2026-01-10', '2026-04-20');
      await milestone('P2', 'P2-done', '2026-02-20', 3);
      await complete('P2-done', '2026-02-10T10:00:00Z'); // early: no slip
      await milestone('P2', 'P2-open', '2026-03-01', 7);
      await ok(
        m.post(`/milestones/${ids['P2-open']}/replan`, {
          dueDate: '2026-03-25',
          reason: 'Waiting on legal',
          category: 'client',
        }),
      ); // 24 days of slip
      // progress 3 / 10 = 0.3; gap 0.3 → at_risk (inclusive)
      await checkIn('P2', 'off_track', 8);
      await checkIn('P2', 'at_risk', 6);
      await checkIn('P2', 'on_track', 4); // latest: reported on_track while computed at_risk → disagrees

      await priority('E1', 'OC1', 'P3', '2026-01-10', '2026-04-20');
      await milestone('P3', 'P3-done', '2026-01-20', 1);
      await complete('P3-done', '2026-01-20T09:00:00Z');
      await milestone('P3', 'P3-overdue', '2026-03-05', 3); // open and 6 days past due
      // progress 1 / 4 = 0.25; gap 0.35 → off_track
      for (let c = 0; c <= 8; c += 1) await checkIn('P3', c === 8 ? 'off_track' : 'at_risk', c); // 9 check-ins: the trend keeps the last 8

      await priority('E1', 'OC1', 'P4', '2026-01-01', '2026-03-01'); // target passed, not achieved → overdue
      await milestone('P4', 'P4-done', '2026-01-15', 1);
      await complete('P4-done', '2026-01-31T23:30:00Z'); // 16 days late
      await milestone('P4', 'P4-overdue', '2026-02-15', 1); // open, 24 days past due
      await checkIn('P4', 'at_risk', 5);

      await priority('E1', 'OC1', 'Draft', '2026-01-10', '2026-04-20', { status: 'draft' });
      await priority('E1', 'OC1', 'Achieved', '2026-01-10', '2026-02-20');
      await ok(m.patch(`/priorities/${ids.Achieved}`, { status: 'achieved' }));

      // E2: one active priority, computed at_risk, reported on_track.
      await priority('E2', 'OC2', 'P5', '2026-01-10', '2026-04-20');
      await milestone('P5', 'P5-done', '2026-02-01', 2);
      await complete('P5-done', '2026-02-01T12:00:00Z');
      await milestone('P5', 'P5-open', '2026-04-01', 3);
      await checkIn('P5', 'on_track', 7);
      // E3: no priorities at all.
    });

    afterAll(() => api.setNow(null));
    beforeEach(() => api.setNow(NOW));

    async function summary(engagement: string, client: HttpClient = m) {
      return ok(client.get(`/engagements/${ids[engagement]}/summary`));
    }
    async function portfolioItem(engagement: string) {
      const page = await ok(m.get(`/portfolio?limit=100`));
      return page.items.find((i: { engagementId: string }) => i.engagementId === ids[engagement]);
    }

    it('summary: progress (weighted, cancelled excluded), expected progress and computed health per priority', async () => {
      const s = await summary('E1');
      expect(s.asOf).toBe('2026-03-11');
      const byTitle = Object.fromEntries(s.priorities.map((p: { title: string }) => [p.title, p]));
      expect(byTitle.P1).toMatchObject({
        progress: 0.45,
        expectedProgress: 0.6,
        health: 'on_track',
        reportedRag: null,
        ragDisagrees: false,
      });
      expect(byTitle.P2).toMatchObject({
        progress: 0.3,
        expectedProgress: 0.6,
        health: 'at_risk',
        reportedRag: 'on_track',
        ragDisagrees: true,
      });
      expect(byTitle.P3).toMatchObject({
        progress: 0.25,
        expectedProgress: 0.6,
        health: 'off_track',
        reportedRag: 'off_track',
        ragDisagrees: false,
      });
      expect(byTitle.P4).toMatchObject({
        progress: 0.5,
        expectedProgress: 1,
        health: 'overdue',
        reportedRag: 'at_risk',
        ragDisagrees: true,
      });
      // An achieved priority shows its outcome, not a verdict on a progress ratio (0 of 0 done here).
      expect(byTitle.Achieved).toMatchObject({ status: 'achieved', health: 'achieved', ragDisagrees: false });
      // Active by rank first, then the others.
      expect(s.priorities.map((p: { title: string }) => p.title).slice(0, 4)).toEqual(['P1', 'P2', 'P3', 'P4']);
      expect(s.priorities.slice(0, 4).map((p: { rank: number }) => p.rank)).toEqual([1, 2, 3, 4]);
      expect(
        s.priorities
          .slice(4)
          .map((p: { title: string }) => p.title)
          .sort(),
      ).toEqual(['Achieved', 'Draft']);
      expect(byTitle.P1.owner).toMatchObject({ id: ids.OC1, name: 'Owner C1' });
      expect(s.engagement).toMatchObject({ id: ids.E1, clientId: ids.C1, daysPerWeek: 2, status: 'active' });
    });

    it('summary: slip days and overdue flags per milestone', async () => {
      const s = await summary('E1');
      const ms = Object.fromEntries(
        s.priorities
          .flatMap((p: { milestones: Array<{ title: string }> }) => p.milestones)
          .map((x: { title: string }) => [x.title, x]),
      );
      expect(ms['P1-done']).toMatchObject({ status: 'done', slipDays: 3, overdue: false });
      expect(ms['P1-open']).toMatchObject({
        status: 'planned',
        forecastDate: '2026-04-11',
        slipDays: 10,
        overdue: false,
      });
      expect(ms['P1-cancelled']).toMatchObject({ status: 'cancelled', slipDays: 0, overdue: false });
      expect(ms['P2-done']).toMatchObject({ slipDays: 0, overdue: false });
      expect(ms['P2-open']).toMatchObject({
        baselineDueDate: '2026-03-01',
        dueDate: '2026-03-25',
        replanCount: 1,
        slipDays: 24,
        overdue: false,
      });
      expect(ms['P3-overdue']).toMatchObject({ slipDays: 6, overdue: true });
      expect(ms['P4-done']).toMatchObject({ slipDays: 16, overdue: false });
      expect(ms['P4-overdue']).toMatchObject({ slipDays: 24, overdue: true });
    });

    it('summary: confidence trend oldest first (last 8), latest check-ins newest first', async () => {
      const s = await summary('E1');
      const byTitle = Object.fromEntries(s.priorities.map((p: { title: string }) => [p.title, p]));
      expect(byTitle.P2.confidenceTrend.map((c: { confidence: number; rag: string }) => [c.confidence, c.rag])).toEqual(
        [
          [8, 'off_track'],
          [6, 'at_risk'],
          [4, 'on_track'],
        ],
      );
      expect(byTitle.P3.confidenceTrend.map((c: { confidence: number }) => c.confidence)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8,
      ]);
      const times = byTitle.P3.confidenceTrend.map((c: { at: string }) => Date.parse(c.at));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(byTitle.P1.confidenceTrend).toEqual([]);

      const latest = s.latestCheckIns.map((c: { createdAt: string }) => Date.parse(c.createdAt));
      expect(latest.length).toBeLessThanOrEqual(10);
      expect([...latest].sort((a, b) => b - a)).toEqual(latest);
      expect(s.latestCheckIns[0]).toMatchObject({ priorityId: ids.P4, rag: 'at_risk', confidence: 5 });
    });

    it('portfolio: roll-up of progress, expected, worst health and RAG, overdue count, next milestone, last check-in', async () => {
      const e1 = await portfolioItem('E1');
      expect(e1).toMatchObject({
        clientId: ids.C1,
        daysPerWeek: 2,
        priorityCounts: { active: 4, draft: 1, achieved: 1, dropped: 0 },
        progress: 0.375, // mean(0.45, 0.3, 0.25, 0.5)
        expectedProgress: 0.7, // mean(0.6, 0.6, 0.6, 1)
        health: 'overdue',
        reportedRag: 'off_track', // worst latest RAG: P2 on_track, P3 off_track, P4 at_risk
        ragDisagrees: false, // off_track vs overdue: overdue counts as off track
        overdueMilestones: 2,
        nextMilestone: { id: ids['P4-overdue'], title: 'P4-overdue', dueDate: '2026-02-15' }, // the earliest open milestone
      });
      // E1's latest check-in is P4's (posted after all of P2's and P3's).
      const e1Latest = checkInTimes.slice(0, 13).sort().at(-1);
      expect(e1.lastCheckInAt).toBe(e1Latest);

      const e2 = await portfolioItem('E2');
      expect(e2).toMatchObject({
        progress: 0.4,
        expectedProgress: 0.6,
        health: 'at_risk',
        reportedRag: 'on_track',
        ragDisagrees: true,
        overdueMilestones: 0,
        nextMilestone: { id: ids['P5-open'], title: 'P5-open', dueDate: '2026-04-01' },
        priorityCounts: { active: 1, draft: 0, achieved: 0, dropped: 0 },
      });
      expect(e2.lastCheckInAt).toBe(checkInTimes.at(-1));

      const e3 = await portfolioItem('E3');
      expect(e3).toMatchObject({
        progress: 0,
        expectedProgress: 0,
        health: null,
        reportedRag: null,
        ragDisagrees: false,
        overdueMilestones: 0,
        nextMilestone: null,
        lastCheckInAt: null,
      });
    });

    it('one health story: the portfolio and the engagement page give the same word and the same line', async () => {
      const e2 = await portfolioItem('E2');
      expect(e2).toMatchObject({
        headline: 'at_risk',
        healthNote: 'reported on track; computed at risk: 40% done, 60% expected by today',
      });
      const s2 = await summary('E2');
      expect(s2.engagement).toMatchObject({
        headline: e2.headline,
        health: e2.health,
        reportedRag: e2.reportedRag,
        healthNote: e2.healthNote,
      });
      expect(s2.priorities[0]).toMatchObject({ headline: 'at_risk', healthNote: e2.healthNote });

      // E1: P4 is past its target (overdue) and reported at risk; P3 reported off track agrees in colour.
      const e1 = await portfolioItem('E1');
      expect(e1).toMatchObject({ headline: 'overdue', healthNote: null });
      const s1 = await summary('E1');
      expect(s1.engagement).toMatchObject({ headline: 'overdue', healthNote: null });
      const byTitle = Object.fromEntries(s1.priorities.map((p: { title: string }) => [p.title, p]));
      expect(byTitle.P4.healthNote).toMatch(/^reported at risk; computed overdue: target date passed \d+ days? ago$/);
      expect(byTitle.P3).toMatchObject({ headline: 'off_track', healthNote: null });
      expect(byTitle.Achieved).toMatchObject({ headline: 'achieved', healthNote: null });

      expect(await portfolioItem('E3')).toMatchObject({ headline: null, healthNote: null });
    });

    it("portfolio and summary agree on each priority's numbers", async () => {
      const s = await summary('E1');
      const active = s.priorities.filter((p: { status: string }) => p.status === 'active');
      const e1 = await portfolioItem('E1');
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      expect(e1.progress).toBeCloseTo(mean(active.map((p: { progress: number }) => p.progress)), 4);
      expect(e1.expectedProgress).toBeCloseTo(
        mean(active.map((p: { expectedProgress: number }) => p.expectedProgress)),
        4,
      );
      const overdue = s.priorities
        .flatMap((p: { milestones: Array<{ overdue: boolean }> }) => p.milestones)
        .filter((x: { overdue: boolean }) => x.overdue);
      expect(e1.overdueMilestones).toBe(overdue.length);
    });

    it('a milestone overdue by years makes its priority off track, though the ratio is ahead of plan', async () => {
      const c = await created(
        m.post('/clients', { name: `Overdue ${randomBytes(3).toString('hex')}`, stage: 'growth' }),
      );
      const owner = await created(m.post('/owners', { clientId: c.id, name: 'Owner late' }), 'OLate');
      expect(owner.id).toBe(ids.OLate);
      await created(
        m.post('/engagements', {
          clientId: c.id,
          executiveId: t.a.executiveId,
          function: 'CRO',
          startDate: '2023-01-02',
          daysPerWeek: 1,
        }),
        'ELate',
      );
      await priority('ELate', 'OLate', 'Late', '2023-01-02', '2027-12-31');
      await milestone('Late', 'Late-done', '2023-03-01', 9);
      await complete('Late-done', '2023-03-01T12:00:00Z');
      await milestone('Late', 'Late-open', '2023-06-01', 1); // open, ~1,000 days past due on 2026-03-11
      await checkIn('Late', 'on_track', 8);
      // progress 0.9 against ~0.63 expected: on track by the ratio alone.

      const late = (await summary('ELate')).priorities[0];
      expect(late).toMatchObject({ progress: 0.9, health: 'off_track', reportedRag: 'on_track', ragDisagrees: true });
      expect(late.expectedProgress).toBeLessThan(0.9);
      expect(await portfolioItem('ELate')).toMatchObject({ health: 'off_track', ragDisagrees: true });

      // Under a threshold longer than the delay the overdue milestone no longer counts.
      expectStatus(await t.admin.patch('/organization/settings', { overdueAtRiskDays: 365 }), 200);
      try {
        expect((await summary('ELate')).priorities[0].health).toBe('at_risk'); // ~1,014 days: beyond 365, within 4×
        expectStatus(await t.admin.patch('/organization/settings', { overdueAtRiskDays: 366.5 }), 400);
      } finally {
        expectStatus(await t.admin.patch('/organization/settings', { overdueAtRiskDays: 7 }), 200);
      }
    });

    it("uses the organization's thresholds", async () => {
      const tighter = await t.admin.patch('/organization/settings', {
        healthAtRiskBelow: 0.1,
        healthOffTrackBelow: 0.2,
      });
      expectStatus(tighter, 200);
      try {
        const byTitle = Object.fromEntries(
          (await summary('E1')).priorities.map((p: { title: string }) => [p.title, p]),
        );
        expect(byTitle.P1.health).toBe('at_risk'); // gap 0.15 > 0.1
        expect(byTitle.P2.health).toBe('off_track'); // gap 0.3 > 0.2
        expect((await portfolioItem('E2')).health).toBe('at_risk'); // gap 0.2 ≤ 0.2
      } finally {
        expectStatus(
          await t.admin.patch('/organization/settings', { healthAtRiskBelow: 0.15, healthOffTrackBelow: 0.3 }),
          200,
        );
      }
    });

    it("counts days in the organization's timezone (today and completion dates)", async () => {
      expectStatus(await t.admin.patch('/organization/settings', { timezone: 'Pacific/Auckland' }), 200);
      try {
        // 2026-03-11T12:00Z is 2026-03-12 01:00 in Auckland (UTC+13).
        const s = await summary('E1');
        expect(s.asOf).toBe('2026-03-12');
        const byTitle = Object.fromEntries(s.priorities.map((p: { title: string }) => [p.title, p]));
        expect(byTitle.P1.expectedProgress).toBe(0.61);
        const p4done = byTitle.P4.milestones.find((x: { title: string }) => x.title === 'P4-done');
        expect(p4done.slipDays).toBe(17); // completed 2026-01-31T23:30Z = 2026-02-01 in Auckland
        expect((await ok(m.get('/portfolio?limit=1'))).asOf).toBe('2026-03-12');
      } finally {
        expectStatus(await t.admin.patch('/organization/settings', { timezone: 'UTC' }), 200);
      }
    });

    it('moves with the clock: on the target date not yet overdue, the day after overdue', async () => {
      api.setNow(new Date('2026-04-20T12:00:00Z'));
      let byTitle = Object.fromEntries((await summary('E1')).priorities.map((p: { title: string }) => [p.title, p]));
      expect(byTitle.P1).toMatchObject({ expectedProgress: 1, health: 'off_track' }); // 1 − 0.45 = 0.55
      const open = byTitle.P1.milestones.find((x: { title: string }) => x.title === 'P1-open');
      expect(open).toMatchObject({ overdue: true, slipDays: 19 }); // due 04-01, forecast 04-11, today 04-20

      api.setNow(new Date('2026-04-21T12:00:00Z'));
      byTitle = Object.fromEntries((await summary('E1')).priorities.map((p: { title: string }) => [p.title, p]));
      expect(['P1', 'P2', 'P3', 'P4'].map((p) => byTitle[p].health)).toEqual([
        'overdue',
        'overdue',
        'overdue',
        'overdue',
      ]);
      expect((await portfolioItem('E1')).overdueMilestones).toBe(4); // + P1-open (04-01) and P2-open (03-25)
    });

    it('client viewers see the numbers but not the allocation', async () => {
      expectStatus(
        await t.admin.put(`/users/${t.users.clientViewer}/client-grants`, { clientIds: [t.a.clientId, ids.C1] }),
        200,
      );
      const viewer = await login(api.http, t.emails.clientViewer);
      const s = await summary('E1', viewer);
      expect(s.engagement.daysPerWeek).toBeUndefined();
      expect(s.priorities.find((p: { title: string }) => p.title === 'P2')).toMatchObject({
        progress: 0.3,
        health: 'at_risk',
      });
      const page = await ok(viewer.get('/portfolio?limit=100'));
      expect(page.items.map((i: { engagementId: string }) => i.engagementId)).toContain(ids.E1);
      expect(page.items.map((i: { engagementId: string }) => i.engagementId)).not.toContain(ids.E2);
      expect(page.items.every((i: { accountManagerName?: string }) => i.accountManagerName === undefined)).toBe(true);
    });

    it('portfolio and summary: drift score, weekly sparkline, daily trend, open alerts by severity, sort by drift', async () => {
      // Daily snapshots for E1 from 2026-01-01 (70 days back) to today 2026-03-11: score = day of the year.
      await api.dataSource.query(
        `INSERT INTO drift_snapshots (organization_id, engagement_id, snapshot_date, score)
         SELECT $1, $2, d::date, extract(doy FROM d)::smallint FROM generate_series('2026-01-01'::date, '2026-03-11'::date, '1 day') AS d`,
        [t.organizationId, ids.E1],
      );
      await api.dataSource.query(
        `INSERT INTO drift_snapshots (organization_id, engagement_id, snapshot_date, score) VALUES ($1, $2, '2026-03-10', 5)`,
        [t.organizationId, ids.E2],
      );
      const alert = (severity: string, status: string) =>
        api.dataSource.query(
          `INSERT INTO drift_alerts (organization_id, rule, subject_type, subject_id, engagement_id, severity, status, message, first_seen_at, last_seen_at)
           VALUES ($1, 'priority_stalled', 'priority', gen_random_uuid(), $2, $3, $4, 'test', now(), now())`,
          [t.organizationId, ids.E1, severity, status],
        );
      await alert('critical', 'open');
      await alert('warning', 'acknowledged');
      await alert('warning', 'open');
      await alert('info', 'resolved'); // resolved alerts are not counted

      const e1 = await portfolioItem('E1');
      expect(e1.driftScore).toBe(70); // 2026-03-11 is day 70
      // The last snapshot of each ISO week within the last 56 days (2026-01-15 → 03-11), oldest first.
      expect(e1.driftTrend.map((p: { date: string }) => p.date)).toEqual([
        '2026-01-18',
        '2026-01-25',
        '2026-02-01',
        '2026-02-08',
        '2026-02-15',
        '2026-02-22',
        '2026-03-01',
        '2026-03-08',
        '2026-03-11',
      ]);
      expect(e1.driftTrend[0]).toEqual({ date: '2026-01-18', score: 18 });
      expect(e1.openAlerts).toEqual({ critical: 1, warning: 2, info: 0 });
      expect(e1.accountManagerId).toBeNull();
      const e3 = await portfolioItem('E3');
      expect(e3).toMatchObject({ driftScore: null, driftTrend: [], openAlerts: { critical: 0, warning: 0, info: 0 } });

      const worstFirst = await ok(m.get(`/portfolio?limit=100&sort=drift&order=desc`));
      const order = worstFirst.items.map((i: { engagementId: string }) => i.engagementId);
      expect(order.indexOf(ids.E1)).toBeLessThan(order.indexOf(ids.E2));
      expect(order.indexOf(ids.E2)).toBeLessThan(order.indexOf(ids.E3)); // no score: last

      const s = await summary('E1');
      expect(s.driftTrend).toHaveLength(56); // 2026-01-15 … 2026-03-11
      expect(s.driftTrend[0]).toEqual({ date: '2026-01-15', score: 15 });
      expect(s.driftTrend[55]).toEqual({ date: '2026-03-11', score: 70 });
    });

    it("portfolio filters by the clients' account manager", async () => {
      await api.dataSource.query(`UPDATE clients SET account_manager_id = $2 WHERE organization_id = $1 AND id = $3`, [
        t.organizationId,
        t.users.manager,
        ids.C2,
      ]);
      const page = await ok(m.get(`/portfolio?limit=100&accountManagerId=${t.users.manager}`));
      expect(page.items.map((i: { engagementId: string }) => i.engagementId)).toEqual([ids.E2]);
      expect(page.items[0].accountManagerId).toBe(t.users.manager);
      expect(typeof page.items[0].accountManagerName).toBe('string');
    });
  });

  describe('query counts do not grow with size (no N+1)', () => {
    let admin: HttpClient;
    let actor: Actor;
    let ownerId: string;
    let clientId: string;
    let executiveId: string;

    beforeAll(async () => {
      const tag = randomBytes(4).toString('hex');
      const email = `n1-${tag}@firm.test`;
      const signup = await signUp(api.http, {
        organizationName: `N+1 ${tag}`,
        name: 'Count Admin',
        email,
        password: TEST_PASSWORD,
      });
      expectStatus(signup, 201);
      admin = await login(api.http, email);
      actor = {
        userId: signup.body.user.id,
        organizationId: signup.body.user.organizationId,
        role: 'admin',
        email,
        executiveIds: [],
        clientIds: [],
      };
      const client = await admin.post('/clients', { name: 'Counted', stage: 'growth' });
      clientId = client.body.id;
      ownerId = (await admin.post('/owners', { clientId, name: 'Counted Owner' })).body.id;
      executiveId = (
        await admin.post('/executives', {
          name: 'Counted Exec',
          email: `counted-${tag}@example.com`,
          functions: ['CRO'],
        })
      ).body.id;
    });

    /** An engagement with `priorities` priorities × 3 milestones (one done) × 2 check-ins. */
    async function buildEngagement(priorities: number): Promise<string> {
      const e = await admin.post('/engagements', {
        clientId,
        executiveId,
        function: 'CRO',
        startDate: '2026-01-05',
        daysPerWeek: 1,
      });
      expectStatus(e, 201);
      for (let p = 0; p < priorities; p += 1) {
        const pr = await admin.post(`/engagements/${e.body.id}/priorities`, {
          title: `P${p}`,
          ownerId,
          startDate: '2026-01-05',
          targetDate: '2026-12-01',
        });
        expectStatus(pr, 201);
        for (let k = 0; k < 3; k += 1) {
          const ms = await admin.post(`/priorities/${pr.body.id}/milestones`, {
            title: `M${k}`,
            dueDate: `2026-0${k + 2}-15`,
            weight: k + 1,
          });
          expectStatus(ms, 201);
          if (k === 0) expectStatus(await admin.post(`/milestones/${ms.body.id}/complete`, {}), 200);
        }
        for (let c = 0; c < 2; c += 1)
          expectStatus(
            await admin.post(`/priorities/${pr.body.id}/check-ins`, {
              rag: 'on_track',
              confidence: 5 + c,
              note: `note ${c}`,
            }),
            201,
          );
      }
      return e.body.id;
    }

    const portfolioQuery = () =>
      Object.assign(new PortfolioQueryDto(), { limit: 25, offset: 0, order: 'asc', sort: 'client' });

    it('portfolio: 1 engagement and 12 engagements (3 priorities × 3 milestones × 2 check-ins each) cost the same queries', async () => {
      const service = inOrganization(api.app.get(PortfolioService), actor.organizationId);
      await buildEngagement(3);
      const one = await countQueries(api.appDataSource, () => service.portfolio(actor, portfolioQuery()));
      expect(one.result.items).toHaveLength(1);
      const oneHttp = await countQueries(api.appDataSource, () => admin.get('/portfolio'));
      expectStatus(oneHttp.result, 200);

      for (let i = 0; i < 11; i += 1) await buildEngagement(3);
      const twelve = await countQueries(api.appDataSource, () => service.portfolio(actor, portfolioQuery()));
      expect(twelve.result.items).toHaveLength(12);
      expect(twelve.result.items.every((i) => i.priorityCounts.active === 3 && i.lastCheckInAt !== null)).toBe(true);
      const twelveHttp = await countQueries(api.appDataSource, () => admin.get('/portfolio'));
      expectStatus(twelveHttp.result, 200);
      expect(twelveHttp.result.body.items).toHaveLength(12);

      process.stdout.write(
        `\n[read-models] portfolio queries: service ${one.queries} → ${twelve.queries}; HTTP ${oneHttp.queries} → ${twelveHttp.queries}\n`,
      );
      expect(one.queries).toBeGreaterThan(0);
      expect(twelve.queries).toBe(one.queries);
      expect(twelveHttp.queries).toBe(oneHttp.queries);
    });

    it('summary: 1 priority and 5 priorities cost the same queries', async () => {
      const service = inOrganization(api.app.get(SummaryService), actor.organizationId);
      const small = await buildEngagement(1);
      const large = await buildEngagement(5);
      const one = await countQueries(api.appDataSource, () => service.summary(actor, small));
      const five = await countQueries(api.appDataSource, () => service.summary(actor, large));
      expect(one.result.priorities).toHaveLength(1);
      expect(five.result.priorities).toHaveLength(5);
      expect(five.result.priorities.every((p) => p.milestones.length === 3 && p.confidenceTrend.length === 2)).toBe(
        true,
      );
      const oneHttp = await countQueries(api.appDataSource, () => admin.get(`/engagements/${small}/summary`));
      const fiveHttp = await countQueries(api.appDataSource, () => admin.get(`/engagements/${large}/summary`));
      expectStatus(fiveHttp.result, 200);

      process.stdout.write(
        `\n[read-models] summary queries: service ${one.queries} → ${five.queries}; HTTP ${oneHttp.queries} → ${fiveHttp.queries}\n`,
      );
      expect(one.queries).toBeGreaterThan(0);
      expect(five.queries).toBe(one.queries);
      expect(fiveHttp.queries).toBe(oneHttp.queries);
    });
  });
});

import { DriftScanService, seedDemoOrganization } from '@app/domain';
import { selectQueueBackend } from '@app/queue';
import { queueIsolation, startTestApi, startTestWorker, type TestApi, type TestWorker } from '@test/support';

/**
 * The demo firm tells one story: the seeded drift history ends where the first real scan's score starts (no cliff,
 * no bogus week-over-week change), and every check-in and re-plan is credited to its engagement's own executive.
 */
describe('demo seed', () => {
  let api: TestApi;
  let worker: TestWorker;
  let organizationId: string;

  beforeAll(async () => {
    const { prefix, schema } = queueIsolation();
    api = await startTestApi({ QUEUE_PREFIX: prefix, QUEUE_SCHEMA: schema });
    const queue = selectQueueBackend({ databaseUrl: process.env.DATABASE_URL!, prefix, poolSize: 2, schema });
    worker = await startTestWorker({ databaseUrl: process.env.DATABASE_URL!, queue });
    ({ organizationId } = await seedDemoOrganization(api.dataSource));
    await worker.app.get(DriftScanService).scanOrganization(organizationId);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('ends each seeded drift history at the live score, without implausible jumps', async () => {
    const rows: Array<{ engagement_id: string; snapshot_date: string; score: number }> = await api.dataSource.query(
      `SELECT engagement_id, to_char(snapshot_date, 'YYYY-MM-DD') AS snapshot_date, score
         FROM drift_snapshots WHERE organization_id = $1 ORDER BY engagement_id, snapshot_date DESC`,
      [organizationId],
    );
    const byEngagement = new Map<string, typeof rows>();
    for (const r of rows) byEngagement.set(r.engagement_id, [...(byEngagement.get(r.engagement_id) ?? []), r]);
    // The three active demo engagements; the proposed one is never scanned.
    expect(byEngagement.size).toBe(3);
    const liveScores: number[] = [];
    for (const [, history] of byEngagement) {
      const [today, yesterday] = history;
      expect(history).toHaveLength(57); // today's scan + eight weeks seeded
      liveScores.push(today.score);
      expect(Math.abs(today.score - yesterday.score)).toBeLessThanOrEqual(5);
      for (let i = 0; i + 7 < history.length; i++)
        expect(Math.abs(history[i].score - history[i + 7].score)).toBeLessThanOrEqual(15);
    }
    // Not a trivially flat demo: at least one engagement is really drifting.
    expect(Math.max(...liveScores)).toBeGreaterThan(20);
  });

  it("credits every check-in and re-plan to the user of that engagement's own executive", async () => {
    const credits: Array<{ kind: string; author: string | null; executive_user: string | null }> =
      await api.dataSource.query(
        `SELECT 'check-in' AS kind, c.author_id AS author, x.user_id AS executive_user
           FROM check_ins c JOIN priorities p ON p.id = c.priority_id JOIN engagements e ON e.id = p.engagement_id
           JOIN executives x ON x.id = e.executive_id WHERE c.organization_id = $1
         UNION ALL
         SELECT 're-plan', h.changed_by, x.user_id
           FROM milestone_due_date_changes h JOIN milestones m ON m.id = h.milestone_id JOIN priorities p ON p.id = m.priority_id
           JOIN engagements e ON e.id = p.engagement_id JOIN executives x ON x.id = e.executive_id
          WHERE h.organization_id = $1`,
        [organizationId],
      );
    expect(new Set(credits.map((c) => c.kind))).toEqual(new Set(['check-in', 're-plan']));
    for (const c of credits) {
      expect(c.executive_user).not.toBeNull();
      expect({ kind: c.kind, author: c.author }).toEqual({ kind: c.kind, author: c.executive_user });
    }
    // More than one executive does the work: the demo no longer credits everything to one person.
    expect(new Set(credits.map((c) => c.author)).size).toBeGreaterThan(1);
  });
  it('ships three playbooks, and the proposed Acme CMO engagement was planned from the CMO pipeline rebuild', async () => {
    const playbooks: Array<{ name: string; function: string; priorities: number }> = await api.dataSource.query(
      `SELECT v.name, v.function, jsonb_array_length(v.plan) AS priorities
         FROM playbooks pb JOIN playbook_versions v ON v.playbook_id = pb.id AND v.version = pb.current_version
        WHERE pb.organization_id = $1 ORDER BY v.function`,
      [organizationId],
    );
    expect(playbooks.map((p) => [p.function, p.name])).toEqual([
      ['CMO', 'CMO pipeline rebuild'],
      ['CPO', 'CPO roadmap reset'],
      ['CRO', 'CRO 90-day revenue engine'],
    ]);
    const applied: Array<{ name: string; function: string; priorities: number; milestones: number }> =
      await api.dataSource.query(
        `SELECT v.name, e.function, count(DISTINCT p.id)::int AS priorities, count(m.id)::int AS milestones
           FROM playbook_applications a
           JOIN playbook_versions v ON v.id = a.playbook_version_id
           JOIN engagements e ON e.id = a.engagement_id
           JOIN priorities p ON p.playbook_application_id = a.id
           JOIN milestones m ON m.priority_id = p.id
          WHERE a.organization_id = $1 GROUP BY v.name, e.function`,
        [organizationId],
      );
    expect(applied).toEqual([{ name: 'CMO pipeline rebuild', function: 'CMO', priorities: 3, milestones: 9 }]);
  });

  it('forecasts every open milestone, with a band beyond the due date on at least one slipping milestone', async () => {
    const rows: Array<{ title: string; due: string; p50: string; p80: string; slipped: boolean; basis: string }> =
      await api.dataSource.query(
        `SELECT m.title, to_char(m.due_date, 'YYYY-MM-DD') AS due, to_char(f.p50_date, 'YYYY-MM-DD') AS p50,
                to_char(f.p80_date, 'YYYY-MM-DD') AS p80, m.due_date > m.baseline_due_date AS slipped, f.basis
           FROM milestones m
           JOIN priorities p ON p.id = m.priority_id AND p.status = 'active'
           JOIN engagements e ON e.id = p.engagement_id AND e.status = 'active'
           LEFT JOIN milestone_forecasts f ON f.milestone_id = m.id
          WHERE m.organization_id = $1 AND m.status IN ('planned','in_progress')`,
        [organizationId],
      );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.p50).not.toBeNull();
      expect(r.basis).toMatch(/similar milestone|default range/);
    }
    expect(rows.some((r) => r.slipped && r.p80 > r.due)).toBe(true);
  });
});

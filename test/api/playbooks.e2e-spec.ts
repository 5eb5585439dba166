import { randomUUID } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { JobId, QueueName } from '@app/queue';
import {
  createTenant,
  expectStatus,
  recordStatements,
  rowCounts,
  startTestApi,
  type Tenant,
  type TestApi,
} from '@test/support';

/**
 * Playbooks over HTTP (issue 17, item 1): versions, the dry run against the apply (same answer; the dry run writes
 * nothing), the focus cap under 10 parallel applies, a fixed number of statements per apply whatever its size, the
 * deadline jobs of the new milestones, and the refusals (404 for unknown and foreign ids, 422 with a code).
 */
const plan = (milestonesPerPriority = 2, priorities = 3) => ({
  name: 'CRO 90-day revenue engine',
  function: 'CRO',
  description: 'Pipeline, team, forecast',
  priorities: Array.from({ length: priorities }, (_, i) => ({
    title: `Priority ${i + 1}`,
    description: i === 0 ? 'Rebuild the qualified pipeline' : null,
    suggestedOwnerTitle: 'VP Sales',
    startOffsetDays: i * 7,
    targetOffsetDays: 90,
    milestones: Array.from({ length: milestonesPerPriority }, (_, j) => ({
      title: `Milestone ${i + 1}.${j + 1}`,
      offsetDays: i * 7 + 10 * (j + 1),
      weight: j + 1,
    })),
  })),
});

describe('playbooks', () => {
  let api: TestApi;
  let t: Tenant;
  let other: Tenant;

  beforeAll(async () => {
    api = await startTestApi();
    api.setNow(new Date('2026-03-09T09:00:00Z'));
    t = await createTenant(api.http, 'Playbooks');
    other = await createTenant(api.http, 'Elsewhere');
  });
  afterAll(() => api.close());

  async function newEngagement(tenant: Tenant = t): Promise<string> {
    const e = await tenant.manager.post('/engagements', {
      clientId: tenant.a.clientId,
      executiveId: tenant.a.executiveId,
      function: 'CRO',
      startDate: '2026-03-02',
      daysPerWeek: 2,
    });
    expectStatus(e, 201);
    return e.body.id;
  }

  async function newPlaybook(body: object = plan(), tenant: Tenant = t): Promise<{ id: string; version: number }> {
    const created = await tenant.manager.post('/playbooks', body);
    expectStatus(created, 201);
    return created.body;
  }

  const owners = (n: number, tenant: Tenant = t) => Array.from({ length: n }, () => tenant.a.ownerId);

  it('creates, edits into a new version, lists and archives; every write audited', async () => {
    const created = await newPlaybook();
    expect(created).toMatchObject({ version: 1, priorityCount: 3, milestoneCount: 6, archivedAt: null });
    const edited = await t.manager.put(`/playbooks/${created.id}`, { ...plan(1, 2), name: 'Revenue engine v2' });
    expectStatus(edited, 200);
    expect(edited.body).toMatchObject({ id: created.id, version: 2, name: 'Revenue engine v2', priorityCount: 2 });
    expect(edited.body.priorities[0].milestones).toEqual([{ title: 'Milestone 1.1', offsetDays: 10, weight: 1 }]);

    const archived = await t.admin.post(`/playbooks/${created.id}/archive`);
    expectStatus(archived, 200);
    expect(archived.body.archivedAt).toEqual(expect.any(String));
    const listed = await t.manager.get('/playbooks');
    expect(listed.body.map((p: { id: string }) => p.id)).not.toContain(created.id);
    const all = await t.manager.get('/playbooks?includeArchived=true');
    expect(all.body.map((p: { id: string }) => p.id)).toContain(created.id);
    const engagementId = await newEngagement();
    const refused = await t.manager.post(`/engagements/${engagementId}/playbook-applications/preview`, {
      playbookId: created.id,
      ownerIds: owners(2),
    });
    expectStatus(refused, 422);
    expect(refused.body.code).toBe('PLAYBOOK.ARCHIVED');
    expectStatus(await t.manager.post(`/playbooks/${created.id}/restore`), 200);

    const audit: Array<{ action: string }> = await api.dataSource.query(
      `SELECT action FROM audit_events WHERE organization_id = $1 AND entity_id = $2 ORDER BY created_at`,
      [t.organizationId, created.id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'playbook.created',
      'playbook.updated',
      'playbook.archived',
      'playbook.restored',
    ]);
  });

  it('refuses an offset that puts a milestone before its priority starts: 422 with a code, nothing written', async () => {
    const before = await rowCounts(api.dataSource, t.organizationId);
    const body = plan();
    body.priorities[1]!.milestones[0]!.offsetDays = 3; // priority 2 starts on day 7
    const refused = await t.manager.post('/playbooks', body);
    expectStatus(refused, 422);
    expect(refused.body.code).toBe('PLAYBOOK.MILESTONE_BEFORE_PRIORITY_START');
    expect(refused.body.message).toContain('priorities[1].milestones[0]');
    expect(await rowCounts(api.dataSource, t.organizationId)).toEqual(before);
  });

  it('the dry run answers exactly what the apply creates, and writes nothing', async () => {
    const engagementId = await newEngagement();
    const { id: playbookId, version } = await newPlaybook();
    const body = { playbookId, version, startDate: '2026-04-06', ownerIds: owners(3) };

    const before = await rowCounts(api.dataSource, t.organizationId);
    const preview = await t.manager.post(`/engagements/${engagementId}/playbook-applications/preview`, body);
    expectStatus(preview, 200);
    expect(await rowCounts(api.dataSource, t.organizationId)).toEqual(before);
    expect(preview.body).toMatchObject({ applied: false, applicationId: null, activeBefore: 0, drafted: 0 });
    expect(preview.body.priorities[1]).toMatchObject({
      position: 2,
      status: 'active',
      rank: 2,
      startDate: '2026-04-13',
      targetDate: '2026-07-05',
      milestones: [
        { id: null, title: 'Milestone 2.1', dueDate: '2026-04-23', weight: 1 },
        { id: null, title: 'Milestone 2.2', dueDate: '2026-05-03', weight: 2 },
      ],
    });

    const applied = await t.manager.post(`/engagements/${engagementId}/playbook-applications`, body);
    expectStatus(applied, 201);
    const strip = (v: { priorities: Array<Record<string, unknown>> }) =>
      v.priorities.map(({ id: _id, milestones, ...rest }) => ({
        ...rest,
        milestones: (milestones as Array<Record<string, unknown>>).map(({ id: _mid, ...m }) => m),
      }));
    expect(strip(applied.body)).toEqual(strip(preview.body));
    expect(applied.body).toMatchObject({
      applied: true,
      applicationId: expect.any(String),
      message: preview.body.message.replace('Would create', 'Created'),
    });
    const after = await rowCounts(api.dataSource, t.organizationId);
    expect(after.priorities - before.priorities).toBe(3);
    expect(after.milestones - before.milestones).toBe(6);
    expect(after.playbook_applications - before.playbook_applications).toBe(1);
    expect(after.audit_events - before.audit_events).toBe(1 + 3 + 6);

    // what the API serves now is what the answer said
    const priorities = await t.manager.get(`/engagements/${engagementId}/priorities`);
    expect(priorities.body.map((p: { id: string; rank: number; status: string }) => [p.id, p.rank, p.status])).toEqual(
      applied.body.priorities.map((p: { id: string; rank: number; status: string }) => [p.id, p.rank, p.status]),
    );
    const milestones = await t.manager.get(`/priorities/${applied.body.priorities[0].id}/milestones`);
    expect(
      milestones.body.map((m: { title: string; baselineDueDate: string }) => [m.title, m.baselineDueDate]),
    ).toEqual([
      ['Milestone 1.1', '2026-04-16'],
      ['Milestone 1.2', '2026-04-26'],
    ]);
    const history = await t.manager.get(`/engagements/${engagementId}/playbook-applications`);
    expect(history.body).toEqual([
      expect.objectContaining({
        playbookId,
        version: 1,
        startDate: '2026-04-06',
        applicationId: applied.body.applicationId,
      }),
    ]);

    // the deadline job of every new milestone is scheduled, as a milestone's own creation does
    const drift = api.app.get<Queue>(getQueueToken(QueueName.Drift));
    for (const p of applied.body.priorities)
      for (const m of p.milestones) expect(await drift.getJob(JobId.milestoneDeadline(m.id))).toBeDefined();
  });

  it('ranks after the existing priorities and creates what the focus cap has no room for as draft, saying so', async () => {
    const engagementId = await newEngagement();
    // the organization's cap is 5; two active priorities already
    for (const title of ['Existing one', 'Existing two'])
      expectStatus(
        await t.manager.post(`/engagements/${engagementId}/priorities`, {
          title,
          ownerId: t.a.ownerId,
          startDate: '2026-03-02',
          targetDate: '2026-09-30',
        }),
        201,
      );
    const { id: playbookId } = await newPlaybook(plan(1, 5));
    const applied = await t.manager.post(`/engagements/${engagementId}/playbook-applications`, {
      playbookId,
      ownerIds: owners(5),
    });
    expectStatus(applied, 201);
    expect(applied.body).toMatchObject({
      startDate: '2026-03-09',
      activeBefore: 2,
      activated: 3,
      drafted: 2,
      focusCap: 5,
    });
    expect(applied.body.message).toBe('Created 5 priorities: 3 active, 2 as draft because the focus cap is 5.');
    expect(applied.body.priorities.map((p: { status: string; rank: number }) => [p.status, p.rank])).toEqual([
      ['active', 3],
      ['active', 4],
      ['active', 5],
      ['draft', 6],
      ['draft', 7],
    ]);
  });

  it('10 parallel applies on one engagement never exceed the focus cap', async () => {
    const engagementId = await newEngagement();
    const { id: playbookId } = await newPlaybook(plan(2, 2));
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.manager.post(`/engagements/${engagementId}/playbook-applications`, { playbookId, ownerIds: owners(2) }),
      ),
    );
    for (const answer of answers) expectStatus(answer, 201);
    const [row]: Array<{ active: number; total: number; ranks: number[] }> = await api.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'active')::int AS active, count(*)::int AS total,
              array_agg(rank ORDER BY rank) FILTER (WHERE status = 'active') AS ranks
         FROM priorities WHERE organization_id = $1 AND engagement_id = $2`,
      [t.organizationId, engagementId],
    );
    expect(row).toEqual({ active: 5, total: 20, ranks: [1, 2, 3, 4, 5] });
    expect(answers.reduce((n, a) => n + a.body.activated, 0)).toBe(5);
    expect(answers.reduce((n, a) => n + a.body.drafted, 0)).toBe(15);
  });

  it('sends the same number of statements for a 1-milestone and a 5 × 20-milestone playbook', async () => {
    const count = async (body: object, n: number) => {
      const engagementId = await newEngagement();
      const { id: playbookId } = await newPlaybook(body);
      const { result, dataStatements } = await recordStatements(api.appDataSource, () =>
        t.manager.post(`/engagements/${engagementId}/playbook-applications`, { playbookId, ownerIds: owners(n) }),
      );
      expectStatus(result, 201);
      // the statements of the apply's transaction (auth and the organization read included), not the queue's
      return dataStatements.filter((s) => !/bullmq|"?queue/i.test(s)).length;
    };
    const small = await count(plan(1, 1), 1);
    const large = await count(plan(20, 5), 5);
    expect(large).toBe(small);
    process.stdout.write(
      `[playbooks] data statements per apply: ${small} (1 milestone) and ${large} (100 milestones)\n`,
    );
  });

  it('answers 404 for an unknown or foreign playbook or engagement, writing nothing', async () => {
    const engagementId = await newEngagement();
    const { id: playbookId } = await newPlaybook();
    const { id: foreignPlaybook } = await newPlaybook(plan(), other);
    const foreignEngagement = await newEngagement(other);
    const before = await rowCounts(api.dataSource, t.organizationId);
    const cases: Array<[string, object, string]> = [
      [engagementId, { playbookId: randomUUID(), ownerIds: owners(3) }, 'PLAYBOOK.NOT_FOUND'],
      [engagementId, { playbookId: foreignPlaybook, ownerIds: owners(3) }, 'PLAYBOOK.NOT_FOUND'],
      [randomUUID(), { playbookId, ownerIds: owners(3) }, 'ENGAGEMENT.NOT_FOUND'],
      [foreignEngagement, { playbookId, ownerIds: owners(3) }, 'ENGAGEMENT.NOT_FOUND'],
    ];
    for (const [engagement, body, code] of cases)
      for (const path of ['playbook-applications', 'playbook-applications/preview']) {
        const response = await t.manager.post(`/engagements/${engagement}/${path}`, body);
        expectStatus(response, 404);
        expect(response.body.code).toBe(code);
      }
    expectStatus(await t.manager.get(`/playbooks/${foreignPlaybook}`), 404);
    expectStatus(await t.manager.put(`/playbooks/${foreignPlaybook}`, plan()), 404);
    // an owner of another client, or the wrong number of owners: 422 with a code
    const stray = await t.manager.post(`/engagements/${engagementId}/playbook-applications`, {
      playbookId,
      ownerIds: [t.a.ownerId, t.b.ownerId, t.a.ownerId],
    });
    expectStatus(stray, 422);
    expect(stray.body.code).toBe('PRIORITY.OWNER_INVALID');
    const short = await t.manager.post(`/engagements/${engagementId}/playbook-applications`, {
      playbookId,
      ownerIds: owners(2),
    });
    expectStatus(short, 422);
    expect(short.body.code).toBe('PLAYBOOK.OWNERS_MISMATCH');
    const stale = await t.manager.post(`/engagements/${engagementId}/playbook-applications`, {
      playbookId,
      version: 7,
      ownerIds: owners(3),
    });
    expectStatus(stale, 409);
    expect(stale.body.code).toBe('PLAYBOOK.VERSION_CHANGED');
    expect(await rowCounts(api.dataSource, t.organizationId)).toEqual(before);
  });

  it('saves an engagement as a playbook, its dates turned into offsets from its earliest start', async () => {
    const engagementId = await newEngagement();
    const { id: playbookId } = await newPlaybook(plan(2, 2));
    expectStatus(
      await t.manager.post(`/engagements/${engagementId}/playbook-applications`, {
        playbookId,
        startDate: '2026-05-04',
        ownerIds: owners(2),
      }),
      201,
    );
    const saved = await t.manager.post(`/engagements/${engagementId}/save-as-playbook`, { name: 'From Acme' });
    expectStatus(saved, 201);
    expect(saved.body).toMatchObject({ version: 1, function: 'CRO', sourceEngagementId: engagementId });
    // the engagement started 2026-03-02, the plan on 2026-05-04: offsets count from the earliest start (63 days before)
    expect(saved.body.priorities.map((p: { startOffsetDays: number }) => p.startOffsetDays)).toEqual([63, 70]);
    expect(saved.body.priorities[0].milestones.map((m: { offsetDays: number }) => m.offsetDays)).toEqual([73, 83]);
  });
});

import { createTenant, expectStatus, rowCounts, startTestApi, type Tenant, type TestApi } from '@test/support';

/**
 * One-page engagement setup over HTTP (issue 14): a new client, the engagement, ranked priorities with existing and
 * new owners, and their milestones in one call, every row audited; a bad field anywhere answers 400 naming its path,
 * another tenant's ids 404, too many active priorities 422, and none of them writes anything.
 */
describe('engagement setup', () => {
  let api: TestApi;
  let t: Tenant;
  let other: Tenant;

  beforeAll(async () => {
    api = await startTestApi();
    api.setNow(new Date('2026-03-09T09:00:00Z'));
    t = await createTenant(api.http, 'Setup');
    other = await createTenant(api.http, 'Elsewhere');
  });
  afterAll(() => api.close());

  const body = (overrides: Record<string, unknown> = {}) => ({
    client: { name: 'Northwind Analytics', stage: 'growth', industry: 'Software' },
    executiveId: t.a.executiveId,
    function: 'CRO',
    startDate: '2026-03-02',
    plannedEndDate: '2026-12-31',
    daysPerWeek: 2,
    priorities: [
      {
        title: 'Rebuild the pipeline',
        owner: { name: 'Dana Lee', email: 'dana@northwind.example', title: 'VP Sales' },
        targetDate: '2026-06-30',
        milestones: [
          { title: 'Pipeline review', dueDate: '2026-04-01' },
          { title: 'Two AEs hired', dueDate: '2026-05-15', weight: 2 },
        ],
      },
      {
        title: 'Forecast discipline',
        owner: { name: 'Dana Lee', email: 'DANA@northwind.example' },
        targetDate: '2026-09-30',
        milestones: [{ title: 'Weekly forecast call', dueDate: '2026-04-15' }],
      },
      {
        title: 'Pricing study',
        owner: { name: 'Sam Ortiz' },
        status: 'draft',
        targetDate: '2026-10-31',
        milestones: [],
      },
    ],
    ...overrides,
  });

  async function refused(payload: object, status: number, tenant: Tenant = t) {
    const before = await rowCounts(api.dataSource, tenant.organizationId);
    const answer = await tenant.manager.post('/engagements/setup', payload);
    expectStatus(answer, status);
    expect(await rowCounts(api.dataSource, tenant.organizationId)).toEqual(before);
    return answer.body;
  }

  it('creates the client, the engagement, owners, ranked priorities and milestones in one go, each audited', async () => {
    const created = await t.manager.post('/engagements/setup', body());
    expectStatus(created, 201);
    const { engagement, priorities } = created.body;
    expect(created.body).toMatchObject({ clientCreated: true, focusCap: 5 });
    expect(engagement).toMatchObject({
      clientName: 'Northwind Analytics',
      function: 'CRO',
      status: 'active',
      daysPerWeek: 2,
    });
    expect(priorities.map((p: { rank: number; status: string }) => [p.rank, p.status])).toEqual([
      [1, 'active'],
      [2, 'active'],
      [3, 'draft'],
    ]);
    // The same new owner named twice (email in any case) is one person.
    expect(priorities[1].ownerId).toBe(priorities[0].ownerId);
    expect(priorities[2].ownerId).not.toBe(priorities[0].ownerId);

    const summary = await t.manager.get(`/engagements/${engagement.id}/priorities`);
    expectStatus(summary, 200);
    expect(summary.body.map((p: { title: string; owner: { name: string } }) => [p.title, p.owner.name])).toEqual([
      ['Rebuild the pipeline', 'Dana Lee'],
      ['Forecast discipline', 'Dana Lee'],
      ['Pricing study', 'Sam Ortiz'],
    ]);
    const milestones = await t.manager.get(`/priorities/${priorities[0].id}/milestones`);
    expect(milestones.body.map((m: { title: string; dueDate: string }) => [m.title, m.dueDate])).toEqual([
      ['Pipeline review', '2026-04-01'],
      ['Two AEs hired', '2026-05-15'],
    ]);

    const audit: Array<{ action: string }> = await api.dataSource.query(
      `SELECT action FROM audit_events WHERE organization_id = $1 AND created_at >= now() - interval '1 hour'
        AND entity_id IN (SELECT id FROM clients WHERE id = $2 UNION ALL SELECT id FROM engagements WHERE id = $3
          UNION ALL SELECT id FROM owners WHERE client_id = $2 UNION ALL SELECT id FROM priorities WHERE engagement_id = $3
          UNION ALL SELECT m.id FROM milestones m JOIN priorities p ON p.id = m.priority_id WHERE p.engagement_id = $3)`,
      [t.organizationId, engagement.clientId, engagement.id],
    );
    const counts = audit.reduce<Record<string, number>>((n, a) => ({ ...n, [a.action]: (n[a.action] ?? 0) + 1 }), {});
    expect(counts).toEqual({
      'client.created': 1,
      'owner.created': 2,
      'engagement.created': 1,
      'priority.created': 3,
      'milestone.created': 3,
    });
  });

  it('uses an existing client and owner', async () => {
    const created = await t.manager.post(
      '/engagements/setup',
      body({
        client: undefined,
        clientId: t.a.clientId,
        priorities: [{ title: 'Expand', ownerId: t.a.ownerId, targetDate: '2026-06-30', milestones: [] }],
      }),
    );
    expectStatus(created, 201);
    expect(created.body).toMatchObject({ clientCreated: false, engagement: { clientId: t.a.clientId } });
    expect(created.body.priorities[0]).toMatchObject({ ownerId: t.a.ownerId, ownerCreated: false, rank: 1 });
  });

  it('answers 400 naming the field path, and writes nothing', async () => {
    const bad = body();
    (bad.priorities[1]!.milestones[0] as { dueDate: string }).dueDate = '2026-02-30';
    const answer = await refused(bad, 400);
    expect(answer.errors.map((e: { field: string }) => e.field)).toEqual(['priorities[1].milestones[0].dueDate']);

    const inverted = body();
    inverted.priorities[2]!.targetDate = '2026-01-01';
    expect((await refused(inverted, 400)).errors).toEqual([
      { field: 'priorities[2].targetDate', problems: ['targetDate must not be before startDate'] },
    ]);

    const noOwner = body();
    delete (noOwner.priorities[0] as { owner?: unknown }).owner;
    expect((await refused(noOwner, 400)).errors[0].field).toBe('priorities[0].ownerId');

    expect((await refused(body({ clientId: t.a.clientId }), 400)).errors[0].field).toBe('clientId');
    expect((await refused(body({ function: 'CPO' }), 400)).errors[0].field).toBe('function');
    const badClient = await refused(body({ client: { name: ' ', stage: 'huge' } }), 400);
    expect(badClient.errors.map((e: { field: string }) => e.field).sort()).toEqual(['client.name', 'client.stage']);
  });

  it("answers 404 for another tenant's client, executive or owner, and writes nothing", async () => {
    expect((await refused(body({ client: undefined, clientId: other.a.clientId }), 404)).code).toBe('CLIENT.NOT_FOUND');
    expect((await refused(body({ executiveId: other.a.executiveId }), 404)).code).toBe('EXECUTIVE.NOT_FOUND');
    const foreign = body({
      client: undefined,
      clientId: t.a.clientId,
      priorities: [{ title: 'X', ownerId: other.a.ownerId, targetDate: '2026-06-30', milestones: [] }],
    });
    expect((await refused(foreign, 404)).code).toBe('OWNER.NOT_FOUND');
    // An owner of this organization at another client: the field is wrong, not missing.
    const elsewhere = body({
      priorities: [{ title: 'X', ownerId: t.b.ownerId, targetDate: '2026-06-30', milestones: [] }],
    });
    expect((await refused(elsewhere, 400)).errors[0].field).toBe('priorities[0].ownerId');
  });

  it('holds to the focus cap: a sixth active priority is refused with 422 and nothing is written', async () => {
    const six = Array.from({ length: 6 }, (_, i) => ({
      title: `P${i + 1}`,
      ownerId: t.a.ownerId,
      targetDate: '2026-06-30',
      milestones: [{ title: `M${i + 1}`, dueDate: '2026-05-01' }],
    }));
    const answer = await refused(body({ client: undefined, clientId: t.a.clientId, priorities: six }), 422);
    expect(answer).toMatchObject({
      code: 'PRIORITY.FOCUS_CAP_EXCEEDED',
      details: { activePriorities: 6, focusCap: 5 },
    });
  });

  it('is for admins and account managers only', async () => {
    await refused(body(), 403, { ...t, manager: t.executive });
    await refused(body(), 403, { ...t, manager: t.clientViewer });
  });
});

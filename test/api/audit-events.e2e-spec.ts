import { createTenant, expectStatus, startTestApi, type Tenant, type TestApi } from '@test/support';

/** GET /audit-events (admin): each filter alone and combined, over the real audit trail the API writes. */
describe('GET /audit-events filters', () => {
  let api: TestApi;
  let home: Tenant;
  let clientId: string;
  let midpoint: string;

  beforeAll(async () => {
    api = await startTestApi();
    home = await createTenant(api.http, 'Audit');
    const client = await home.manager.post('/clients', { name: 'Audited Corp', stage: 'growth' });
    expectStatus(client, 201);
    clientId = client.body.id;
    await new Promise((r) => setTimeout(r, 20));
    midpoint = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    expectStatus(await home.admin.patch(`/clients/${clientId}`, { industry: 'Robotics' }), 200);
    expectStatus(await home.admin.patch(`/users/${home.users.executive}/role`, { role: 'account_manager' }), 200);
  });
  afterAll(() => api.close());

  const actions = (body: { items: Array<{ action: string }> }) => body.items.map((e) => e.action);

  it('filters by entity type and entity id', async () => {
    const byEntity = await home.admin.get(`/audit-events?entityType=client&entityId=${clientId}&order=asc`);
    expectStatus(byEntity, 200);
    expect(actions(byEntity.body)).toEqual(['client.created', 'client.updated']);
    expect(byEntity.body.total).toBe(2);
  });

  it('filters by actor and by action', async () => {
    const byManager = await home.admin.get(`/audit-events?entityId=${clientId}&actorId=${home.users.manager}`);
    expect(actions(byManager.body)).toEqual(['client.created']);
    const roleChanges = await home.admin.get('/audit-events?action=user.role_changed');
    expect(roleChanges.body.items).toEqual([
      expect.objectContaining({
        action: 'user.role_changed',
        entityId: home.users.executive,
        actorId: home.users.admin,
      }),
    ]);
  });

  it('filters by time: from is inclusive, to exclusive', async () => {
    const after = await home.admin.get(`/audit-events?entityId=${clientId}&from=${encodeURIComponent(midpoint)}`);
    expect(actions(after.body)).toEqual(['client.updated']);
    const before = await home.admin.get(`/audit-events?entityId=${clientId}&to=${encodeURIComponent(midpoint)}`);
    expect(actions(before.body)).toEqual(['client.created']);
    const none = await home.admin.get(
      `/audit-events?entityId=${clientId}&from=${encodeURIComponent(midpoint)}&to=${encodeURIComponent(midpoint)}`,
    );
    expect(none.body).toMatchObject({ items: [], total: 0 });
  });

  it('refuses malformed filters with 400 naming the field, and every role but admin with 403', async () => {
    for (const [query, field] of [
      ['from=yesterday', 'from'],
      ['to=2026-13-40T00:00:00Z', 'to'],
      ['action=DROP%20TABLE', 'action'],
      ['limit=101', 'limit'],
      ['entityId=nope', 'entityId'],
    ]) {
      const refused = await home.admin.get(`/audit-events?${query}`);
      expectStatus(refused, 400);
      expect(refused.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    }
    // (the executive was promoted above: its old token no longer works at all)
    for (const role of ['manager', 'clientViewer'] as const) expectStatus(await home[role].get('/audit-events'), 403);
  });
});

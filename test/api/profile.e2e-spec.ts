import { createTenant, expectStatus, startTestApi, type Tenant, type TestApi } from '@test/support';

/** PATCH /me: a user's own name and timezone (the dashboard's settings page). */
describe('PATCH /me', () => {
  let api: TestApi;
  let t: Tenant;

  beforeAll(async () => {
    api = await startTestApi();
    t = await createTenant(api.http, 'Profile');
  });
  afterAll(() => api.close());

  it('sets the timezone and name, answers the new /me, and audits the change', async () => {
    const response = await t.executive.patch('/me', { timezone: 'America/Chicago', name: '  Erin Exec  ' });
    expectStatus(response, 200);
    expect(response.body).toMatchObject({
      id: t.users.executive,
      timezone: 'America/Chicago',
      name: 'Erin Exec',
      organizationTimezone: expect.any(String),
      executiveIds: [t.a.executiveId],
    });
    expect((await t.executive.get('/me')).body).toMatchObject({ timezone: 'America/Chicago', name: 'Erin Exec' });
    const [event] = await api.dataSource.query(
      `SELECT action, before, after FROM audit_events WHERE organization_id = $1 AND entity_id = $2 AND action = 'user.profile_updated' ORDER BY created_at DESC LIMIT 1`,
      [t.organizationId, t.users.executive],
    );
    expect(event).toMatchObject({ after: { timezone: 'America/Chicago', name: 'Erin Exec' } });
  });

  it("null goes back to the organization's timezone", async () => {
    expectStatus(await t.manager.patch('/me', { timezone: 'Europe/Paris' }), 200);
    const response = await t.manager.patch('/me', { timezone: null });
    expectStatus(response, 200);
    expect(response.body.timezone).toBeNull();
  });

  it('refuses an unknown timezone, a blank name and fields that are not self-service, naming each field', async () => {
    const badZone = await t.clientViewer.patch('/me', { timezone: 'Mars/Olympus_Mons' });
    expectStatus(badZone, 400);
    expect(badZone.body.errors.map((e: { field: string }) => e.field)).toEqual(['timezone']);
    const blank = await t.clientViewer.patch('/me', { name: '   ' });
    expectStatus(blank, 400);
    expect(blank.body.errors).toEqual([{ field: 'name', problems: ['name must not be blank'] }]);
    const role = await t.clientViewer.patch('/me', { role: 'admin' });
    expectStatus(role, 400);
    expect(role.body.errors.map((e: { field: string }) => e.field)).toEqual(['role']);
    expect((await t.clientViewer.get('/me')).body.role).toBe('client_viewer');
  });

  it('needs an access token', async () => {
    expectStatus(await api.http.patch('/me', { timezone: 'UTC' }), 401);
  });
});

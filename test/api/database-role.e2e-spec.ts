import { runForOrganization } from '@app/database';
import { createTenant, expectStatus, startTestApi, type Tenant, type TestApi } from '@test/support';

/**
 * The API as PostgreSQL sees it (issue 6): it connects as throughline_app, not as the owner, and on a pool of one
 * connection every request's tenant ends with its transaction, so the next request of another organization, and
 * anything else the connection serves, starts with no tenant at all.
 */
describe('the API connects as throughline_app and leaves no tenant on its pooled connection', () => {
  let api: TestApi;
  let a: Tenant;
  let b: Tenant;

  /** Straight from the API's pool (its only connection), bypassing Db: what the next user of it would inherit. */
  async function leftOnConnection(): Promise<{
    role: string;
    organization: string | null;
    crossTenant: string | null;
  }> {
    const pool = (
      api.appDataSource.driver as unknown as {
        master: { query(sql: string): Promise<{ rows: Array<Record<string, string | null>> }> };
      }
    ).master;
    const { rows } = await pool.query(
      `SELECT current_user AS role, current_setting('app.organization_id', true) AS organization, current_setting('app.cross_tenant', true) AS cross`,
    );
    return {
      role: rows[0].role!,
      organization: rows[0].organization || null,
      crossTenant: rows[0].cross === 'on' ? 'on' : null,
    };
  }

  beforeAll(async () => {
    api = await startTestApi({ DATABASE_POOL_SIZE: '1' });
    a = await createTenant(api.http, 'Pool A');
    b = await createTenant(api.http, 'Pool B');
  });
  afterAll(() => api.close());

  it('connects as throughline_app, which row-level security applies to', async () => {
    const [row]: Array<{ role: string; superuser: string }> = await runForOrganization(a.organizationId, () =>
      api.appDataSource.query(`SELECT current_user AS role, current_setting('is_superuser') AS superuser`),
    );
    expect(row).toEqual({ role: 'throughline_app', superuser: 'off' });
  });

  it('after requests of A (reads and a write) the connection carries no tenant, and B then sees only B', async () => {
    expectStatus(await a.manager.get('/clients'), 200);
    expect(await leftOnConnection()).toEqual({ role: 'throughline_app', organization: null, crossTenant: null });
    expectStatus(await a.manager.patch(`/clients/${a.a.clientId}`, { industry: 'Pooled' }), 200);
    expect(await leftOnConnection()).toEqual({ role: 'throughline_app', organization: null, crossTenant: null });

    const list = await b.manager.get('/clients?limit=100');
    expectStatus(list, 200);
    const ids = (list.body.items as Array<{ id: string }>).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([b.a.clientId, b.b.clientId]));
    expect(ids).not.toContain(a.a.clientId);
    expectStatus(await b.manager.get(`/clients/${a.a.clientId}`), 404);
    expect(await leftOnConnection()).toEqual({ role: 'throughline_app', organization: null, crossTenant: null });
  });

  it('after the system lookups of a login and a refresh the connection carries no cross-tenant setting', async () => {
    const login = await api.http.post('/auth/login', {
      email: a.emails.admin,
      password: 'correct-horse-battery-staple',
    });
    expectStatus(login, 200);
    expect(await leftOnConnection()).toEqual({ role: 'throughline_app', organization: null, crossTenant: null });
    expectStatus(await api.http.post('/auth/refresh', { refreshToken: login.body.refreshToken }), 200);
    expect(await leftOnConnection()).toEqual({ role: 'throughline_app', organization: null, crossTenant: null });
  });
});

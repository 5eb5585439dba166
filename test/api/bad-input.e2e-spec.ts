import { createTenant, startTestApi, type TestApi, type Tenant } from '@app/testing';

describe('probe', () => {
  let api: TestApi;
  let t: Tenant;
  beforeAll(async () => {
    api = await startTestApi();
    t = await createTenant(api.http, 'Probe');
  });
  afterAll(() => api.close());
  it('probes', async () => {
    const show = (label: string, r: { status: number; body: unknown }) => process.stdout.write(`\n### ${label}: ${r.status} ${JSON.stringify(r.body)}\n`);
    show('search nul', await t.manager.get('/clients?search=a%00b'));
    show('audit nul', await t.admin.get('/audit-events?entityType=a%00b'));
    show('completedAt bad', await t.manager.post(`/milestones/${t.a.milestoneId}/complete`, { completedAt: '2026-02-30T10:00:00Z' }));
    show('status dup', await t.manager.get('/engagements?status=active&status=paused'));
    show('logout nobody', await t.manager.request('POST', '/auth/logout'));
    show('dpw 1e400', await t.manager.request('POST', '/engagements', `{"clientId":"${t.a.clientId}","executiveId":"${t.a.executiveId}","function":"CRO","startDate":"2026-01-01","daysPerWeek":1e400}`));
    show('leap', await t.manager.post('/engagements', { clientId: t.a.clientId, executiveId: t.a.executiveId, function: 'CRO', startDate: '2026-02-29', daysPerWeek: 2 }));
    show('alloc', await t.manager.post(`/engagements/${t.a.engagementId}/allocation-changes`, { effectiveDate: '2026-03-01', daysPerWeek: 0, reason: ' ' }));
    show('alloc hist', await t.manager.get(`/engagements/${t.a.engagementId}/allocation-changes`));
    show('owner other client', await t.manager.post(`/engagements/${t.a.engagementId}/priorities`, { title: 'x', ownerId: t.b.ownerId, startDate: '2026-01-05', targetDate: '2026-06-01' }));
    show('users', await t.admin.get('/users'));
    show('forbidden', await t.executive.post('/clients', { name: 'X', stage: 'growth' }));
    show('route', await t.manager.get('/nope'));
    show('nf', await t.manager.get('/engagements/00000000-0000-4000-8000-000000000000'));
    show('nil uuid', await t.manager.get('/engagements/00000000-0000-0000-0000-000000000000'));
    show('uuid upper', await t.manager.get(`/engagements/${t.a.engagementId.toUpperCase()}`));
    show('org settings', await t.admin.get('/organization/settings'));
  });
});

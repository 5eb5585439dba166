import { createTenant, startTestApi, type TestApi } from '@app/testing';
import { writeFileSync } from 'node:fs';

describe('probe', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startTestApi(); });
  afterAll(() => api.close());
  it('probes', async () => {
    const f = api.app.getHttpAdapter().getInstance();
    writeFileSync('/tmp/probe/routes.txt', f.printRoutes({ commonPrefix: false }) + '\n=====\n' + f.printRoutes());
    const doc = await (await fetch(`${api.baseUrl}/api/docs-json`)).json();
    writeFileSync('/tmp/probe/doc.json', JSON.stringify(doc, null, 2));
    const t = await createTenant(api.http);
    const r1 = await t.manager.patch(`/priorities/${t.a.priorityId}`, { title: null });
    const r2 = await t.manager.patch(`/priorities/${t.a.priorityId}`, { startDate: null });
    const r3 = await t.manager.patch(`/priorities/${t.a.priorityId}`, { ownerId: null });
    const r4 = await t.manager.patch(`/priorities/${t.a.priorityId}`, { status: null });
    const r5 = await t.manager.get(`/clients?offset=50`);
    writeFileSync('/tmp/probe/r.json', JSON.stringify([r1, r2, r3, r4, r5].map((r) => [r.status, r.body]), null, 1));
  });
});

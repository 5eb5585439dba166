import {
  createTenant,
  expectStatus,
  pdfText,
  rowCounts,
  startTestApi,
  type HttpClient,
  type Tenant,
  type TestApi,
} from '@test/support';

/**
 * Period reports (QBRs, issue 18 item 4): a frozen snapshot as JSON and PDF, read by everyone who may see the
 * engagement, and share links that open it without login until they expire or are revoked, each view audited.
 */
describe('period reports and share links', () => {
  let api: TestApi;
  let tenant: Tenant;
  let other: Tenant;
  let reportId: string;
  const PERIOD = { periodStart: '2026-01-05', periodEnd: '2026-12-31' };

  const pdfOf = async (client: HttpClient, path: string) => {
    const response = await fetch(`${client.baseUrl}${path}`, {
      headers: client.token ? { authorization: `Bearer ${client.token}` } : {},
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: Buffer.from(await response.arrayBuffer()),
    };
  };
  const tokenOf = (url: string) => url.split('/shared/reports/')[1]!;

  beforeAll(async () => {
    api = await startTestApi();
    tenant = await createTenant(api.http, 'Reports');
    other = await createTenant(api.http, 'Reports other');
    const { a, manager } = tenant;
    // A period's story: one milestone landed late against its baseline, one re-planned with a reason, a blocker.
    const late = await manager.post(`/priorities/${a.priorityId}/milestones`, {
      title: 'Stage definitions',
      dueDate: '2026-02-01',
    });
    expectStatus(late, 201);
    expectStatus(
      await manager.post(`/milestones/${late.body.id}/complete`, { completedAt: '2026-02-11T12:00:00Z' }),
      200,
    );
    expectStatus(
      await manager.post(`/milestones/${a.milestoneId}/replan`, {
        dueDate: '2026-07-31',
        reason: 'Client IT delayed the CRM export',
        category: 'client',
      }),
      200,
    );
    expectStatus(
      await manager.post(`/priorities/${a.priorityId}/check-ins`, {
        rag: 'at_risk',
        confidence: 5,
        note: 'Pipeline review moved',
        blockers: 'Waiting on the CRM export',
      }),
      201,
    );
  });
  afterAll(() => api.close());

  it('freezes the period: what landed against baseline, the slips with reasons, blockers, the next period', async () => {
    const created = await tenant.manager.post(`/engagements/${tenant.a.engagementId}/reports`, PERIOD);
    expectStatus(created, 201);
    reportId = created.body.id;
    const content = created.body.content;
    expect(content.landed).toEqual([
      expect.objectContaining({ title: 'Stage definitions', baselineDueDate: '2026-02-01', daysLate: 10 }),
    ]);
    expect(content.slips).toEqual([
      expect.objectContaining({
        title: 'Milestone A',
        fromDate: '2026-06-30',
        toDate: '2026-07-31',
        days: 31,
        reason: 'Client IT delayed the CRM export',
      }),
    ]);
    expect(content.blockers).toEqual([expect.objectContaining({ text: 'Waiting on the CRM export' })]);
    expect(content.headline).toMatch(/^1 milestone landed \(0 on time\); 1 re-plan moved dates by 31 days/);
    expect(content.nextPeriodPriorities.map((p: { title: string }) => p.title)).toEqual(['Priority A']);
    // Only client-facing facts: no allocation, no emails, no audit.
    expect(JSON.stringify(content)).not.toMatch(/daysPerWeek|allocation|@example\.com|audit/i);

    const audit = await tenant.admin.get(`/audit-events?entityType=report&entityId=${reportId}`);
    expectStatus(audit, 200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('report.created');
  });

  it('stays frozen when the engagement changes afterwards', async () => {
    const before = await tenant.manager.get(`/reports/${reportId}`);
    expectStatus(
      await tenant.manager.post(`/milestones/${tenant.a.milestoneId}/replan`, {
        dueDate: '2026-09-30',
        reason: 'Scope grew',
        category: 'scope',
      }),
      200,
    );
    const after = await tenant.manager.get(`/reports/${reportId}`);
    expect(after.body).toEqual(before.body);
  });

  it('renders a PDF that a PDF reader parses, naming the engagement, the period and the slipped milestone', async () => {
    const pdf = await pdfOf(tenant.manager, `/reports/${reportId}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pdfText(pdf.body)).join('\n');
    expect(text).toContain('A Corp');
    expect(text).toContain('2026-01-05 to 2026-12-31');
    expect(text).toContain('Milestone A');
    expect(text).toContain('Client IT delayed the CRM export');
  });

  it('is readable by whoever may see the engagement, and only created by managers', async () => {
    expectStatus(await tenant.clientViewer.get(`/reports/${reportId}`), 200);
    expectStatus(await tenant.executive.get(`/reports/${reportId}`), 200);
    const listed = await tenant.clientViewer.get(`/engagements/${tenant.a.engagementId}/reports`);
    expectStatus(listed, 200);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: reportId, headline: expect.any(String) })]);
    const refused = await tenant.clientViewer.post(`/engagements/${tenant.a.engagementId}/reports`, PERIOD);
    expectStatus(refused, 403);
    // Client B's engagement is out of the client viewer's reach; another organization's report does not exist.
    const ofB = await tenant.manager.post(`/engagements/${tenant.b.engagementId}/reports`, PERIOD);
    expectStatus(ofB, 201);
    expectStatus(await tenant.clientViewer.get(`/reports/${ofB.body.id}`), 404);
    expectStatus(await other.admin.get(`/reports/${reportId}`), 404);
    expectStatus(await other.admin.post(`/reports/${reportId}/share-links`, { expiresInDays: 7 }), 404);
  });

  it('refuses a period outside the engagement, reversed or malformed, writing nothing', async () => {
    const counts = await rowCounts(api.dataSource, tenant.organizationId);
    const path = `/engagements/${tenant.a.engagementId}/reports`;
    const outside = await tenant.manager.post(path, { periodStart: '2025-01-01', periodEnd: '2025-03-31' });
    expectStatus(outside, 422);
    expect(outside.body.code).toBe('REPORT.PERIOD_OUTSIDE_ENGAGEMENT');
    const reversed = await tenant.manager.post(path, { periodStart: '2026-03-31', periodEnd: '2026-01-01' });
    expectStatus(reversed, 422);
    expect(reversed.body.code).toBe('REPORT.PERIOD_REVERSED');
    const malformed = await tenant.manager.post(path, { periodStart: '2026-02-30', periodEnd: '2026-03-31' });
    expectStatus(malformed, 400);
    expect(JSON.stringify(malformed.body)).toContain('periodStart');
    expect(await rowCounts(api.dataSource, tenant.organizationId)).toEqual(counts);
  });

  it('opens by share link without login, counts and audits each view, and ends on revoke or expiry', async () => {
    const created = await tenant.manager.post(`/reports/${reportId}/share-links`, { expiresInDays: 14 });
    expectStatus(created, 201);
    expect(created.body.url).toMatch(/^http:\/\/.+\/shared\/reports\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(created.body.url);
    // The token is stored only as its hash.
    const stored = await api.dataSource.query(`SELECT token_hash FROM report_share_links WHERE id = $1`, [
      created.body.id,
    ]);
    expect(stored[0].token_hash).not.toContain(token);

    const viewed = await api.http.get(`/shared-reports/${token}`);
    expectStatus(viewed, 200);
    expect(viewed.body.content.slips[0].title).toBe('Milestone A');
    const pdf = await pdfOf(api.http, `/shared-reports/${token}/pdf`);
    expect(pdf.status).toBe(200);
    const links = await tenant.manager.get(`/reports/${reportId}/share-links`);
    expect(links.body.items).toEqual([expect.objectContaining({ id: created.body.id, viewCount: 2 })]);
    const views = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE organization_id = $1 AND action = 'report.viewed_by_link' AND entity_id = $2`,
      [tenant.organizationId, reportId],
    );
    expect(views[0].n).toBe(2);

    // Another organization cannot revoke it; its own manager can, and then the link answers 410.
    expectStatus(await other.admin.request('DELETE', `/report-share-links/${created.body.id}`), 404);
    expectStatus(await tenant.clientViewer.request('DELETE', `/report-share-links/${created.body.id}`), 403);
    const revoked = await tenant.manager.request('DELETE', `/report-share-links/${created.body.id}`);
    expectStatus(revoked, 200);
    expect(revoked.body.revokedAt).not.toBeNull();
    const gone = await api.http.get(`/shared-reports/${token}`);
    expectStatus(gone, 410);
    expect(gone.body.code).toBe('REPORT.SHARE_LINK_ENDED');

    const expiring = await tenant.manager.post(`/reports/${reportId}/share-links`, { expiresInDays: 1 });
    await api.dataSource.query(`UPDATE report_share_links SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      expiring.body.id,
    ]);
    expectStatus(await api.http.get(`/shared-reports/${tokenOf(expiring.body.url)}`), 410);
  });

  it('answers 404 to unknown, malformed and tampered tokens, and 400 to a bad expiry', async () => {
    const created = await tenant.manager.post(`/reports/${reportId}/share-links`, { expiresInDays: 3 });
    const token = tokenOf(created.body.url);
    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    for (const t of [tampered, 'x'.repeat(43), 'short', '%27%20OR%201%3D1'])
      expectStatus(await api.http.get(`/shared-reports/${t}`), 404);
    for (const expiresInDays of [0, 91, 'soon'])
      expectStatus(await tenant.manager.post(`/reports/${reportId}/share-links`, { expiresInDays }), 400);
  });
});

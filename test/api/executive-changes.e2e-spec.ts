import { DriftScanService } from '@app/domain';
import {
  createTenant,
  createUser,
  expectStatus,
  login,
  pdfText,
  rowCounts,
  startTestApi,
  TEST_PASSWORD,
  type HttpClient,
  type Tenant,
  type TestApi,
} from '@test/support';

/**
 * Change of executive (issue 17, item 3): POST /engagements/:id/executive-changes replaces the placed executive from
 * an effective date; access moves from the old to the new executive on that date (at once when it is today or
 * earlier, else with the organization's scan on the date); priorities, owners and milestones stay. Each change
 * freezes a handover pack (JSON and PDF) and notifies the account manager, both executives and the client viewers.
 * Today is 2026-03-20 until the test moves it.
 */
describe('executive changes and the handover pack', () => {
  let api: TestApi;
  let t: Tenant;
  let other: Tenant;
  let eli: { executiveId: string; client: HttpClient; email: string };
  let changeId: string;
  const tag = Date.now().toString(36);

  const path = () => `/engagements/${t.a.engagementId}/executive-changes`;
  const outbox = async () =>
    (await api.dataSource.query(
      `SELECT lower(recipient_email) AS email, payload->>'subject' AS subject, payload->>'text' AS text FROM outbox
        WHERE organization_id = $1 AND event = 'engagement.executive_changed' ORDER BY recipient_email`,
      [t.organizationId],
    )) as Array<{ email: string; subject: string; text: string }>;
  const pdfOf = async (client: HttpClient, url: string) => {
    const response = await fetch(`${client.baseUrl}${url}`, { headers: { authorization: `Bearer ${client.token}` } });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: Buffer.from(await response.arrayBuffer()),
    };
  };

  beforeAll(async () => {
    api = await startTestApi();
    api.setNow(new Date('2026-03-20T09:00:00Z'));
    t = await createTenant(api.http, 'Handover');
    other = await createTenant(api.http, 'Handover other');
    expectStatus(await t.manager.patch(`/clients/${t.a.clientId}`, { accountManagerId: t.users.manager }), 200);
    // The incoming executive, with a user account of their own.
    const email = `eli-${tag}@firm.test`;
    const user = await createUser(t.admin, { email, name: 'Eli Incoming', role: 'executive', password: TEST_PASSWORD });
    expectStatus(user, 201);
    const profile = await t.manager.post('/executives', {
      name: 'Eli Incoming',
      email: `eli-profile-${tag}@example.com`,
      functions: ['CRO'],
      userId: user.body.id,
    });
    expectStatus(profile, 201);
    eli = {
      executiveId: profile.body.id,
      client: await login(api.http, email),
      email: `eli-profile-${tag}@example.com`,
    };
    // What the pack must carry: a re-plan with its reason, a blocker, an open alert.
    expectStatus(
      await t.manager.post(`/milestones/${t.a.milestoneId}/replan`, {
        dueDate: '2026-07-31',
        reason: 'Client IT delayed the CRM export',
        category: 'client',
      }),
      200,
    );
    expectStatus(
      await t.executive.post(`/priorities/${t.a.priorityId}/check-ins`, {
        rag: 'at_risk',
        confidence: 4,
        note: 'Hiring stalled',
        blockers: 'Waiting on the CFO sign-off',
      }),
      201,
    );
    await api.dataSource.query(
      `INSERT INTO drift_alerts (organization_id, rule, subject_type, subject_id, engagement_id, severity, status, message, first_seen_at, last_seen_at)
       VALUES ($1, 'focus_overload', 'engagement', $2, $2, 'warning', 'open', 'Too many active priorities', now(), now())`,
      [t.organizationId, t.a.engagementId],
    );
  });
  afterAll(() => api?.close());

  it('refuses bad input with a code naming the rule or the field, writing nothing', async () => {
    const before = await rowCounts(api.dataSource, t.organizationId);
    const body = { executiveId: eli.executiveId, effectiveDate: '2026-04-01', reason: 'Dana moves on' };
    const early = await t.manager.post(path(), { ...body, effectiveDate: '2026-01-04' });
    expectStatus(early, 422);
    expect(early.body.code).toBe('EXECUTIVE_CHANGE.BEFORE_START');
    const same = await t.manager.post(path(), { ...body, executiveId: t.a.executiveId });
    expectStatus(same, 422);
    expect(same.body.code).toBe('EXECUTIVE_CHANGE.SAME_EXECUTIVE');
    const unknown = await t.manager.post(path(), { ...body, executiveId: '00000000-0000-4000-8000-000000000000' });
    expectStatus(unknown, 404);
    expect(unknown.body.code).toBe('EXECUTIVE.NOT_FOUND');
    const foreignExecutive = await t.manager.post(path(), { ...body, executiveId: other.a.executiveId });
    expectStatus(foreignExecutive, 404);
    expect(foreignExecutive.body.code).toBe('EXECUTIVE.NOT_FOUND');
    const foreignEngagement = await other.manager.post(path(), { ...body, executiveId: other.a.executiveId });
    expectStatus(foreignEngagement, 404);
    const malformed = await t.manager.post(path(), { ...body, effectiveDate: '2026-02-30' });
    expectStatus(malformed, 400);
    expect(JSON.stringify(malformed.body)).toContain('effectiveDate');
    const blank = await t.manager.post(path(), { ...body, reason: '   ' });
    expectStatus(blank, 400);
    expect(JSON.stringify(blank.body)).toContain('reason');
    expectStatus(await t.executive.post(path(), body), 403);
    expectStatus(await t.clientViewer.post(path(), body), 403);
    expect(await rowCounts(api.dataSource, t.organizationId)).toEqual(before);
  });

  it('books a change for a later date: access stays with the old executive until then, the pack is frozen now', async () => {
    const created = await t.manager.post(path(), {
      executiveId: eli.executiveId,
      effectiveDate: '2026-04-01',
      reason: 'Dana moves to a full-time role',
    });
    expectStatus(created, 201);
    changeId = created.body.id;
    expect(created.body).toMatchObject({
      engagementId: t.a.engagementId,
      fromExecutiveId: t.a.executiveId,
      fromExecutiveName: 'Exec A',
      toExecutiveId: eli.executiveId,
      toExecutiveName: 'Eli Incoming',
      effectiveDate: '2026-04-01',
      appliedAt: null,
    });
    expectStatus(await t.executive.get(`/engagements/${t.a.engagementId}`), 200);
    expectStatus(await eli.client.get(`/engagements/${t.a.engagementId}`), 404);
    expectStatus(await eli.client.get(`/executive-changes/${changeId}`), 404);

    const overlap = await t.manager.post(path(), {
      executiveId: t.b.executiveId,
      effectiveDate: '2026-05-01',
      reason: 'Another change while one waits',
    });
    expectStatus(overlap, 422);
    expect(overlap.body.code).toBe('EXECUTIVE_CHANGE.OVERLAP');
  });

  it("holds the handover pack's contents: open priorities, re-plans with reasons, check-ins, alerts, allocation, people", async () => {
    const got = await t.manager.get(`/executive-changes/${changeId}`);
    expectStatus(got, 200);
    const pack = got.body.handover;
    expect(pack).toMatchObject({
      clientName: expect.stringContaining('A Corp'),
      fromExecutiveName: 'Exec A',
      toExecutiveName: 'Eli Incoming',
      effectiveDate: '2026-04-01',
      reason: 'Dana moves to a full-time role',
      generatedOn: '2026-03-20',
    });
    expect(pack.priorities).toEqual([
      expect.objectContaining({
        title: 'Priority A',
        ownerName: 'Owner A',
        ownerTitle: 'VP Sales',
        health: expect.any(String),
        confidenceTrend: [expect.objectContaining({ confidence: 7 }), expect.objectContaining({ confidence: 4 })],
        confidenceChange: -3,
        milestones: [
          expect.objectContaining({
            title: 'Milestone A',
            baselineDueDate: '2026-06-30',
            dueDate: '2026-07-31',
            slipDays: 31,
            replans: [
              expect.objectContaining({
                fromDate: '2026-06-30',
                toDate: '2026-07-31',
                reason: 'Client IT delayed the CRM export',
                category: 'client',
              }),
            ],
          }),
        ],
      }),
    ]);
    expect(pack.checkIns.map((c: { note: string }) => c.note)).toEqual(['Hiring stalled', 'Check-in A']);
    expect(pack.blockers).toEqual([expect.objectContaining({ text: 'Waiting on the CFO sign-off' })]);
    expect(pack.unacknowledgedCheckIns).toHaveLength(2);
    expect(pack.openAlerts).toEqual([expect.objectContaining({ rule: 'focus_overload', severity: 'warning' })]);
    expect(pack.allocationHistory).toEqual([expect.objectContaining({ daysPerWeek: 2, reason: 'Initial allocation' })]);
    expect(pack.people).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Owner A', role: 'Accountability owner', owns: ['Priority A'] }),
        expect.objectContaining({ role: 'Client viewer', email: t.emails.clientViewer }),
      ]),
    );
    expect(pack.summary).toMatchObject({ openPriorities: 1, openMilestones: 1, replans: 1, openAlerts: 1 });

    // The client viewer reads it without the commercial part; the history lists it for everyone in reach.
    const forClient = await t.clientViewer.get(`/executive-changes/${changeId}`);
    expectStatus(forClient, 200);
    expect(forClient.body.handover).not.toHaveProperty('allocationHistory');
    expect(JSON.stringify(forClient.body)).not.toContain('daysPerWeek');
    const history = await t.clientViewer.get(path());
    expectStatus(history, 200);
    expect(history.body.items).toEqual([
      expect.objectContaining({ id: changeId, toExecutiveName: 'Eli Incoming', headline: expect.any(String) }),
    ]);
    expectStatus(await other.admin.get(`/executive-changes/${changeId}`), 404);

    // Frozen: a later change to the engagement does not alter it.
    expectStatus(
      await t.manager.post(`/milestones/${t.a.milestoneId}/replan`, {
        dueDate: '2026-08-31',
        reason: 'Scope grew',
        category: 'scope',
      }),
      200,
    );
    expect((await t.manager.get(`/executive-changes/${changeId}`)).body).toEqual(got.body);
  });

  it('renders the pack as a PDF', async () => {
    const pdf = await pdfOf(t.manager, `/executive-changes/${changeId}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    const text = (await pdfText(pdf.body)).join('\n');
    expect(text).toContain('HANDOVER PACK');
    expect(text).toContain('Eli Incoming');
    expect(text).toContain('Client IT delayed the CRM export');
    expect(text).toContain('Allocation history');
    const forClient = (await pdfText((await pdfOf(t.clientViewer, `/executive-changes/${changeId}/pdf`)).body)).join(
      '\n',
    );
    expect(forClient).not.toContain('Allocation history');
  });

  it('notifies the account manager, both executives and the client viewer, and audits the change', async () => {
    const emails = await outbox();
    const outgoing = (await t.manager.get(`/executives/${t.a.executiveId}`)).body.email as string;
    expect(emails.map((e) => e.email).sort()).toEqual(
      [t.emails.manager, outgoing, eli.email, t.emails.clientViewer].map((e) => e.toLowerCase()).sort(),
    );
    for (const e of emails) {
      expect(e.subject).toContain('Eli Incoming takes over as CRO on 2026-04-01');
      expect(e.text).toContain(`/handovers/${changeId}`);
    }
    const audit = await t.admin.get(`/audit-events?entityType=engagement&entityId=${t.a.engagementId}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('engagement.executive_change_recorded');
  });

  it('moves access on the effective date; priorities, owners and milestones stay; the portfolio marks it for 30 days', async () => {
    const prioritiesBefore = (await t.manager.get(`/engagements/${t.a.engagementId}/summary`)).body.priorities;
    api.setNow(new Date('2026-04-01T08:00:00Z'));
    await api.app.get(DriftScanService).scanOrganization(t.organizationId);

    expectStatus(await eli.client.get(`/engagements/${t.a.engagementId}`), 200);
    expectStatus(await eli.client.get(`/executive-changes/${changeId}`), 200);
    expectStatus(await t.executive.get(`/engagements/${t.a.engagementId}`), 404);
    expectStatus(await t.executive.get(`/executive-changes/${changeId}`), 404);
    const engagement = await t.manager.get(`/engagements/${t.a.engagementId}`);
    expect(engagement.body).toMatchObject({ executiveId: eli.executiveId, executiveName: 'Eli Incoming' });
    const summary = await t.manager.get(`/engagements/${t.a.engagementId}/summary`);
    expect(summary.body.priorities.map((p: { id: string; owner: { id: string } }) => [p.id, p.owner.id])).toEqual(
      prioritiesBefore.map((p: { id: string; owner: { id: string } }) => [p.id, p.owner.id]),
    );
    const applied = await t.manager.get(`/executive-changes/${changeId}`);
    expect(applied.body.appliedAt).toEqual(expect.any(String));

    const portfolio = await t.manager.get('/portfolio');
    const item = (id: string) =>
      portfolio.body.items.find((i: { engagementId: string }) => i.engagementId === id) as {
        executiveChangedOn: string | null;
      };
    expect(item(t.a.engagementId).executiveChangedOn).toBe('2026-04-01');
    expect(item(t.b.engagementId).executiveChangedOn).toBeNull();
    api.setNow(new Date('2026-05-01T08:00:00Z'));
    const later = await t.manager.get('/portfolio');
    expect(
      later.body.items.find((i: { engagementId: string }) => i.engagementId === t.a.engagementId).executiveChangedOn,
    ).toBeNull();

    // A change may not go back before the last one.
    const back = await t.manager.post(path(), {
      executiveId: t.a.executiveId,
      effectiveDate: '2026-03-25',
      reason: 'Undo',
    });
    expectStatus(back, 422);
    expect(back.body.code).toBe('EXECUTIVE_CHANGE.OVERLAP');
  });

  it('applies a change effective today at once', async () => {
    const created = await t.admin.post(`/engagements/${t.b.engagementId}/executive-changes`, {
      executiveId: t.a.executiveId,
      effectiveDate: '2026-05-01',
      reason: 'Exec A takes client B over',
    });
    expectStatus(created, 201);
    expect(created.body.appliedAt).toEqual(expect.any(String));
    // The executive user of Exec A now reaches client B's engagement.
    expectStatus(await t.executive.get(`/engagements/${t.b.engagementId}`), 200);
  });
});

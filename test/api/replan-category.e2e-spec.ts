import { DriftScanService } from '@app/domain';
import { createTenant, expectStatus, startTestApi, type Tenant, type TestApi } from '@test/support';

/**
 * Re-plans carry a required cause (issue 17, item 4): client, executive, allocation, dependency or scope. It is kept
 * in the history, audited, and the drift score leaves client- and allocation-caused re-plans out of its re-plan
 * component (the slip itself still counts).
 */
describe('re-plan cause', () => {
  let api: TestApi;
  let t: Tenant;

  const historyCount = async (milestoneId: string) =>
    Number(
      (
        await api.dataSource.query(
          `SELECT count(*)::int AS n FROM milestone_due_date_changes WHERE organization_id = $1 AND milestone_id = $2`,
          [t.organizationId, milestoneId],
        )
      )[0].n,
    );
  /** Scans and returns the drift score of priority A as the day's snapshot recorded it. */
  const priorityScore = async () => {
    await api.app.get(DriftScanService).scanOrganization(t.organizationId);
    const [row] = await api.dataSource.query(
      `SELECT details FROM drift_snapshots WHERE organization_id = $1 AND engagement_id = $2 ORDER BY snapshot_date DESC LIMIT 1`,
      [t.organizationId, t.a.engagementId],
    );
    return (row.details as { priorityScores: number[] }).priorityScores[0];
  };

  beforeAll(async () => {
    api = await startTestApi();
    api.setNow(new Date('2026-03-11T09:00:00Z'));
    t = await createTenant(api.http, 'Cause');
  });

  afterAll(async () => {
    await api?.close();
  });

  it('refuses a re-plan without a cause or with an unknown one, naming the field and writing nothing', async () => {
    for (const body of [
      { dueDate: '2026-07-15', reason: 'Moved' },
      { dueDate: '2026-07-15', reason: 'Moved', category: 'weather' },
      { dueDate: '2026-07-15', reason: 'Moved', category: null },
    ]) {
      const response = await t.manager.post(`/milestones/${t.a.milestoneId}/replan`, body);
      expectStatus(response, 400);
      expect(JSON.stringify(response.body)).toContain('category');
    }
    expect(await historyCount(t.a.milestoneId)).toBe(0);
  });

  it('keeps the cause in the history and the audit trail', async () => {
    const moved = await t.executive.post(`/milestones/${t.a.milestoneId}/replan`, {
      dueDate: '2026-07-15',
      reason: 'Their legal team is reviewing the contract',
      category: 'client',
    });
    expectStatus(moved, 200);
    const history = await t.clientViewer.get(`/milestones/${t.a.milestoneId}/history`);
    expectStatus(history, 200);
    expect(history.body).toEqual([
      expect.objectContaining({
        newDueDate: '2026-07-15',
        category: 'client',
        reason: expect.stringContaining('legal'),
      }),
    ]);
    const [audit] = await api.dataSource.query(
      `SELECT after FROM audit_events WHERE organization_id = $1 AND action = 'milestone.replanned' AND entity_id = $2`,
      [t.organizationId, t.a.milestoneId],
    );
    expect(audit.after).toMatchObject({ category: 'client', dueDate: '2026-07-15' });
  });

  it("counts the executive's own re-plans in the drift score and not the client's or the allocation's", async () => {
    const m = await t.manager.post(`/priorities/${t.a.priorityId}/milestones`, {
      title: 'Board pack',
      dueDate: '2026-05-01',
    });
    expectStatus(m, 201);
    const replan = (dueDate: string, category: string) =>
      t.manager.post(`/milestones/${m.body.id}/replan`, { dueDate, reason: `Moved (${category})`, category });
    const before = await priorityScore();
    expectStatus(await replan('2026-05-02', 'allocation'), 200);
    const afterExternal = await priorityScore();
    expectStatus(await replan('2026-05-01', 'executive'), 200);
    const afterOwn = await priorityScore();
    // The allocation-caused move adds slip days only (weighted mean over the priority's milestones, under a point);
    // the executive's own move back adds one re-plan: 4 points, nothing for moving earlier.
    expect(afterExternal - before).toBeLessThanOrEqual(1);
    expect(afterOwn - afterExternal).toBeGreaterThanOrEqual(3);
  });
});

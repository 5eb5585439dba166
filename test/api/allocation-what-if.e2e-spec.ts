import { DriftScanService } from '@app/domain';
import { createTenant, expectStatus, startTestApi, type Tenant, type TestApi } from '@test/support';

/**
 * Scale changes that re-plan honestly (issue 17, item 4): allocation_mismatch weighs each milestone against the
 * allocation in force on its due date, so a booked scale-down counts before it starts; and the what-if lists the
 * milestones an allocation change would overload, writing nothing.
 *
 * Engagement A of the tenant runs on 2 days a week (limit 6 milestones per allocated day/week over 30 days). Eight
 * milestones fall due in April; today is 2026-03-20.
 */
describe('allocation what-if and the allocation in force on each due date', () => {
  let api: TestApi;
  let t: Tenant;
  const due = ['04-02', '04-06', '04-09', '04-13', '04-16', '04-20', '04-23', '04-27'];
  const ids: string[] = [];

  const counts = async () =>
    (
      await api.dataSource.query(
        `SELECT (SELECT count(*)::int FROM allocation_changes WHERE organization_id = $1) AS changes,
                (SELECT count(*)::int FROM audit_events WHERE organization_id = $1) AS audits,
                (SELECT days_per_week::float FROM engagements WHERE organization_id = $1 AND id = $2) AS days`,
        [t.organizationId, t.a.engagementId],
      )
    )[0];
  const mismatch = async () =>
    (await api.dataSource.query(
      `SELECT severity, status, message, details FROM drift_alerts WHERE organization_id = $1 AND rule = 'allocation_mismatch' AND subject_id = $2`,
      [t.organizationId, t.a.engagementId],
    )) as Array<{ severity: string; status: string; message: string; details: Record<string, unknown> }>;

  beforeAll(async () => {
    api = await startTestApi();
    api.setNow(new Date('2026-03-20T09:00:00Z'));
    t = await createTenant(api.http, 'WhatIf');
    expectStatus(
      await t.manager.post(`/engagements/${t.a.engagementId}/allocation-changes`, {
        effectiveDate: '2026-03-01',
        daysPerWeek: 2,
        reason: 'Two days a week',
      }),
      201,
    );
    // The fixture's own milestone is due 2026-06-30, outside every window below.
    for (const [i, d] of due.entries()) {
      const m = await t.manager.post(`/priorities/${t.a.priorityId}/milestones`, {
        title: `Step ${i + 1}`,
        dueDate: `2026-${d}`,
      });
      expectStatus(m, 201);
      ids.push(m.body.id);
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  it('lists the milestones a scale-down would overload, with their loads, and writes nothing', async () => {
    const before = await counts();
    const whatIf = await t.manager.post(`/engagements/${t.a.engagementId}/allocation-changes/what-if`, {
      effectiveDate: '2026-04-10',
      daysPerWeek: 0.5,
      reason: 'Budget cut from mid-April',
    });
    expectStatus(whatIf, 200);
    expect(whatIf.body).toEqual({
      effectiveDate: '2026-04-10',
      daysPerWeek: 0.5,
      limit: 6,
      overloaded: [
        {
          id: ids[5],
          priorityId: t.a.priorityId,
          title: 'Step 6',
          dueDate: '2026-04-20',
          loadBefore: 3,
          loadAfter: 7.5,
        },
        {
          id: ids[6],
          priorityId: t.a.priorityId,
          title: 'Step 7',
          dueDate: '2026-04-23',
          loadBefore: 3.5,
          loadAfter: 9.5,
        },
        {
          id: ids[7],
          priorityId: t.a.priorityId,
          title: 'Step 8',
          dueDate: '2026-04-27',
          loadBefore: 4,
          loadAfter: 11.5,
        },
      ],
    });
    expect(await counts()).toEqual(before);
    const scaleUp = await t.manager.post(`/engagements/${t.a.engagementId}/allocation-changes/what-if`, {
      effectiveDate: '2026-04-10',
      daysPerWeek: 4,
      reason: 'More days',
    });
    expect(scaleUp.body.overloaded).toEqual([]);
  });

  it('refuses bad input (400), another role (403) and an engagement out of reach (404)', async () => {
    const path = `/engagements/${t.a.engagementId}/allocation-changes/what-if`;
    expectStatus(await t.manager.post(path, { effectiveDate: '2026-04-10', daysPerWeek: 0.3, reason: 'x' }), 400);
    expectStatus(await t.executive.post(path, { effectiveDate: '2026-04-10', daysPerWeek: 1, reason: 'x' }), 403);
    expectStatus(
      await t.manager.post('/engagements/00000000-0000-4000-8000-000000000000/allocation-changes/what-if', {
        effectiveDate: '2026-04-10',
        daysPerWeek: 1,
        reason: 'x',
      }),
      404,
    );
  });

  it('a booked scale-down raises allocation_mismatch before it starts: the milestones due after it weigh more', async () => {
    // Two days later, 2026-03-22: the next 30 days (up to 04-21) hold Step 1–6.
    api.setNow(new Date('2026-03-22T09:00:00Z'));
    await api.app.get(DriftScanService).scanOrganization(t.organizationId);
    expect(await mismatch()).toEqual([]); // 6 milestones on 2 days a week: 3 per day
    expectStatus(
      await t.manager.post(`/engagements/${t.a.engagementId}/allocation-changes`, {
        effectiveDate: '2026-04-10',
        daysPerWeek: 0.5,
        reason: 'Budget cut from mid-April',
      }),
      201,
    );
    expect((await t.manager.get(`/engagements/${t.a.engagementId}`)).body.daysPerWeek).toBe(2);
    await api.app.get(DriftScanService).scanOrganization(t.organizationId);
    // Booked: 0.5 days a week from 2026-04-10, still 2 today.
    const [alert] = await mismatch();
    // Step 1–3 on 2 days (0.5 each) + Step 4–6 on 0.5 days (2 each) = 7.5 > 6.
    expect(alert).toMatchObject({ severity: 'warning', status: 'open' });
    expect(alert.details).toMatchObject({
      openMilestonesNext30Days: 6,
      daysPerWeek: 2,
      milestonesPerAllocatedDay: 7.5,
      lowestDaysPerWeekOnDueDates: 0.5,
    });
  });
});

import { randomUUID } from 'node:crypto';
import { createTenant, expectStatus, startTestApi, type Tenant, type TestApi } from '@test/support';

/**
 * Playbook effectiveness on a hand-made set, every figure worked out by hand below (today is 2026-03-01, UTC).
 *
 * Version 1 (milestones due on days 10, 20, 30), applied twice:
 *  - E1 from 2026-01-05: m1 due 01-15 done 01-14 (on time, slip 0); m2 due 01-25 re-planned to 02-01, done 02-03
 *    (late, slip 9); m3 due 02-04 still open (late, slip 25 to today).
 *  - E3 from 2026-02-20: m1 due 03-02 re-planned to 03-05, m2 due 03-12 (both not yet judged), m3 cancelled (left out).
 *  → 2 engagements, 5 milestones, 3 judged, 1 on time (0.33), median slip 9, mean 34/3 = 11.33, re-plans 2/5 = 0.4,
 *    2 priorities, none achieved.
 * Version 2 (days 10, 20), applied to E2 from 2026-01-05: m1 due 01-15 done 01-20 (slip 5); m2 due 01-25 done 01-24
 *  (on time); its priority achieved → 1 engagement, 2 milestones, 2 judged, 1 on time (0.5), median 2.5, mean 2.5,
 *  no re-plans, 1 of 1 priority achieved.
 */
describe('playbook effectiveness', () => {
  let api: TestApi;
  let t: Tenant;
  let playbookId: string;

  const engagement = async () => {
    const e = await t.manager.post('/engagements', {
      clientId: t.a.clientId,
      executiveId: t.a.executiveId,
      function: 'CRO',
      startDate: '2026-01-05',
      daysPerWeek: 2,
    });
    expectStatus(e, 201);
    return e.body.id as string;
  };
  const apply = async (engagementId: string, startDate: string) => {
    const applied = await t.manager.post(`/engagements/${engagementId}/playbook-applications`, {
      playbookId,
      startDate,
      ownerIds: [t.a.ownerId],
    });
    expectStatus(applied, 201);
    return applied.body.priorities[0] as { id: string; milestones: Array<{ id: string }> };
  };
  const complete = async (id: string, completedAt: string) =>
    expectStatus(await t.manager.post(`/milestones/${id}/complete`, { completedAt }), 200);
  const replan = async (id: string, dueDate: string) =>
    expectStatus(
      await t.manager.post(`/milestones/${id}/replan`, { dueDate, reason: 'Hand-made slip', category: 'executive' }),
      200,
    );
  const version = (offsets: number[]) => ({
    name: 'Revenue engine',
    function: 'CRO',
    priorities: [
      {
        title: 'Pipeline',
        targetOffsetDays: 60,
        milestones: offsets.map((offsetDays, i) => ({ title: `Step ${i + 1}`, offsetDays })),
      },
    ],
  });

  beforeAll(async () => {
    api = await startTestApi();
    api.setNow(new Date('2026-03-01T12:00:00Z'));
    t = await createTenant(api.http, 'Effectiveness');
    const created = await t.manager.post('/playbooks', version([10, 20, 30]));
    expectStatus(created, 201);
    playbookId = created.body.id;

    const e1 = await apply(await engagement(), '2026-01-05');
    await complete(e1.milestones[0]!.id, '2026-01-14T12:00:00Z');
    await replan(e1.milestones[1]!.id, '2026-02-01');
    await complete(e1.milestones[1]!.id, '2026-02-03T12:00:00Z');

    const e3 = await apply(await engagement(), '2026-02-20');
    await replan(e3.milestones[0]!.id, '2026-03-05');
    expectStatus(await t.manager.patch(`/milestones/${e3.milestones[2]!.id}`, { status: 'cancelled' }), 200);

    expectStatus(await t.manager.put(`/playbooks/${playbookId}`, version([10, 20])), 200);
    const e2 = await apply(await engagement(), '2026-01-05');
    await complete(e2.milestones[0]!.id, '2026-01-20T12:00:00Z');
    await complete(e2.milestones[1]!.id, '2026-01-24T12:00:00Z');
    expectStatus(await t.manager.patch(`/priorities/${e2.id}`, { status: 'achieved' }), 200);

    // another playbook, never applied: listed with zeros
    expectStatus(await t.manager.post('/playbooks', { ...version([5]), name: 'Unused' }), 201);
  });
  afterAll(() => api.close());

  it('gives the hand-worked figures per playbook and version', async () => {
    const response = await t.manager.get(`/playbooks/${playbookId}/effectiveness`);
    expectStatus(response, 200);
    expect(response.body).toEqual([
      {
        playbookId,
        playbookName: 'Revenue engine',
        version: 1,
        engagements: 2,
        milestones: 5,
        assessed: 3,
        onTime: 1,
        onTimeRate: 0.33,
        medianSlipDays: 9,
        meanSlipDays: 11.33,
        replansPerMilestone: 0.4,
        priorities: 2,
        prioritiesAchieved: 0,
      },
      {
        playbookId,
        playbookName: 'Revenue engine',
        version: 2,
        engagements: 1,
        milestones: 2,
        assessed: 2,
        onTime: 1,
        onTimeRate: 0.5,
        medianSlipDays: 2.5,
        meanSlipDays: 2.5,
        replansPerMilestone: 0,
        priorities: 1,
        prioritiesAchieved: 1,
      },
    ]);
  });

  it('lists every playbook’s versions in one answer, an unused one with zeros', async () => {
    const response = await t.admin.get('/playbooks/effectiveness');
    expectStatus(response, 200);
    expect(response.body).toHaveLength(3);
    expect(response.body.find((r: { playbookName: string }) => r.playbookName === 'Unused')).toMatchObject({
      engagements: 0,
      milestones: 0,
      onTimeRate: null,
      medianSlipDays: null,
      meanSlipDays: null,
      replansPerMilestone: null,
      prioritiesAchieved: 0,
    });
  });

  it('answers 404 for an unknown playbook and 403 for roles that do not manage playbooks', async () => {
    expectStatus(await t.manager.get(`/playbooks/${randomUUID()}/effectiveness`), 404);
    expectStatus(await t.executive.get(`/playbooks/${playbookId}/effectiveness`), 403);
    expectStatus(await t.clientViewer.get('/playbooks/effectiveness'), 403);
  });
});

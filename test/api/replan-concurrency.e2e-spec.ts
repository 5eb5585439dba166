import { createTenant, expectStatus, startTestApi, type Tenant, type TestApi } from '@test/support';

/**
 * Re-plans of one milestone at the same time (issue 15, finding 7): they take turns on the milestone's row lock,
 * and the history lists them in the order they took it, so each entry starts where the one before it ended.
 */
const PARALLEL = 20;

interface HistoryEntry {
  oldDueDate: string;
  newDueDate: string;
  reason: string;
  changedAt: string;
}

describe('re-plans of one milestone in parallel', () => {
  let api: TestApi;
  let t: Tenant;

  beforeAll(async () => {
    api = await startTestApi();
    t = await createTenant(api.http, 'Replans');
  });
  afterAll(() => api.close());

  it(`${PARALLEL} parallel re-plans to distinct dates leave a history that chains from the baseline to the due date`, async () => {
    const created = await t.manager.post(`/priorities/${t.a.priorityId}/milestones`, {
      title: 'Launch the partner channel',
      dueDate: '2026-09-01',
    });
    expectStatus(created, 201);
    const id = created.body.id as string;
    const baseline = created.body.dueDate as string;

    // 2026-09-02 … 2026-09-21: each differs from the baseline and from every other, so every request must succeed.
    const dates = Array.from({ length: PARALLEL }, (_, i) => `2026-09-${String(i + 2).padStart(2, '0')}`);
    const answers = await Promise.all(
      dates.map((dueDate, i) =>
        t.manager.post(`/milestones/${id}/replan`, {
          dueDate,
          reason: `Parallel re-plan ${i + 1}`,
          category: 'executive',
        }),
      ),
    );
    for (const answer of answers) expectStatus(answer, 200);

    const milestone = await t.manager.get(`/milestones/${id}`);
    expectStatus(milestone, 200);
    expect(milestone.body.replanCount).toBe(PARALLEL);
    expect(milestone.body.baselineDueDate).toBe(baseline);

    const response = await t.manager.get(`/milestones/${id}/history`);
    expectStatus(response, 200);
    const history = response.body as HistoryEntry[];
    expect(history).toHaveLength(PARALLEL);
    expect(history[0]!.oldDueDate).toBe(baseline);
    for (let i = 1; i < history.length; i++) {
      expect({ entry: i, oldDueDate: history[i]!.oldDueDate }).toEqual({
        entry: i,
        oldDueDate: history[i - 1]!.newDueDate,
      });
    }
    expect(history[history.length - 1]!.newDueDate).toBe(milestone.body.dueDate);
    // Every request's date appears once, and the times agree with the order.
    expect(history.map((h) => h.newDueDate).sort()).toEqual(dates);
    const times = history.map((h) => Date.parse(h.changedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});

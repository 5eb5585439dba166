import { createTenant, expectStatus, inOrganization, startTestApi, type Tenant, type TestApi } from '@test/support';
import { DomainError, PrioritiesService, type Actor } from '@app/domain';

/**
 * PrioritiesService on real PostgreSQL: the focus cap holds under concurrency (the engagement row lock
 * serialises activations), and ranks can be swapped inside one transaction (the exclusion constraint on
 * active ranks is deferred to commit).
 */
describe('PrioritiesService (PostgreSQL)', () => {
  let api: TestApi;
  let t: Tenant;
  let service: PrioritiesService;
  let manager: Actor;

  beforeAll(async () => {
    api = await startTestApi();
    t = await createTenant(api.http, 'Priorities');
    service = inOrganization(api.app.get(PrioritiesService), t.organizationId);
    manager = {
      userId: t.users.manager,
      organizationId: t.organizationId,
      role: 'account_manager',
      email: t.emails.manager,
      executiveIds: [],
      clientIds: [],
    };
  });
  afterAll(() => api.close());

  async function newEngagement(): Promise<string> {
    const r = await t.manager.post('/engagements', {
      clientId: t.a.clientId,
      executiveId: t.a.executiveId,
      function: 'CMO',
      startDate: '2026-01-05',
      daysPerWeek: 2,
    });
    expectStatus(r, 201);
    return r.body.id;
  }

  const input = (title: string, extra: Partial<Parameters<PrioritiesService['create']>[2]> = {}) => ({
    title,
    ownerId: t.a.ownerId,
    startDate: '2026-01-05',
    targetDate: '2026-12-18',
    ...extra,
  });

  async function activeRanks(engagementId: string): Promise<Array<{ id: string; rank: number }>> {
    return api.dataSource.query(
      `SELECT id, rank FROM priorities WHERE engagement_id = $1 AND status = 'active' ORDER BY rank`,
      [engagementId],
    );
  }

  function summarise(results: PromiseSettledResult<unknown>[]) {
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason);
    return { fulfilled, rejected };
  }

  it('lets exactly 5 of 8 parallel active creates through on an engagement with focus cap 5', async () => {
    const engagementId = await newEngagement();
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => service.create(manager, engagementId, input(`Parallel ${i}`))),
    );
    const { fulfilled, rejected } = summarise(results);

    expect(fulfilled).toHaveLength(5);
    expect(rejected).toHaveLength(3);
    for (const error of rejected) {
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({
        code: 'PRIORITY.FOCUS_CAP_EXCEEDED',
        kind: 'rule',
        details: { activePriorities: 5, focusCap: 5 },
      });
    }
    const ranks = await activeRanks(engagementId);
    expect(ranks.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM priorities WHERE engagement_id = $1`, [
      engagementId,
    ]);
    expect(n).toBe(5);
  });

  it('lets exactly 5 of 8 parallel activations of drafts through', async () => {
    const engagementId = await newEngagement();
    const drafts: string[] = [];
    for (let i = 0; i < 8; i += 1)
      drafts.push((await service.create(manager, engagementId, input(`Draft ${i}`, { status: 'draft' }))).id);

    const results = await Promise.allSettled(drafts.map((id) => service.update(manager, id, { status: 'active' })));
    const { fulfilled, rejected } = summarise(results);
    expect(fulfilled).toHaveLength(5);
    expect(rejected.map((e) => (e as DomainError).code)).toEqual(Array(3).fill('PRIORITY.FOCUS_CAP_EXCEEDED'));
    expect((await activeRanks(engagementId)).map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps the cap when creates and activations race each other', async () => {
    const engagementId = await newEngagement();
    for (let i = 0; i < 3; i += 1) await service.create(manager, engagementId, input(`Base ${i}`));
    const drafts: string[] = [];
    for (let i = 0; i < 3; i += 1)
      drafts.push((await service.create(manager, engagementId, input(`Late draft ${i}`, { status: 'draft' }))).id);

    const results = await Promise.allSettled([
      ...drafts.map((id) => service.update(manager, id, { status: 'active' })),
      ...Array.from({ length: 3 }, (_, i) => service.create(manager, engagementId, input(`Racer ${i}`, { rank: 1 }))),
    ]);
    const { fulfilled, rejected } = summarise(results);
    expect(fulfilled).toHaveLength(2);
    expect(rejected).toHaveLength(4);
    expect(rejected.every((e) => (e as DomainError).code === 'PRIORITY.FOCUS_CAP_EXCEEDED')).toBe(true);
    expect((await activeRanks(engagementId)).map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
  });

  it('swaps ranks through the service (one transaction, constraint deferred to commit)', async () => {
    const engagementId = await newEngagement();
    const a = await service.create(manager, engagementId, input('A'));
    const b = await service.create(manager, engagementId, input('B'));
    const c = await service.create(manager, engagementId, input('C'));
    expect([a.rank, b.rank, c.rank]).toEqual([1, 2, 3]);

    // A moves to 2: its own row is written with rank 2 while B still holds 2, then B moves to 1 in the same transaction.
    const moved = await service.update(manager, a.id, { rank: 2 });
    expect(moved.rank).toBe(2);
    expect((await service.list(manager, engagementId)).map((p) => `${p.title}:${p.rank}`)).toEqual([
      'B:1',
      'A:2',
      'C:3',
    ]);

    const top = await service.update(manager, c.id, { rank: 1 });
    expect(top.rank).toBe(1);
    expect((await service.list(manager, engagementId)).map((p) => `${p.title}:${p.rank}`)).toEqual([
      'C:1',
      'B:2',
      'A:3',
    ]);
  });

  it('accepts a raw two-statement swap inside one transaction, and refuses duplicates at commit', async () => {
    const [constraint] = await api.dataSource.query(
      `SELECT contype, condeferrable, condeferred FROM pg_constraint WHERE conname = 'priorities_active_rank_unique'`,
    );
    expect(constraint).toEqual({ contype: 'x', condeferrable: true, condeferred: true });

    const engagementId = await newEngagement();
    const a = await service.create(manager, engagementId, input('Swap A'));
    const b = await service.create(manager, engagementId, input('Swap B'));
    await api.dataSource.transaction(async (tx) => {
      await tx.query(`UPDATE priorities SET rank = 2 WHERE id = $1`, [a.id]);
      // Here both rows are active with rank 2: fine until commit.
      await tx.query(`UPDATE priorities SET rank = 1 WHERE id = $1`, [b.id]);
    });
    expect((await service.list(manager, engagementId)).map((p) => `${p.title}:${p.rank}`)).toEqual([
      'Swap B:1',
      'Swap A:2',
    ]);

    const quiet = jest.spyOn(console, 'log').mockImplementation(() => undefined); // TypeORM logs the expected COMMIT failure
    try {
      const duplicate = api.dataSource.transaction(async (tx) => {
        await tx.query(`UPDATE priorities SET rank = 1 WHERE id = $1`, [a.id]);
      });
      await expect(duplicate).rejects.toMatchObject({ code: '23P01' });
    } finally {
      quiet.mockRestore();
    }
    expect((await activeRanks(engagementId)).map((r) => r.rank)).toEqual([1, 2]);

    // Ranks of non-active priorities are not constrained.
    const draft = await service.create(manager, engagementId, input('Swap draft', { status: 'draft', rank: 1 }));
    expect(draft.rank).toBe(1);
  });
});

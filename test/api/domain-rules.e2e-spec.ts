import { randomBytes } from 'node:crypto';
import {
  createTenant,
  expectStatus,
  login,
  signUp,
  rowCounts,
  startTestApi,
  TEST_PASSWORD,
  type HttpClient,
  type Tenant,
  type TestApi,
} from '@test/support';

/**
 * The domain rules of DESIGN.md §2 over real HTTP: focus cap, compact unique ranks, one owner of the
 * engagement's client, milestone baselines and re-plan history, allocation history, check-in
 * acknowledgement, the audit trail, and list paging/filtering/sorting.
 */
describe('domain rules', () => {
  let api: TestApi;
  let t: Tenant;

  beforeAll(async () => {
    api = await startTestApi();
    t = await createTenant(api.http, 'Rules');
  });
  afterAll(() => api.close());
  afterEach(() => api.setNow(null));

  /** A fresh engagement at client A (staffed by the tenant's executive user), so each test starts from zero priorities. */
  async function newEngagement(fn: 'CRO' | 'CMO' = 'CMO', extra: Record<string, unknown> = {}): Promise<string> {
    const r = await t.manager.post('/engagements', {
      clientId: t.a.clientId,
      executiveId: t.a.executiveId,
      function: fn,
      startDate: '2026-01-05',
      daysPerWeek: 2,
      ...extra,
    });
    expectStatus(r, 201);
    return r.body.id;
  }

  const createPriority = (engagementId: string, title: string, extra: Record<string, unknown> = {}) =>
    t.manager.post(`/engagements/${engagementId}/priorities`, {
      title,
      ownerId: t.a.ownerId,
      startDate: '2026-01-05',
      targetDate: '2026-12-18',
      ...extra,
    });

  async function listPriorities(
    engagementId: string,
  ): Promise<Array<{ id: string; title: string; rank: number; status: string }>> {
    const r = await t.manager.get(`/engagements/${engagementId}/priorities`);
    expectStatus(r, 200);
    return r.body;
  }

  /** Active priorities in list order as "title:rank", then the others as "title:status". */
  async function ordering(engagementId: string): Promise<string[]> {
    return (await listPriorities(engagementId)).map((p) =>
      p.status === 'active' ? `${p.title}:${p.rank}` : `${p.title}:${p.status}`,
    );
  }

  async function expectCompactRanks(engagementId: string): Promise<void> {
    const active = (await listPriorities(engagementId)).filter((p) => p.status === 'active');
    expect(active.map((p) => p.rank)).toEqual(active.map((_, i) => i + 1));
  }

  describe('focus cap (org setting, default 5)', () => {
    it('allows 5 active priorities, refuses a 6th with 422, accepts drafts, and re-checks on activation', async () => {
      const engagementId = await newEngagement();
      const created: string[] = [];
      for (let i = 1; i <= 5; i += 1) {
        const r = await createPriority(engagementId, `Focus ${i}`);
        expectStatus(r, 201);
        expect(r.body).toMatchObject({ status: 'active', rank: i });
        created.push(r.body.id);
      }

      const before = await rowCounts(api.dataSource, t.organizationId);
      const sixth = await createPriority(engagementId, 'Focus 6');
      expectStatus(sixth, 422);
      expect(sixth.body.code).toBe('PRIORITY.FOCUS_CAP_EXCEEDED');
      expect(sixth.body.message).toMatch(/focus cap/i);
      expect(sixth.body.message).toMatch(/\b5\b/);
      expect(sixth.body.details).toEqual({ activePriorities: 5, focusCap: 5 });
      // Refused means nothing written, not even an audit event.
      expect(await rowCounts(api.dataSource, t.organizationId)).toEqual(before);

      const draft = await createPriority(engagementId, 'Focus draft', { status: 'draft' });
      expectStatus(draft, 201);
      expect(draft.body.status).toBe('draft');

      const activate = await t.manager.patch(`/priorities/${draft.body.id}`, { status: 'active' });
      expectStatus(activate, 422);
      expect(activate.body.code).toBe('PRIORITY.FOCUS_CAP_EXCEEDED');
      expect(activate.body.message).toMatch(/focus cap/i);
      expect((await t.manager.get(`/priorities/${draft.body.id}`)).body.status).toBe('draft');

      // Dropping one frees a slot; the ranks close up and the activated draft goes to the end.
      expectStatus(await t.manager.patch(`/priorities/${created[1]}`, { status: 'dropped' }), 200);
      const activated = await t.manager.patch(`/priorities/${draft.body.id}`, { status: 'active' });
      expectStatus(activated, 200);
      expect(activated.body).toMatchObject({ status: 'active', rank: 5 });
      expect(await ordering(engagementId)).toEqual([
        'Focus 1:1',
        'Focus 3:2',
        'Focus 4:3',
        'Focus 5:4',
        'Focus draft:5',
        'Focus 2:dropped',
      ]);
    });

    it('follows the organization setting: an admin raising focusCap allows more (and only an admin may)', async () => {
      const engagementId = await newEngagement();
      for (let i = 1; i <= 5; i += 1) expectStatus(await createPriority(engagementId, `Cap ${i}`), 201);
      expectStatus(await createPriority(engagementId, 'Cap 6'), 422);

      const byManager = await t.manager.patch('/organization/settings', { focusCap: 6 });
      expectStatus(byManager, 403);

      const raised = await t.admin.patch('/organization/settings', { focusCap: 6 });
      expectStatus(raised, 200);
      expect(raised.body.focusCap).toBe(6);
      try {
        const sixth = await createPriority(engagementId, 'Cap 6');
        expectStatus(sixth, 201);
        expect(sixth.body.rank).toBe(6);
        const seventh = await createPriority(engagementId, 'Cap 7');
        expectStatus(seventh, 422);
        expect(seventh.body.code).toBe('PRIORITY.FOCUS_CAP_EXCEEDED');
        expect(seventh.body.details).toEqual({ activePriorities: 6, focusCap: 6 });
        expect(seventh.body.message).toMatch(/\b6\b/);
      } finally {
        expectStatus(await t.admin.patch('/organization/settings', { focusCap: 5 }), 200);
      }
      // Lowering the cap below the current count does not deactivate anything, but blocks new activations.
      expect((await listPriorities(engagementId)).filter((p) => p.status === 'active')).toHaveLength(6);
      expectStatus(await createPriority(engagementId, 'Cap 7'), 422);
    });

    it('is per engagement: a full engagement does not block another one', async () => {
      const full = await newEngagement();
      for (let i = 1; i <= 5; i += 1) expectStatus(await createPriority(full, `Full ${i}`), 201);
      const other = await newEngagement();
      expectStatus(await createPriority(other, 'Elsewhere'), 201);
    });
  });

  describe('ranks: unique among active priorities and compact', () => {
    it('inserts at a position, moves, closes gaps on drop, and lists active by rank then the others', async () => {
      const engagementId = await newEngagement();
      for (const title of ['A', 'B', 'C']) expectStatus(await createPriority(engagementId, title), 201);
      expect(await ordering(engagementId)).toEqual(['A:1', 'B:2', 'C:3']);

      // Created with rank 1: on top, the others shift down.
      const d = await createPriority(engagementId, 'D', { rank: 1 });
      expectStatus(d, 201);
      expect(d.body.rank).toBe(1);
      expect(await ordering(engagementId)).toEqual(['D:1', 'A:2', 'B:3', 'C:4']);

      // A draft keeps its own rank and does not disturb the active ones.
      expectStatus(await createPriority(engagementId, 'Draft', { status: 'draft', rank: 1 }), 201);
      expect(await ordering(engagementId)).toEqual(['D:1', 'A:2', 'B:3', 'C:4', 'Draft:draft']);

      const ids = Object.fromEntries((await listPriorities(engagementId)).map((p) => [p.title, p.id]));
      // Move C up to 2.
      const moved = await t.manager.patch(`/priorities/${ids.C}`, { rank: 2 });
      expectStatus(moved, 200);
      expect(moved.body.rank).toBe(2);
      expect(await ordering(engagementId)).toEqual(['D:1', 'C:2', 'A:3', 'B:4', 'Draft:draft']);

      // Move D down to the end (swap-like move through the deferred constraint).
      expectStatus(await t.manager.patch(`/priorities/${ids.D}`, { rank: 4 }), 200);
      expect(await ordering(engagementId)).toEqual(['C:1', 'A:2', 'B:3', 'D:4', 'Draft:draft']);

      // A position past the end is clamped to the end.
      expectStatus(await t.manager.patch(`/priorities/${ids.C}`, { rank: 99 }), 200);
      expect(await ordering(engagementId)).toEqual(['A:1', 'B:2', 'D:3', 'C:4', 'Draft:draft']);

      // Dropping closes the gap.
      expectStatus(await t.manager.patch(`/priorities/${ids.B}`, { status: 'dropped' }), 200);
      expect(await ordering(engagementId)).toEqual(['A:1', 'D:2', 'C:3', 'Draft:draft', 'B:dropped']);

      // Achieving also leaves the active ranking.
      expectStatus(await t.manager.patch(`/priorities/${ids.A}`, { status: 'achieved' }), 200);
      const list = await ordering(engagementId);
      expect(list.slice(0, 2)).toEqual(['D:1', 'C:2']);
      expect(list.slice(2).sort()).toEqual(['A:achieved', 'B:dropped', 'Draft:draft']);

      // Activating with a position inserts there.
      expectStatus(await t.manager.patch(`/priorities/${ids.Draft}`, { status: 'active', rank: 1 }), 200);
      expect((await ordering(engagementId)).slice(0, 3)).toEqual(['Draft:1', 'D:2', 'C:3']);
      await expectCompactRanks(engagementId);
    });

    it('rejects ranks outside 1..100 with 400', async () => {
      const engagementId = await newEngagement();
      const a = await createPriority(engagementId, 'Only');
      expectStatus(a, 201);
      expectStatus(await createPriority(engagementId, 'Zero', { rank: 0 }), 400);
      expectStatus(await t.manager.patch(`/priorities/${a.body.id}`, { rank: 101 }), 400);
      expectStatus(await t.manager.patch(`/priorities/${a.body.id}`, { rank: 1.5 }), 400);
    });
  });

  describe("exactly one owner, of the engagement's client", () => {
    it('refuses an owner of another client or an unknown owner with 422 PRIORITY.OWNER_INVALID, and a missing one with 400', async () => {
      const engagementId = await newEngagement();
      const before = await rowCounts(api.dataSource, t.organizationId);

      const otherClient = await createPriority(engagementId, 'Wrong owner', { ownerId: t.b.ownerId });
      expectStatus(otherClient, 422);
      expect(otherClient.body.code).toBe('PRIORITY.OWNER_INVALID');

      const unknown = await createPriority(engagementId, 'Ghost owner', {
        ownerId: '00000000-0000-4000-8000-000000000000',
      });
      expectStatus(unknown, 422);
      expect(unknown.body.code).toBe('PRIORITY.OWNER_INVALID');

      const missing = await t.manager.post(`/engagements/${engagementId}/priorities`, {
        title: 'No owner',
        targetDate: '2026-12-18',
      });
      expectStatus(missing, 400);
      expect(missing.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'ownerId' })]));
      expect(await rowCounts(api.dataSource, t.organizationId)).toEqual(before);
    });

    it('lets the owner be changed to another owner of the same client only', async () => {
      const engagementId = await newEngagement();
      const p = await createPriority(engagementId, 'Owned');
      expectStatus(p, 201);
      expect(p.body.owner.id).toBe(t.a.ownerId);

      const second = await t.manager.post('/owners', { clientId: t.a.clientId, name: 'Second Owner', title: 'COO' });
      expectStatus(second, 201);
      const changed = await t.manager.patch(`/priorities/${p.body.id}`, { ownerId: second.body.id });
      expectStatus(changed, 200);
      expect(changed.body.owner).toMatchObject({ id: second.body.id, name: 'Second Owner', title: 'COO' });

      const wrong = await t.manager.patch(`/priorities/${p.body.id}`, { ownerId: t.b.ownerId });
      expectStatus(wrong, 422);
      expect(wrong.body.code).toBe('PRIORITY.OWNER_INVALID');

      // "No owner" is not a state a priority can be put in.
      const cleared = await t.manager.patch(`/priorities/${p.body.id}`, { ownerId: null });
      expect([400, 422]).toContain(cleared.status);
      expect((await t.manager.get(`/priorities/${p.body.id}`)).body.owner.id).toBe(second.body.id);
    });

    it('refuses null for the required fields of a priority with 400 (not a 500)', async () => {
      const engagementId = await newEngagement();
      const p = await createPriority(engagementId, 'Nulls');
      expectStatus(p, 201);
      const statuses: Record<string, number> = {};
      for (const field of ['title', 'startDate', 'targetDate'])
        statuses[field] = (await t.manager.patch(`/priorities/${p.body.id}`, { [field]: null })).status;
      expect(statuses).toEqual(Object.fromEntries(['title', 'startDate', 'targetDate'].map((f) => [f, 400])));
      expect((await t.manager.get(`/priorities/${p.body.id}`)).body).toMatchObject({
        title: 'Nulls',
        startDate: '2026-01-05',
        targetDate: '2026-12-18',
      });
    });
  });

  describe('milestones: baseline, re-plans and completion', () => {
    it('fixes the baseline at creation; re-plans move only the due date and are recorded with who/when/old/new/why', async () => {
      api.setNow(new Date('2026-03-11T12:00:00Z'));
      const engagementId = await newEngagement('CRO');
      const p = await createPriority(engagementId, 'Milestone host');
      expectStatus(p, 201);
      const m = await t.manager.post(`/priorities/${p.body.id}/milestones`, {
        title: 'Pilot live',
        dueDate: '2026-06-30',
      });
      expectStatus(m, 201);
      expect(m.body).toMatchObject({
        baselineDueDate: '2026-06-30',
        dueDate: '2026-06-30',
        replanCount: 0,
        slipDays: 0,
        status: 'planned',
      });

      // The due date (and the baseline) cannot be edited directly.
      expectStatus(await t.manager.patch(`/milestones/${m.body.id}`, { dueDate: '2026-07-30' }), 400);
      expectStatus(await t.manager.patch(`/milestones/${m.body.id}`, { baselineDueDate: '2026-07-30' }), 400);

      const startedAt = Date.now();
      const first = await t.manager.post(`/milestones/${m.body.id}/replan`, {
        dueDate: '2026-07-15',
        reason: 'Vendor contract slipped',
        category: 'dependency',
      });
      expectStatus(first, 200);
      expect(first.body).toMatchObject({
        baselineDueDate: '2026-06-30',
        dueDate: '2026-07-15',
        replanCount: 1,
        slipDays: 15,
      });

      const same = await t.manager.post(`/milestones/${m.body.id}/replan`, {
        dueDate: '2026-07-15',
        reason: 'No change really',
        category: 'executive',
      });
      expectStatus(same, 422);
      expect(same.body.code).toBe('MILESTONE.DUE_DATE_UNCHANGED');

      // The placed executive may re-plan too; pulled in earlier than the baseline.
      const second = await t.executive.post(`/milestones/${m.body.id}/replan`, {
        dueDate: '2026-06-20',
        reason: 'Pulled in after the board meeting',
        category: 'client',
      });
      expectStatus(second, 200);
      expect(second.body).toMatchObject({
        baselineDueDate: '2026-06-30',
        dueDate: '2026-06-20',
        replanCount: 2,
        slipDays: 0,
      });

      expectStatus(
        await t.manager.post(`/milestones/${m.body.id}/replan`, { dueDate: '2026-06-25', category: 'executive' }),
        400,
      );
      expectStatus(
        await t.manager.post(`/milestones/${m.body.id}/replan`, {
          dueDate: '2026-06-25',
          reason: '   ',
          category: 'executive',
        }),
        400,
      );

      const history = await t.clientViewer.get(`/milestones/${m.body.id}/history`);
      expectStatus(history, 200);
      expect(history.body).toEqual([
        expect.objectContaining({
          oldDueDate: '2026-06-30',
          newDueDate: '2026-07-15',
          reason: 'Vendor contract slipped',
          changedBy: t.users.manager,
        }),
        expect.objectContaining({
          oldDueDate: '2026-07-15',
          newDueDate: '2026-06-20',
          reason: 'Pulled in after the board meeting',
          changedBy: t.users.executive,
        }),
      ]);
      expect(history.body[0].changedByName).toEqual(expect.any(String));
      for (const h of history.body) {
        const at = Date.parse(h.changedAt);
        expect(at).toBeGreaterThanOrEqual(startedAt - 5_000);
        expect(at).toBeLessThanOrEqual(Date.now() + 5_000);
      }
      expect(Date.parse(history.body[0].changedAt)).toBeLessThanOrEqual(Date.parse(history.body[1].changedAt));

      const reread = await t.manager.get(`/milestones/${m.body.id}`);
      expect(reread.body).toMatchObject({ baselineDueDate: '2026-06-30', dueDate: '2026-06-20', replanCount: 2 });
    });

    it('completes once: a second completion, a re-plan or an edit of a done milestone is 409 MILESTONE.ALREADY_DONE', async () => {
      api.setNow(new Date('2026-03-11T12:00:00Z'));
      const m = await t.manager.post(`/priorities/${t.a.priorityId}/milestones`, {
        title: 'Done once',
        dueDate: '2026-03-01',
      });
      expectStatus(m, 201);
      const done = await t.executive.post(`/milestones/${m.body.id}/complete`, { completedAt: '2026-03-04T09:00:00Z' });
      expectStatus(done, 200);
      expect(done.body).toMatchObject({
        status: 'done',
        completedAt: '2026-03-04T09:00:00.000Z',
        slipDays: 3,
        overdue: false,
      });

      const again = await t.manager.post(`/milestones/${m.body.id}/complete`, {});
      expectStatus(again, 409);
      expect(again.body.code).toBe('MILESTONE.ALREADY_DONE');

      const replan = await t.manager.post(`/milestones/${m.body.id}/replan`, {
        dueDate: '2026-04-01',
        reason: 'Too late',
        category: 'executive',
      });
      expectStatus(replan, 409);
      expect(replan.body.code).toBe('MILESTONE.ALREADY_DONE');

      const edit = await t.manager.patch(`/milestones/${m.body.id}`, { status: 'in_progress' });
      expectStatus(edit, 409);
      expect(edit.body.code).toBe('MILESTONE.ALREADY_DONE');

      expect((await t.manager.get(`/milestones/${m.body.id}/history`)).body).toEqual([]);
      // Completion in the future is refused.
      const future = await t.manager.post(`/priorities/${t.a.priorityId}/milestones`, {
        title: 'Not yet',
        dueDate: '2026-05-01',
      });
      const early = await t.manager.post(`/milestones/${future.body.id}/complete`, {
        completedAt: '2026-03-20T09:00:00Z',
      });
      expectStatus(early, 422);
      expect(early.body.code).toBe('MILESTONE.COMPLETED_IN_FUTURE');
    });

    it('refuses null for the required fields of a milestone with 400 (not a 500)', async () => {
      const m = await t.manager.post(`/priorities/${t.a.priorityId}/milestones`, {
        title: 'Null-proof',
        dueDate: '2026-08-01',
        weight: 2,
      });
      expectStatus(m, 201);
      const statuses: Record<string, number> = {};
      for (const field of ['title', 'weight', 'status'])
        statuses[field] = (await t.manager.patch(`/milestones/${m.body.id}`, { [field]: null })).status;
      expect(statuses).toEqual(Object.fromEntries(['title', 'weight', 'status'].map((f) => [f, 400])));
      expect((await t.manager.get(`/milestones/${m.body.id}`)).body).toMatchObject({
        title: 'Null-proof',
        weight: 2,
        status: 'planned',
      });
    });

    it('refuses to re-plan or complete a cancelled milestone (409)', async () => {
      const m = await t.manager.post(`/priorities/${t.a.priorityId}/milestones`, {
        title: 'Cancelled one',
        dueDate: '2026-08-01',
      });
      expectStatus(m, 201);
      expectStatus(await t.manager.patch(`/milestones/${m.body.id}`, { status: 'cancelled' }), 200);
      const replan = await t.manager.post(`/milestones/${m.body.id}/replan`, {
        dueDate: '2026-09-01',
        reason: 'Revive',
        category: 'executive',
      });
      expectStatus(replan, 409);
      expect(replan.body.code).toBe('MILESTONE.CANCELLED');
      const complete = await t.manager.post(`/milestones/${m.body.id}/complete`, {});
      expectStatus(complete, 409);
      expect(complete.body.code).toBe('MILESTONE.CANCELLED');
    });
  });

  describe('allocation changes', () => {
    it('applies changes effective today or earlier at once, keeps future ones in the history only, and lists them all with reasons', async () => {
      api.setNow(new Date('2026-03-11T12:00:00Z'));
      const engagementId = await newEngagement('CRO', { startDate: '2026-01-05', daysPerWeek: 2 });

      const past = await t.manager.post(`/engagements/${engagementId}/allocation-changes`, {
        effectiveDate: '2026-02-01',
        daysPerWeek: 2.5,
        reason: 'Board prep in February',
      });
      expectStatus(past, 201);
      expect(past.body).toMatchObject({
        effectiveDate: '2026-02-01',
        daysPerWeek: 2.5,
        previousDaysPerWeek: 2,
        reason: 'Board prep in February',
        changedBy: t.users.manager,
      });
      expect((await t.manager.get(`/engagements/${engagementId}`)).body.daysPerWeek).toBe(2.5);

      const today = await t.manager.post(`/engagements/${engagementId}/allocation-changes`, {
        effectiveDate: '2026-03-11',
        daysPerWeek: 3,
        reason: 'Scaling up for the launch',
      });
      expectStatus(today, 201);
      expect(today.body).toMatchObject({ daysPerWeek: 3, previousDaysPerWeek: 2.5 });
      expect((await t.manager.get(`/engagements/${engagementId}`)).body.daysPerWeek).toBe(3);

      const future = await t.manager.post(`/engagements/${engagementId}/allocation-changes`, {
        effectiveDate: '2026-04-01',
        daysPerWeek: 1,
        reason: 'Launch done, scaling down',
      });
      expectStatus(future, 201);
      expect(future.body).toMatchObject({ effectiveDate: '2026-04-01', daysPerWeek: 1 });
      expect((await t.manager.get(`/engagements/${engagementId}`)).body.daysPerWeek).toBe(3);

      const history = await t.manager.get(`/engagements/${engagementId}/allocation-changes`);
      expectStatus(history, 200);
      expect(history.body.map((h: Record<string, unknown>) => [h.effectiveDate, h.daysPerWeek, h.reason])).toEqual([
        ['2026-01-05', 2, 'Initial allocation'],
        ['2026-02-01', 2.5, 'Board prep in February'],
        ['2026-03-11', 3, 'Scaling up for the launch'],
        ['2026-04-01', 1, 'Launch done, scaling down'],
      ]);
      expect(history.body[0].previousDaysPerWeek).toBeNull();

      // The executive may read it; the client viewer may not (commercial).
      expectStatus(await t.executive.get(`/engagements/${engagementId}/allocation-changes`), 200);
      expectStatus(await t.clientViewer.get(`/engagements/${engagementId}/allocation-changes`), 403);
      expectStatus(
        await t.manager.post(`/engagements/${engagementId}/allocation-changes`, {
          effectiveDate: '2026-03-12',
          daysPerWeek: 0,
          reason: 'zero',
        }),
        400,
      );
      expectStatus(
        await t.manager.post(`/engagements/${engagementId}/allocation-changes`, {
          effectiveDate: '2026-03-12',
          daysPerWeek: 2,
        }),
        400,
      );
    });

    it('keeps the current allocation equal to the latest change in effect when a change is back-dated behind a later one', async () => {
      api.setNow(new Date('2026-03-11T12:00:00Z'));
      const engagementId = await newEngagement('CRO', { startDate: '2026-01-05', daysPerWeek: 2 });
      expectStatus(
        await t.manager.post(`/engagements/${engagementId}/allocation-changes`, {
          effectiveDate: '2026-03-01',
          daysPerWeek: 3,
          reason: 'Scale up from March',
        }),
        201,
      );
      // Recorded late: a February change that was superseded by the March one.
      expectStatus(
        await t.manager.post(`/engagements/${engagementId}/allocation-changes`, {
          effectiveDate: '2026-02-01',
          daysPerWeek: 2.5,
          reason: 'February top-up, recorded late',
        }),
        201,
      );

      const history = (await t.manager.get(`/engagements/${engagementId}/allocation-changes`)).body as Array<{
        effectiveDate: string;
        daysPerWeek: number;
      }>;
      const inEffect = history.filter((h) => h.effectiveDate <= '2026-03-11').at(-1)!;
      expect(inEffect).toMatchObject({ effectiveDate: '2026-03-01', daysPerWeek: 3 });
      expect((await t.manager.get(`/engagements/${engagementId}`)).body.daysPerWeek).toBe(inEffect.daysPerWeek);
    });
  });

  describe('check-in acknowledgement', () => {
    it('is done once by the client viewer, who is recorded with the time', async () => {
      const at = new Date('2026-03-12T08:30:00Z');
      api.setNow(at);
      const checkIn = await t.executive.post(`/priorities/${t.a.priorityId}/check-ins`, {
        rag: 'at_risk',
        confidence: 5,
        note: 'Hiring is slow',
      });
      expectStatus(checkIn, 201);
      expect(checkIn.body).toMatchObject({ acknowledgedBy: null, acknowledgedAt: null, authorId: t.users.executive });

      expectStatus(await t.manager.post(`/check-ins/${checkIn.body.id}/acknowledge`), 403);
      expectStatus(await t.executive.post(`/check-ins/${checkIn.body.id}/acknowledge`), 403);

      const ack = await t.clientViewer.post(`/check-ins/${checkIn.body.id}/acknowledge`);
      expectStatus(ack, 200);
      expect(ack.body).toMatchObject({
        id: checkIn.body.id,
        acknowledgedBy: t.users.clientViewer,
        acknowledgedAt: at.toISOString(),
      });

      const again = await t.clientViewer.post(`/check-ins/${checkIn.body.id}/acknowledge`);
      expectStatus(again, 409);
      expect(again.body.code).toBe('CHECK_IN.ALREADY_ACKNOWLEDGED');
      const [stored] = await api.dataSource.query(
        `SELECT acknowledged_by, acknowledged_at FROM check_ins WHERE id = $1`,
        [checkIn.body.id],
      );
      expect(stored).toEqual({ acknowledged_by: t.users.clientViewer, acknowledged_at: at });

      // A check-in at a client the viewer is not granted is out of reach.
      expectStatus(await t.clientViewer.post(`/check-ins/${t.b.checkInId}/acknowledge`), 404);
    });
  });

  describe('check-in list', () => {
    it("lists a priority's check-ins newest first, paged, with the acknowledgement", async () => {
      const engagementId = await newEngagement('CRO');
      const p = await createPriority(engagementId, 'Checked often');
      expectStatus(p, 201);
      const ids: string[] = [];
      for (const confidence of [7, 6, 5]) {
        const c = await t.executive.post(`/priorities/${p.body.id}/check-ins`, {
          rag: 'on_track',
          confidence,
          note: `Week at ${confidence}`,
        });
        expectStatus(c, 201);
        ids.push(c.body.id);
      }
      expectStatus(await t.clientViewer.post(`/check-ins/${ids[0]}/acknowledge`), 200);

      const list = await t.manager.get(`/priorities/${p.body.id}/check-ins`);
      expectStatus(list, 200);
      expect(list.body).toMatchObject({ total: 3, limit: 25, offset: 0 });
      expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([...ids].reverse());
      expect(list.body.items[2]).toMatchObject({ acknowledgedBy: t.users.clientViewer, authorId: t.users.executive });

      const asc = await t.clientViewer.get(`/priorities/${p.body.id}/check-ins?order=asc&limit=2&offset=1`);
      expectStatus(asc, 200);
      expect(asc.body.total).toBe(3);
      expect(asc.body.items.map((c: { id: string }) => c.id)).toEqual(ids.slice(1, 3));
      expectStatus(await t.manager.get(`/priorities/${p.body.id}/check-ins?limit=101`), 400);
    });
  });

  describe('audit trail', () => {
    it('records a re-plan as milestone.replanned with before/after and the actor', async () => {
      const m = await t.manager.post(`/priorities/${t.a.priorityId}/milestones`, {
        title: 'Audited',
        dueDate: '2026-09-01',
      });
      expectStatus(m, 201);
      expectStatus(
        await t.manager.post(`/milestones/${m.body.id}/replan`, {
          dueDate: '2026-09-15',
          reason: 'Audit me',
          category: 'executive',
        }),
        200,
      );

      const byType = await t.admin.get('/audit-events?entityType=milestone&limit=100');
      expectStatus(byType, 200);
      expect(byType.body.items.every((e: { entityType: string }) => e.entityType === 'milestone')).toBe(true);
      const event = byType.body.items.find(
        (e: { action: string; entityId: string }) => e.action === 'milestone.replanned' && e.entityId === m.body.id,
      );
      expect(event).toMatchObject({
        actorId: t.users.manager,
        entityType: 'milestone',
        before: expect.objectContaining({ dueDate: '2026-09-01', baselineDueDate: '2026-09-01' }),
        after: expect.objectContaining({ dueDate: '2026-09-15', baselineDueDate: '2026-09-01', reason: 'Audit me' }),
      });

      const byEntity = await t.admin.get(`/audit-events?entityType=milestone&entityId=${m.body.id}&order=asc`);
      expect(byEntity.body.items.map((e: { action: string }) => e.action)).toEqual([
        'milestone.created',
        'milestone.replanned',
      ]);
      expect(byEntity.body.total).toBe(2);

      expectStatus(await t.manager.get('/audit-events'), 403);
      expectStatus(await t.admin.get('/audit-events?limit=101'), 400);
    });

    it('records a check-in as check_in.created with the whole check-in, written by the same statement', async () => {
      const c = await t.manager.post(`/priorities/${t.a.priorityId}/check-ins`, {
        rag: 'at_risk',
        confidence: 4,
        note: '  Audited check-in ',
        blockers: ' Legal ',
      });
      expectStatus(c, 201);
      const events = await t.admin.get(`/audit-events?entityType=check_in&entityId=${c.body.id}`);
      expectStatus(events, 200);
      expect(events.body.items).toHaveLength(1);
      expect(events.body.items[0]).toMatchObject({
        action: 'check_in.created',
        actorId: t.users.manager,
        entityType: 'check_in',
        entityId: c.body.id,
        before: null,
      });
      expect(events.body.items[0].after).toEqual({
        id: c.body.id,
        organizationId: t.organizationId,
        priorityId: t.a.priorityId,
        authorId: t.users.manager,
        rag: 'at_risk',
        confidence: 4,
        note: 'Audited check-in',
        blockers: 'Legal',
        // Free-text blockers are also stored as one item, not flagged for the client (storedBlockers).
        blockersNeedClientAction: false,
        blockerItems: [{ text: 'Legal', needsClientAction: false }],
        acknowledgedBy: null,
        acknowledgedAt: null,
        createdAt: c.body.createdAt,
      });
      // Out of reach (another organization's manager, a client viewer): 404 or 403, no check-in and no audit row anywhere.
      const other = await createTenant(api.http, 'AuditOther');
      const before = [
        await rowCounts(api.dataSource, t.organizationId),
        await rowCounts(api.dataSource, other.organizationId),
      ];
      expectStatus(
        await other.manager.post(`/priorities/${t.a.priorityId}/check-ins`, {
          rag: 'on_track',
          confidence: 5,
          note: 'Not mine',
        }),
        404,
      );
      expectStatus(
        await t.clientViewer.post(`/priorities/${t.a.priorityId}/check-ins`, {
          rag: 'on_track',
          confidence: 5,
          note: 'Not mine',
        }),
        403,
      );
      expect([
        await rowCounts(api.dataSource, t.organizationId),
        await rowCounts(api.dataSource, other.organizationId),
      ]).toEqual(before);
    });
  });

  describe('lists: paging, filtering, sorting', () => {
    let admin: HttpClient;
    const names: string[] = [];

    beforeAll(async () => {
      // A separate organization, so totals are exact.
      const tag = randomBytes(4).toString('hex');
      const email = `lists-${tag}@firm.test`;
      const signup = await signUp(api.http, {
        organizationName: `Lists ${tag}`,
        name: 'List Admin',
        email,
        password: TEST_PASSWORD,
      });
      expectStatus(signup, 201);
      admin = await login(api.http, email);
      // Mixed case so a byte-wise sort would differ from the case-insensitive one; created out of order.
      for (let i = 0; i < 30; i += 1) names.push(`${i % 2 ? 'client' : 'Client'} ${String(i).padStart(2, '0')}`);
      for (let k = 0; k < 30; k += 1)
        expectStatus(await admin.post('/clients', { name: names[(k * 7) % 30], stage: 'growth' }), 201);
    });

    const sortedNames = () => [...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));

    it('pages clients: default limit 25, limit capped at 100, offset, and the true total', async () => {
      const first = await admin.get('/clients');
      expectStatus(first, 200);
      expect(first.body).toMatchObject({ total: 30, limit: 25, offset: 0 });
      expect(first.body.items).toHaveLength(25);

      const second = await admin.get('/clients?offset=25');
      expect(second.body).toMatchObject({ total: 30, limit: 25, offset: 25 });
      expect(second.body.items).toHaveLength(5);
      const all = [...first.body.items, ...second.body.items].map((c: { name: string }) => c.name);
      expect(new Set(all).size).toBe(30);
      expect(all).toEqual(sortedNames());

      const window = await admin.get('/clients?limit=5&offset=10');
      expect(window.body.items.map((c: { name: string }) => c.name)).toEqual(sortedNames().slice(10, 15));
      expect(window.body.total).toBe(30);

      expect((await admin.get('/clients?limit=100')).body.items).toHaveLength(30);
      for (const bad of [
        'limit=101',
        'limit=0',
        'limit=-1',
        'offset=-1',
        'limit=abc',
        'order=sideways',
        'sort=industry',
      ]) {
        const r = await admin.get(`/clients?${bad}`);
        expect({ bad, status: r.status }).toEqual({ bad, status: 400 });
      }
    });

    it('reports the true total even on a page past the end', async () => {
      const beyond = await admin.get('/clients?offset=40');
      expectStatus(beyond, 200);
      expect(beyond.body.items).toEqual([]);
      expect(beyond.body.total).toBe(30);
    });

    it('sorts clients by name ascending and descending, case-insensitively', async () => {
      const asc = await admin.get('/clients?sort=name&order=asc&limit=100');
      const desc = await admin.get('/clients?sort=name&order=desc&limit=100');
      expect(asc.body.items.map((c: { name: string }) => c.name)).toEqual(sortedNames());
      expect(desc.body.items.map((c: { name: string }) => c.name)).toEqual(sortedNames().reverse());
      const search = await admin.get('/clients?search=CLIENT%200&limit=100');
      expect(search.body.total).toBe(10);
    });

    it('filters engagements by status, client and function (and combinations), with exact totals', async () => {
      const clients = await admin.get('/clients?limit=3');
      const [x, y, z] = clients.body.items.map((c: { id: string }) => c.id);
      const exec = await admin.post('/executives', {
        name: 'Multi Exec',
        email: `multi-${randomBytes(3).toString('hex')}@example.com`,
        functions: ['CRO', 'CMO', 'CPO'],
      });
      expectStatus(exec, 201);
      const specs: Array<[string, string, string]> = [
        [x, 'CRO', 'active'],
        [x, 'CMO', 'paused'],
        [y, 'CRO', 'active'],
        [y, 'CPO', 'proposed'],
        [z, 'CMO', 'completed'],
        [z, 'CRO', 'active'],
      ];
      for (const [clientId, fn, status] of specs) {
        expectStatus(
          await admin.post('/engagements', {
            clientId,
            executiveId: exec.body.id,
            function: fn,
            status,
            startDate: '2026-02-01',
            daysPerWeek: 1,
          }),
          201,
        );
      }
      const query = async (q: string) => {
        const r = await admin.get(`/engagements?${q}`);
        expectStatus(r, 200);
        return r.body as { items: Array<{ clientId: string; function: string; status: string }>; total: number };
      };
      expect((await query('')).total).toBe(6);
      const active = await query('status=active');
      expect(active.total).toBe(3);
      expect(active.items.every((e) => e.status === 'active')).toBe(true);
      const ofX = await query(`clientId=${x}`);
      expect(ofX.total).toBe(2);
      expect(ofX.items.every((e) => e.clientId === x)).toBe(true);
      const cro = await query('function=CRO');
      expect(cro.total).toBe(3);
      expect(cro.items.every((e) => e.function === 'CRO')).toBe(true);
      const combined = await query(`status=active&function=CRO&clientId=${y}`);
      expect(combined.total).toBe(1);
      expect(combined.items[0]).toMatchObject({ clientId: y, function: 'CRO', status: 'active' });
      expect((await query('status=cancelled')).total).toBe(0);

      const page = await query('sort=createdAt&order=asc&limit=2&offset=2');
      expect(page.total).toBe(6);
      expect(page.items.map((e) => [e.clientId, e.function, e.status])).toEqual(specs.slice(2, 4));

      expectStatus(await admin.get('/engagements?status=unknown'), 400);
      expectStatus(await admin.get('/engagements?function=CEO'), 400);
      expectStatus(await admin.get('/engagements?clientId=not-a-uuid'), 400);
    });
  });
});

import { mapRow, type ImportType } from './import-columns';
import { planImport, type ExistingRecords, type ImportPlan, type ImportRecord } from './import-plan';

const writeOf = (plan: ImportPlan, type: ImportType) => plan.writes.find((w) => w.type === type)!;

let ids = 0;
const ctx = () => ({
  today: '2026-03-10',
  now: new Date('2026-03-10T12:00:00Z'),
  focusCap: 2,
  newId: () => `new-${(ids += 1)}`,
});

function existing(
  records: Partial<Record<ImportType, ImportRecord[]>> = {},
  active: Array<[string, string, number]> = [],
) {
  const byKey = {} as ExistingRecords['byKey'];
  for (const type of ['clients', 'executives', 'engagements', 'owners', 'priorities', 'milestones'] as const)
    byKey[type] = new Map((records[type] ?? []).map((r) => [r.external_key as string, r]));
  const activePriorities = new Map<string, Array<{ id: string; rank: number }>>();
  for (const [engagement, id, rank] of active)
    activePriorities.set(engagement, [...(activePriorities.get(engagement) ?? []), { id, rank }]);
  return { byKey, activePriorities, managers: new Map([['am@firm.example', 'user-am']]) };
}

const rows = (type: ImportType, records: Array<Record<string, string>>) =>
  records.map((r, i) => mapRow(type, i + 2, r));

const acme: ImportRecord = {
  id: 'client-1',
  external_key: 'CL-1',
  name: 'Acme',
  industry: null,
  stage: 'growth',
  status: 'active',
  account_manager_email: null,
  account_manager_id: null,
};

describe('planImport', () => {
  beforeEach(() => {
    ids = 0;
  });

  it('creates a new key, leaves an identical row unchanged and updates a changed one, naming the columns', () => {
    const plan = planImport(
      {
        clients: rows('clients', [
          { external_key: 'CL-1', name: 'Acme', stage: 'growth' },
          { external_key: 'CL-2', name: 'Brightleaf', stage: 'emerging' },
        ]),
      },
      existing({ clients: [acme] }),
      ctx(),
    );
    expect(plan.rows.map((r) => [r.externalKey, r.outcome])).toEqual([
      ['CL-1', 'unchanged'],
      ['CL-2', 'created'],
    ]);
    expect(writeOf(plan, 'clients').create).toEqual([
      expect.objectContaining({ id: 'new-1', name: 'Brightleaf', status: 'active', account_manager_id: null }),
    ]);

    const changed = planImport(
      {
        clients: rows('clients', [
          { external_key: 'CL-1', name: 'Acme', stage: 'enterprise', account_manager_email: 'AM@firm.example' },
        ]),
      },
      existing({ clients: [acme] }),
      ctx(),
    );
    expect(changed.rows[0]).toMatchObject({ outcome: 'updated', changed: ['stage', 'account_manager_email'] });
    expect(writeOf(changed, 'clients').update[0].after).toMatchObject({
      stage: 'enterprise',
      account_manager_id: 'user-am',
    });
  });

  it('resolves keys to rows of the same upload or of the organization, and names an unknown one', () => {
    const plan = planImport(
      {
        owners: rows('owners', [
          { external_key: 'OW-1', client_key: 'CL-1', name: 'Priya' },
          { external_key: 'OW-2', client_key: 'CL-9', name: 'Sam' },
        ]),
      },
      existing({ clients: [acme] }),
      ctx(),
    );
    expect(plan.rows[0]).toMatchObject({ outcome: 'created', errors: [] });
    expect(writeOf(plan, 'owners').create[0]).toMatchObject({ client_id: 'client-1' });
    expect(plan.rows[1]).toMatchObject({
      outcome: 'error',
      errors: [
        { column: 'client_key', rule: 'no client with external_key CL-9 in this import or in your organization' },
      ],
    });
  });

  it('refuses a key repeated in one file', () => {
    const plan = planImport(
      {
        clients: rows('clients', [
          { external_key: 'CL-5', name: 'A', stage: 'growth' },
          { external_key: 'CL-5', name: 'B', stage: 'growth' },
        ]),
      },
      existing(),
      ctx(),
    );
    expect(plan.rows[1].errors).toEqual([{ column: 'external_key', rule: 'repeats the key of line 2' }]);
  });

  const engagement: ImportRecord = { id: 'eng-1', external_key: 'EN-1', client_id: 'client-1', client_key: 'CL-1' };
  const owner: ImportRecord = { id: 'own-1', external_key: 'OW-1', client_id: 'client-1', client_key: 'CL-1' };
  const priority = (key: string, rank = '') => ({
    external_key: key,
    engagement_key: 'EN-1',
    owner_key: 'OW-1',
    title: key,
    rank,
    start_date: '2026-01-05',
    target_date: '2026-06-30',
  });

  it('keeps the focus cap: with one active priority already and a cap of 2, the second activation in the file fails', () => {
    const plan = planImport(
      { priorities: rows('priorities', [priority('PR-1'), priority('PR-2')]) },
      existing({ engagements: [engagement], owners: [owner] }, [['eng-1', 'old-1', 1]]),
      ctx(),
    );
    expect(plan.rows.map((r) => r.outcome)).toEqual(['created', 'error']);
    expect(plan.rows[1].errors[0]).toEqual({
      column: 'status',
      rule: 'the engagement would have 3 active priorities and the focus cap is 2 (PRIORITY.FOCUS_CAP_EXCEEDED)',
    });
    expect(writeOf(plan, 'priorities').create[0].rank).toBe(2); // after the one already active
  });

  it('refuses two active priorities with one rank, and an owner of another client', () => {
    const stranger: ImportRecord = { id: 'own-2', external_key: 'OW-2', client_id: 'client-2', client_key: 'CL-2' };
    const plan = planImport(
      {
        priorities: rows('priorities', [
          priority('PR-1', '1'),
          priority('PR-2', '1'),
          { ...priority('PR-3'), owner_key: 'OW-2', status: 'draft' },
        ]),
      },
      existing({ engagements: [engagement], owners: [owner, stranger] }),
      ctx(),
    );
    expect(plan.rows[1].errors).toEqual([{ column: 'rank', rule: 'rank 1 is already taken by line 2' }]);
    expect(plan.rows[2].errors).toEqual([
      { column: 'owner_key', rule: "the owner is not at the engagement's client (one owner, of that client)" },
    ]);
  });

  const milestone: ImportRecord = {
    id: 'ms-1',
    external_key: 'MS-1',
    priority_key: 'PR-1',
    priority_id: 'pr-1',
    title: 'Launch',
    due_date: '2026-03-31',
    baseline_due_date: '2026-03-31',
    forecast_date: null,
    status: 'planned',
    weight: 1,
    completed_at: null,
  };
  const pr: ImportRecord = { id: 'pr-1', external_key: 'PR-1' };

  it('needs a reason to move a due date, and keeps the reason for the history', () => {
    const file = (reason: string) =>
      rows('milestones', [
        {
          external_key: 'MS-1',
          priority_key: 'PR-1',
          title: 'Launch',
          due_date: '2026-04-30',
          replan_reason: reason,
          replan_category: reason ? 'client' : '',
        },
      ]);
    const refused = planImport(
      { milestones: file('') },
      existing({ priorities: [pr], milestones: [milestone] }),
      ctx(),
    );
    expect(refused.rows[0].errors).toEqual([
      { column: 'replan_reason', rule: 'required when due_date changes (a re-plan keeps its reason)' },
      {
        column: 'replan_category',
        rule: 'required when due_date changes (client, executive, allocation, dependency or scope)',
      },
    ]);
    const replanned = planImport(
      { milestones: file('Vendor slipped') },
      existing({ priorities: [pr], milestones: [milestone] }),
      ctx(),
    );
    expect(replanned.rows[0]).toMatchObject({ outcome: 'updated', changed: ['due_date'] });
    expect(writeOf(replanned, 'milestones').update[0]).toMatchObject({
      replanReason: 'Vendor slipped',
      after: { due_date: '2026-04-30', baseline_due_date: '2026-03-31' },
    });
  });

  it('never changes a baseline or a done milestone', () => {
    const done = { ...milestone, status: 'done', completed_at: '2026-03-01T09:00:00.000Z' };
    const plan = planImport(
      {
        milestones: rows('milestones', [
          {
            external_key: 'MS-1',
            priority_key: 'PR-1',
            title: 'Launch',
            due_date: '2026-03-31',
            baseline_due_date: '2026-03-15',
          },
          {
            external_key: 'MS-2',
            priority_key: 'PR-1',
            title: 'Renamed',
            due_date: '2026-03-31',
            status: 'done',
            completed_at: '2026-03-01T09:00:00Z',
          },
        ]),
      },
      existing({ priorities: [pr], milestones: [milestone, { ...done, id: 'ms-2', external_key: 'MS-2' }] }),
      ctx(),
    );
    expect(plan.rows[0].errors).toEqual([
      { column: 'baseline_due_date', rule: 'the baseline never changes (it is 2026-03-31)' },
    ]);
    expect(plan.rows[1].errors).toEqual([{ column: 'title', rule: 'the milestone is done: it cannot change' }]);
  });
});

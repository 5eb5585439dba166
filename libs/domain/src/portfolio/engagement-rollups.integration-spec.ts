import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { appDatabaseUrl, createDataSource, Db, runForOrganization, type Tx } from '@app/database';
import { EngagementRollupsRepository } from './engagement-rollups.repository';

/**
 * The portfolio's maintained read model (migrations/1765600000000-EngagementRollups.ts) against a computation from
 * scratch: random sequences of writes, single- and multi-row, each in a transaction of the application role (row-level
 * security on), then every rollup of the organization is compared with (1) the same function run afresh over every
 * engagement and (2) facts computed here from the base tables with plain SQL.
 */
describe('engagement_rollups stay equal to a computation from scratch', () => {
  const ownerUrl = process.env.DATABASE_URL!;
  let owner: DataSource;
  let app: DataSource;
  let db: Db;
  const rollups = new EngagementRollupsRepository();
  const org = randomUUID();
  const clients = [randomUUID(), randomUUID()];
  const executive = randomUUID();
  const ownerId = randomUUID();
  const author = randomUUID();
  let rank = 1;

  beforeAll(async () => {
    owner = await createDataSource({ url: ownerUrl, poolSize: 2 }).initialize();
    await owner.query(`INSERT INTO organizations (id, name) VALUES ($1, 'Rollups')`, [org]);
    await owner.query(
      `INSERT INTO users (id, organization_id, email, name, password_hash, role, timezone)
       VALUES ($2, $1, $3, 'Author', 'x', 'account_manager', 'UTC')`,
      [org, author, `rollups-${org}@firm.test`],
    );
    await owner.query(
      `INSERT INTO clients (id, organization_id, name, stage) VALUES ($2, $1, 'Acme', 'growth'), ($3, $1, 'Brightleaf', 'growth')`,
      [org, ...clients],
    );
    await owner.query(
      `INSERT INTO executives (id, organization_id, name, email, functions) VALUES ($2, $1, 'Ex', 'ex@firm.test', '{CRO}')`,
      [org, executive],
    );
    await owner.query(`INSERT INTO owners (id, organization_id, client_id, name) VALUES ($2, $1, $3, 'Owner')`, [
      org,
      ownerId,
      clients[0],
    ]);
    app = await createDataSource({ url: appDatabaseUrl({ ownerUrl }), poolSize: 2 }).initialize();
    db = new Db(app);
  });
  afterAll(async () => {
    await app?.destroy();
    await owner?.query(`DELETE FROM organizations WHERE id = $1`, [org]);
    await owner?.destroy();
  });

  const inOrg = <T>(work: (tx: Tx) => Promise<T>) => runForOrganization(org, () => db.transaction(work));
  const ids = async (table: string): Promise<string[]> =>
    (await owner.query(`SELECT id FROM ${table} WHERE organization_id = $1 ORDER BY id`, [org])).map(
      (r: { id: string }) => r.id,
    );
  const pick = (list: string[], n: number) => list[n % list.length];

  type Op = (tx: Tx, n: number, m: number) => Promise<unknown>;
  /** Each write takes two random numbers; every one is one statement, several touch many rows at once. */
  const OPS: Record<string, Op> = {
    addEngagement: async (tx, n) =>
      tx.query(
        `INSERT INTO engagements (organization_id, client_id, executive_id, function, status, start_date, days_per_week)
         SELECT $1, $2, $3, 'CRO', $4, '2026-01-01'::date + $5::int, 2 FROM generate_series(1, 1 + $5::int % 2)`,
        [org, pick(clients, n), executive, pick(['active', 'paused', 'proposed'], n), n % 40],
      ),
    updateEngagement: async (tx, n, m) => {
      const e = await ids('engagements');
      if (e.length)
        await tx.query(
          `UPDATE engagements SET status = $3, start_date = start_date + $4::int, client_id = $5 WHERE organization_id = $1 AND id = $2`,
          [org, pick(e, n), pick(['active', 'completed', 'paused'], m), (m % 7) - 3, pick(clients, m)],
        );
    },
    renameClient: async (tx, n, m) =>
      tx.query(`UPDATE clients SET name = $3 WHERE organization_id = $1 AND id = $2`, [
        org,
        pick(clients, n),
        `Client ${m % 9}`,
      ]),
    addPriorities: async (tx, n, m) => {
      const e = await ids('engagements');
      if (!e.length) return;
      const first = rank;
      rank += 3;
      await tx.query(
        `INSERT INTO priorities (organization_id, engagement_id, title, rank, owner_id, status, start_date, target_date)
         SELECT $1, $2, 'P' || k, $3::int + k, $4, $5, '2026-01-01'::date + $6::int, '2026-06-01'::date + $6::int FROM generate_series(0, $7::int) k`,
        [org, pick(e, n), first, ownerId, pick(['active', 'draft', 'achieved'], m), m % 60, m % 3],
      );
    },
    updatePriorities: async (tx, n, m) =>
      // Every priority of one engagement at once.
      tx.query(
        `UPDATE priorities SET status = $3, target_date = target_date + $4::int, rank = rank + 1000
          WHERE organization_id = $1 AND engagement_id = (SELECT id FROM engagements WHERE organization_id = $1 ORDER BY id OFFSET $2 LIMIT 1)`,
        [org, n % 4, pick(['active', 'dropped', 'draft'], m), m % 10],
      ),
    deletePriority: async (tx, n) => {
      const p = await ids('priorities');
      if (p.length) await tx.query(`DELETE FROM priorities WHERE organization_id = $1 AND id = $2`, [org, pick(p, n)]);
    },
    addMilestones: async (tx, n, m) => {
      const p = await ids('priorities');
      if (!p.length) return;
      // Across two priorities (often two engagements) in one statement.
      await tx.query(
        `INSERT INTO milestones (organization_id, priority_id, title, baseline_due_date, due_date, status, weight, completed_at)
         SELECT $1, pid, 'M' || k, d, d, s, 1 + k % 3, CASE WHEN s = 'done' THEN now() END
           FROM unnest($2::uuid[]) pid CROSS JOIN generate_series(1, 1 + $3::int % 4) k
           CROSS JOIN LATERAL (SELECT '2026-02-01'::date + ($3::int * k) % 90 AS d, (ARRAY['planned','in_progress','done','cancelled'])[1 + (k + $3::int) % 4] AS s) x`,
        [org, [pick(p, n), pick(p, n + m)], m],
      );
    },
    completeMilestone: async (tx, n) => {
      const ms = await ids('milestones');
      if (ms.length)
        await tx.query(
          `UPDATE milestones SET status = 'done', completed_at = now() WHERE organization_id = $1 AND id = $2`,
          [org, pick(ms, n)],
        );
    },
    replanMilestones: async (tx, n, m) =>
      // Many rows across engagements: every open milestone due after a date moves.
      tx.query(
        `UPDATE milestones SET due_date = due_date + $2::int, status = CASE WHEN $3::int % 2 = 0 THEN 'in_progress' ELSE status END
          WHERE organization_id = $1 AND status IN ('planned','in_progress') AND due_date > '2026-02-01'::date + $4::int`,
        [org, (m % 21) - 10, m, n % 90],
      ),
    deleteMilestone: async (tx, n) => {
      const ms = await ids('milestones');
      if (ms.length)
        await tx.query(`DELETE FROM milestones WHERE organization_id = $1 AND id = $2`, [org, pick(ms, n)]);
    },
    addCheckIn: async (tx, n, m) => {
      const p = await ids('priorities');
      if (p.length)
        await tx.query(
          `INSERT INTO check_ins (organization_id, priority_id, author_id, rag, confidence, note, created_at)
           VALUES ($1, $2, $3, $4, 5, 'n', '2026-03-01'::timestamptz + make_interval(hours => $5::int))`,
          [org, pick(p, n), author, pick(['on_track', 'at_risk', 'off_track'], m), m % 500],
        );
    },
    raiseAlerts: async (tx, n, m) => {
      const e = await ids('engagements');
      if (e.length)
        await tx.query(
          `INSERT INTO drift_alerts (organization_id, rule, subject_type, subject_id, engagement_id, severity, status, message, first_seen_at, last_seen_at)
           SELECT $1, r, 'engagement', gen_random_uuid(), eid, $4, 'open', 'm', now(), now()
             FROM unnest($2::uuid[]) eid CROSS JOIN unnest($3::text[]) r`,
          [
            org,
            [pick(e, n), pick(e, m)].filter((v, i, a) => a.indexOf(v) === i),
            [pick(['priority_stalled', 'allocation_mismatch', 'owner_missing'], m)],
            pick(['info', 'warning', 'critical'], n),
          ],
        );
    },
    changeAlerts: async (tx, n, m) =>
      tx.query(
        `UPDATE drift_alerts SET status = $2, severity = $3 WHERE organization_id = $1 AND status <> 'resolved' AND (hashtext(id::text) % 3 + 3) % 3 = $4`,
        [org, pick(['acknowledged', 'resolved', 'open'], n), pick(['critical', 'warning', 'info'], m), m % 3],
      ),
    touchAlerts: async (tx) =>
      tx.query(
        `UPDATE drift_alerts SET last_seen_at = now(), message = 'seen' WHERE organization_id = $1 AND status <> 'resolved'`,
        [org],
      ),
    upsertSnapshots: async (tx, n, m) =>
      tx.query(
        `INSERT INTO drift_snapshots (organization_id, engagement_id, snapshot_date, score)
         SELECT $1, e.id, '2026-01-01'::date + $2::int, ($3::int + hashtext(e.id::text)) % 101 * sign(($3::int + hashtext(e.id::text)) % 101)
           FROM engagements e WHERE e.organization_id = $1
         ON CONFLICT (organization_id, engagement_id, snapshot_date) DO UPDATE SET score = EXCLUDED.score`,
        [org, n % 100, m],
      ),
    deleteSnapshots: async (tx, n) =>
      tx.query(
        `DELETE FROM drift_snapshots WHERE organization_id = $1 AND snapshot_date < '2026-01-01'::date + $2::int`,
        [org, n % 60],
      ),
  };

  /** What a rollup holds, without refreshed_at. */
  const STORED = `engagement_id, client_id, executive_id, function, status, to_char(start_date, 'YYYY-MM-DD') AS start_date, client_sort,
                  to_char(next_due, 'YYYY-MM-DD') AS next_due, drift_score, drift_trend, open_alerts, priorities`;

  async function maintainedAndFromScratch(): Promise<{ maintained: unknown[]; fresh: unknown[] }> {
    const runner = owner.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const read = () =>
        runner.query(`SELECT ${STORED} FROM engagement_rollups WHERE organization_id = $1 ORDER BY engagement_id`, [
          org,
        ]);
      const maintained = await read();
      await runner.query(`DELETE FROM engagement_rollups WHERE organization_id = $1`, [org]);
      await runner.query(
        `SELECT refresh_engagement_rollups(ARRAY(SELECT id FROM engagements WHERE organization_id = $1))`,
        [org],
      );
      const fresh = await read();
      await runner.rollbackTransaction();
      return { maintained, fresh };
    } finally {
      await runner.release();
    }
  }

  /** Facts computed here from the base tables, independently of the migration's function. */
  async function independentFacts(): Promise<unknown[]> {
    return owner.query(
      `SELECT e.id AS engagement_id, lower(c.name) AS client_sort,
              (SELECT to_char(min(m.due_date), 'YYYY-MM-DD') FROM milestones m JOIN priorities pr ON pr.id = m.priority_id
                WHERE pr.engagement_id = e.id AND m.status IN ('planned','in_progress')) AS next_due,
              (SELECT s.score FROM drift_snapshots s WHERE s.engagement_id = e.id ORDER BY s.snapshot_date DESC LIMIT 1) AS drift_score,
              (SELECT count(*)::int FROM drift_alerts a WHERE a.engagement_id = e.id AND a.status <> 'resolved') AS open_alerts,
              (SELECT count(*)::int FROM priorities pr WHERE pr.engagement_id = e.id) AS priorities,
              (SELECT count(*)::int FROM milestones m JOIN priorities pr ON pr.id = m.priority_id
                WHERE pr.engagement_id = e.id AND m.status IN ('planned','in_progress')) AS open_milestones,
              (SELECT coalesce(sum(m.weight) FILTER (WHERE m.status = 'done'), 0)::float8 FROM milestones m JOIN priorities pr ON pr.id = m.priority_id
                WHERE pr.engagement_id = e.id) AS done_weight,
              (SELECT max(x.created_at) FROM check_ins x JOIN priorities pr ON pr.id = x.priority_id WHERE pr.engagement_id = e.id) AS last_check_in_at
         FROM engagements e JOIN clients c ON c.id = e.client_id WHERE e.organization_id = $1 ORDER BY e.id`,
      [org],
    );
  }

  async function factsFromRollups(): Promise<unknown[]> {
    return owner.query(
      `SELECT r.engagement_id, r.client_sort, to_char(r.next_due, 'YYYY-MM-DD') AS next_due, r.drift_score,
              (SELECT coalesce(sum((a->>'n')::int), 0)::int FROM json_array_elements(r.open_alerts) a) AS open_alerts,
              json_array_length(r.priorities) AS priorities,
              (SELECT coalesce(sum(json_array_length(p->'open_due')), 0)::int FROM json_array_elements(r.priorities) p) AS open_milestones,
              (SELECT coalesce(sum((p->>'done_weight')::numeric), 0)::float8 FROM json_array_elements(r.priorities) p) AS done_weight,
              (SELECT max((p->>'latest_check_in_at')::timestamptz) FROM json_array_elements(r.priorities) p) AS last_check_in_at
         FROM engagement_rollups r WHERE r.organization_id = $1 ORDER BY r.engagement_id`,
      [org],
    );
  }

  it('after every random sequence of writes', async () => {
    const names = Object.keys(OPS);
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...names), fc.nat(1000), fc.nat(1000)), { minLength: 1, maxLength: 10 }),
        async (writes) => {
          runs++;
          // Compared after each write: a later write refreshing the same engagement would hide a missed one.
          for (const [name, n, m] of writes) {
            await inOrg((tx) => OPS[name](tx, n, m));
            const { maintained, fresh } = await maintainedAndFromScratch();
            expect({ after: name, rollups: maintained }).toEqual({ after: name, rollups: fresh });
            expect({ after: name, facts: await factsFromRollups() }).toEqual({
              after: name,
              facts: await independentFacts(),
            });
          }
        },
      ),
      { numRuns: 40 },
    );
    const [{ n }] = await owner.query(`SELECT count(*)::int AS n FROM engagement_rollups WHERE organization_id = $1`, [
      org,
    ]);
    process.stdout.write(`\n[engagement-rollups] ${runs} random write sequences; ${n} engagements at the end\n`);
    expect(n).toBeGreaterThan(0);
  });

  it('two concurrent writes to one engagement both reach its rollup', async () => {
    const [{ id: engagement }] = await owner.query(
      `INSERT INTO engagements (organization_id, client_id, executive_id, function, status, start_date, days_per_week)
       VALUES ($1, $2, $3, 'CMO', 'active', '2026-01-01', 2) RETURNING id`,
      [org, clients[0], executive],
    );
    const [a, b] = (
      await owner.query(
        `INSERT INTO priorities (organization_id, engagement_id, title, rank, owner_id, status, start_date, target_date)
         SELECT $1, $2, 'C' || k, 5000 + k, $3, 'active', '2026-01-01', '2026-06-01' FROM generate_series(1, 2) k RETURNING id`,
        [org, engagement, ownerId],
      )
    ).map((r: { id: string }) => r.id);
    const checkIn = (tx: Tx, priority: string) =>
      tx.query(
        `INSERT INTO check_ins (organization_id, priority_id, rag, confidence, note) VALUES ($1, $2, 'at_risk', 4, 'x')`,
        [org, priority],
      );
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstWrote!: () => void;
    const firstHasWritten = new Promise<void>((resolve) => (firstWrote = resolve));
    const first = inOrg(async (tx) => {
      await checkIn(tx, a);
      firstWrote();
      await firstHolds; // keeps its transaction open while the second writes
    });
    await firstHasWritten;
    const second = inOrg((tx) => checkIn(tx, b)); // waits for the first's lock on the rollup row
    await new Promise((resolve) => setTimeout(resolve, 200));
    releaseFirst();
    await Promise.all([first, second]);
    const [row] = await owner.query(`SELECT priorities FROM engagement_rollups WHERE engagement_id = $1`, [engagement]);
    const rags = (row.priorities as Array<{ id: string; latest_rag: string | null }>).map((p) => p.latest_rag);
    expect(rags).toEqual(['at_risk', 'at_risk']);
  });

  it('the repository refreshes given engagements as one statement, a no-op on an empty list', async () => {
    const e = await ids('engagements');
    await owner.query(`UPDATE engagement_rollups SET drift_score = 101, next_due = NULL WHERE engagement_id = $1`, [
      e[0],
    ]);
    await inOrg((tx) => rollups.refresh(tx, org, []));
    await inOrg((tx) => rollups.refresh(tx, org, [e[0]]));
    const { maintained, fresh } = await maintainedAndFromScratch();
    expect(maintained).toEqual(fresh);
  });
});

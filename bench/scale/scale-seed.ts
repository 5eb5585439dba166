import { createHash } from 'node:crypto';
import type { Client } from 'pg';

/**
 * The scale data set of issue 7, built with set-based SQL only (INSERT … SELECT generate_series): one large
 * organization (1,000 clients, 3,000 engagements, 15,000 priorities, 150,000 milestones with slips and re-plans,
 * 60,000 check-ins, 30 days of drift snapshots) and 100 small organizations, so tenant filters matter.
 * Used by `npm run seed:scale` (bench/seed-scale.ts) and by the API benchmark (bench/api.bench.ts).
 *
 * Ids are deterministic (md5 of a tag → a version-4 uuid), so rows reference each other without round trips and the
 * seed knows its own organizations again (to refuse a second run, or to delete exactly them on --reset).
 */

export const SCALE_LARGE_ORGANIZATION_ID = '5ca1e000-0000-4000-8000-000000000001';
export const SCALE_SMALL_ORGANIZATIONS = 100;
/** Every seeded user logs in with this password (bench data, never production). */
export const SCALE_PASSWORD = 'scale-seed-password';
export const SCALE_EMAIL_DOMAIN = 'scale.throughline.test';

export const SCALE_SIZE = {
  clients: 1_000,
  engagementsPerClient: 3,
  executives: 600,
  prioritiesPerEngagement: 5,
  milestonesPerPriority: 10,
  checkInsPerPriority: 4,
  snapshotDays: 30,
  accountManagers: 20,
  clientViewers: 50,
  clientsPerViewer: 3,
} as const;
const ENGAGEMENTS = SCALE_SIZE.clients * SCALE_SIZE.engagementsPerClient;
const PRIORITIES = ENGAGEMENTS * SCALE_SIZE.prioritiesPerEngagement;

/** Small organizations: each has an admin, an account manager, 5 clients, 10 engagements, 3 priorities each… */
const SMALL = { clients: 5, engagements: 10, prioritiesPerEngagement: 3, milestonesPerPriority: 5, checkInsPerPriority: 2 } as const;

/** The well-known logins of the large organization. */
export const scaleEmails = {
  admin: `admin@large.${SCALE_EMAIL_DOMAIN}`,
  accountManager: (n = 1) => `am-${n}@large.${SCALE_EMAIL_DOMAIN}`,
  clientViewer: (n = 1) => `viewer-${n}@large.${SCALE_EMAIL_DOMAIN}`,
};

/** Every organization this seed creates: the large one and the 100 small ones (same ids on every run). */
export function scaleOrganizationIds(): string[] {
  return [SCALE_LARGE_ORGANIZATION_ID, ...Array.from({ length: SCALE_SMALL_ORGANIZATIONS }, (_, i) => smallOrganizationId(i + 1))];
}

/** md5('scale-small:<n>') as a version-4 uuid, the same expression the SQL uses (uuidOf). */
export function smallOrganizationId(n: number): string {
  const md5 = createHash('md5').update(`scale-small:${n}`).digest('hex');
  const hex = `${md5.slice(0, 12)}4${md5.slice(13, 16)}8${md5.slice(17)}`;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// ---------------------------------------------------------------------------------------------------------
// Large organization. $1 organization id, $2 today (UTC date), $3 now (timestamptz); the users step: $2 password hash.
// ---------------------------------------------------------------------------------------------------------

/** md5 of a tag as a version-4 uuid (version and variant digits set, so the API's UUID validation accepts it). */
const uuidOf = (text: string) => `overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17)::uuid`;
const id = (kind: string, expr: string) => uuidOf(`$1::uuid::text || ':${kind}:' || (${expr})`);
/** Engagement e (1..3,000) belongs to client ((e-1) % 1,000) + 1; priority p to engagement ((p-1) / 5) + 1. */
const clientOf = (e: string) => `((${e} - 1) % ${SCALE_SIZE.clients} + 1)`;
const engagementOf = (p: string) => `((${p} - 1) / ${SCALE_SIZE.prioritiesPerEngagement} + 1)`;
const rankOf = (p: string) => `((${p} - 1) % ${SCALE_SIZE.prioritiesPerEngagement} + 1)`;
/** Re-plans of milestone n of priority p (forward by 7 days each): a third re-planned, a few often. */
const replansOf = (p: string, n: string) => `(CASE WHEN (${p} + ${n}) % 13 = 0 THEN 3 WHEN (${p} + ${n}) % 9 = 0 THEN 2 WHEN (${p} + ${n}) % 6 = 0 THEN 1 ELSE 0 END)`;
/** Priority p runs from start (90 to 61 days ago) to start + 180 days; milestone n is due at start + 18·n (the current plan). */
const priorityStart = (p: string) => `($2::date - 90 + (${p} % 30))`;
const milestoneDue = (p: string, n: string) => `(${priorityStart(p)} + 18 * ${n})`;

export interface SeedStep {
  label: string;
  table: string;
  sql: string;
}

const LARGE: SeedStep[] = [
  {
    label: 'organization',
    table: 'organizations',
    sql: `INSERT INTO organizations (id, name, timezone, settings) VALUES ($1::uuid, 'Scale Fractional (large)', 'UTC', '{}')`,
  },
  {
    label: 'users',
    table: 'users',
    // 1 admin, 20 account managers, 50 client viewers: all log in with SCALE_PASSWORD.
    sql: `INSERT INTO users (id, organization_id, email, name, password_hash, role)
          SELECT ${id('u', `u.kind || u.n`)}, $1::uuid,
                 CASE u.kind WHEN 'admin' THEN 'admin' WHEN 'am' THEN 'am-' || u.n ELSE 'viewer-' || u.n END || '@large.${SCALE_EMAIL_DOMAIN}',
                 CASE u.kind WHEN 'admin' THEN 'Scale Admin' WHEN 'am' THEN 'Account Manager ' || u.n ELSE 'Client Viewer ' || u.n END,
                 $2::text, CASE u.kind WHEN 'admin' THEN 'admin' WHEN 'am' THEN 'account_manager' ELSE 'client_viewer' END
            FROM (SELECT 'admin' AS kind, 1 AS n
                  UNION ALL SELECT 'am', g FROM generate_series(1, ${SCALE_SIZE.accountManagers}) g
                  UNION ALL SELECT 'viewer', g FROM generate_series(1, ${SCALE_SIZE.clientViewers}) g) u`,
  },
  {
    label: 'clients',
    table: 'clients',
    sql: `INSERT INTO clients (id, organization_id, name, industry, stage, status, account_manager_id)
          SELECT ${id('c', 'g')}, $1::uuid, 'Client ' || lpad(g::text, 4, '0'), 'Industry ' || (g % 12),
                 (ARRAY['emerging','growth','enterprise'])[1 + g % 3], CASE WHEN g % 50 = 0 THEN 'inactive' ELSE 'active' END,
                 ${id('u', `'am' || (1 + g % ${SCALE_SIZE.accountManagers})`)}
            FROM generate_series(1, ${SCALE_SIZE.clients}) g`,
  },
  {
    label: 'client grants',
    table: 'client_grants',
    // Viewer v sees clients 3v-2, 3v-1, 3v (9 engagements).
    sql: `INSERT INTO client_grants (organization_id, user_id, client_id)
          SELECT $1::uuid, ${id('u', `'viewer' || v`)}, ${id('c', `(v - 1) * ${SCALE_SIZE.clientsPerViewer} + k`)}
            FROM generate_series(1, ${SCALE_SIZE.clientViewers}) v CROSS JOIN generate_series(1, ${SCALE_SIZE.clientsPerViewer}) k`,
  },
  {
    label: 'executives',
    table: 'executives',
    sql: `INSERT INTO executives (id, organization_id, name, email, functions)
          SELECT ${id('x', 'g')}, $1::uuid, 'Executive ' || g, 'exec-' || g || '@large.${SCALE_EMAIL_DOMAIN}',
                 (ARRAY['{CRO}','{CMO}','{CPO}','{CRO,CMO}'])[1 + g % 4]::text[]
            FROM generate_series(1, ${SCALE_SIZE.executives}) g`,
  },
  {
    label: 'engagements',
    table: 'engagements',
    // 80% active, 10% paused, 10% completed; functions match the executive's.
    sql: `INSERT INTO engagements (id, organization_id, client_id, executive_id, function, status, start_date, planned_end_date, days_per_week)
          SELECT ${id('e', 'e')}, $1::uuid, ${id('c', clientOf('e'))}, ${id('x', `x.n`)},
                 (ARRAY['CRO','CMO','CPO','CRO'])[1 + x.n % 4],
                 CASE WHEN e % 10 = 0 THEN 'completed' WHEN e % 10 = 5 THEN 'paused' ELSE 'active' END,
                 $2::date - 120 - (e % 200), $2::date + 60 + (e % 300), 0.5 + (e % 8) * 0.5
            FROM generate_series(1, ${ENGAGEMENTS}) e
            CROSS JOIN LATERAL (SELECT (e - 1) % ${SCALE_SIZE.executives} + 1 AS n) x`,
  },
  {
    label: 'allocation changes',
    table: 'allocation_changes',
    // The initial allocation of every engagement, and a scale-up 30 days ago for one in four.
    sql: `INSERT INTO allocation_changes (organization_id, engagement_id, effective_date, days_per_week, previous_days_per_week, reason, changed_by)
          SELECT $1::uuid, ${id('e', 'e')}, $2::date - 120 - (e % 200), 0.5 + (e % 8) * 0.5, NULL, 'Initial allocation', ${id('u', `'admin1'`)}
            FROM generate_series(1, ${ENGAGEMENTS}) e
          UNION ALL
          SELECT $1::uuid, ${id('e', 'e')}, $2::date - 30, LEAST(7, 1 + (e % 8) * 0.5), 0.5 + (e % 8) * 0.5, 'Scale-up for the quarter', ${id('u', `'admin1'`)}
            FROM generate_series(1, ${ENGAGEMENTS}) e WHERE e % 4 = 0`,
  },
  {
    label: 'owners',
    table: 'owners',
    sql: `INSERT INTO owners (id, organization_id, client_id, name, title, email)
          SELECT ${id('o', `c || '-' || k`)}, $1::uuid, ${id('c', 'c')}, 'Owner ' || c || '-' || k, 'VP ' || k,
                 CASE WHEN k < 3 THEN 'owner-' || c || '-' || k || '@client.${SCALE_EMAIL_DOMAIN}' END
            FROM generate_series(1, ${SCALE_SIZE.clients}) c CROSS JOIN generate_series(1, 3) k`,
  },
  {
    label: 'priorities',
    table: 'priorities',
    // 5 per engagement, ranks 1..5; rank 5 of every fourth engagement is a draft, rank 4 of every seventh achieved.
    sql: `INSERT INTO priorities (id, organization_id, engagement_id, title, description, rank, owner_id, status, start_date, target_date)
          SELECT ${id('p', 'p')}, $1::uuid, ${id('e', engagementOf('p'))}, 'Priority ' || p, 'Why priority ' || p || ' matters this quarter',
                 ${rankOf('p')}, ${id('o', `${clientOf(engagementOf('p'))} || '-' || (1 + p % 3)`)},
                 CASE WHEN ${rankOf('p')} = 5 AND ${engagementOf('p')} % 4 = 0 THEN 'draft'
                      WHEN ${rankOf('p')} = 4 AND ${engagementOf('p')} % 7 = 0 THEN 'achieved'
                      ELSE 'active' END,
                 ${priorityStart('p')}, ${priorityStart('p')} + 180
            FROM generate_series(1, ${PRIORITIES}) p`,
  },
  {
    // 10 per priority, due every 18 days from the priority's start. Past due: mostly done (some late),
    // one in five still open (overdue); ahead: planned, the next one in progress, some forecast to slip.
    // Every priority ≡ 0 mod 37 cancels its last milestone. baseline = due − 7 × re-plans.
    label: 'milestones',
    table: 'milestones',
    sql: `INSERT INTO milestones (id, organization_id, priority_id, title, baseline_due_date, due_date, forecast_date, status, weight, completed_at)
          SELECT ${id('m', `p || '-' || n`)}, $1::uuid, ${id('p', 'p')}, 'Milestone ' || p || '.' || n,
                 x.due - 7 * ${replansOf('p', 'n')}, x.due,
                 CASE WHEN x.status IN ('planned','in_progress') AND x.due >= $2::date AND (p * n) % 23 = 0 THEN x.due + 5 + (p % 20) END,
                 x.status, 1 + (n % 3),
                 CASE WHEN x.status = 'done' THEN (LEAST(x.due + (p + n) % 9 - 3, $2::date - 1) + time '15:00') AT TIME ZONE 'UTC' END
            FROM generate_series(1, ${PRIORITIES}) p
            CROSS JOIN generate_series(1, ${SCALE_SIZE.milestonesPerPriority}) n
            CROSS JOIN LATERAL (SELECT ${milestoneDue('p', 'n')} AS due) d
            CROSS JOIN LATERAL (
              SELECT d.due,
                     CASE WHEN n = ${SCALE_SIZE.milestonesPerPriority} AND p % 37 = 0 THEN 'cancelled'
                          WHEN d.due < $2::date AND (p + n) % 5 = 0 THEN CASE WHEN n % 2 = 0 THEN 'in_progress' ELSE 'planned' END
                          WHEN d.due < $2::date THEN 'done'
                          WHEN d.due < $2::date + 18 THEN 'in_progress'
                          ELSE 'planned' END AS status) x`,
  },
  {
    label: 'milestone re-plans',
    table: 'milestone_due_date_changes',
    // Re-plan k of r moved the due date from baseline + 7(k−1) to baseline + 7k, (r − k + 1) × 10 days ago.
    sql: `INSERT INTO milestone_due_date_changes (organization_id, milestone_id, changed_by, changed_at, old_due_date, new_due_date, reason)
          SELECT $1::uuid, ${id('m', `p || '-' || n`)}, ${id('u', `'am' || (1 + p % ${SCALE_SIZE.accountManagers})`)},
                 $3::timestamptz - make_interval(days => (r.r - k + 1) * 10, hours => (p + n) % 8),
                 b.baseline + 7 * (k - 1), b.baseline + 7 * k, (ARRAY['Client asked for more time','Dependency slipped','Scope grew'])[1 + (p + k) % 3]
            FROM generate_series(1, ${PRIORITIES}) p
            CROSS JOIN generate_series(1, ${SCALE_SIZE.milestonesPerPriority}) n
            CROSS JOIN LATERAL (SELECT ${replansOf('p', 'n')} AS r) r
            CROSS JOIN LATERAL (SELECT ${milestoneDue('p', 'n')} - 7 * r.r AS baseline) b
            CROSS JOIN LATERAL generate_series(1, r.r) k
           WHERE r.r > 0`,
  },
  {
    // Weekly, the latest 3 to 5 days ago; every tenth priority's confidence falls; some report at risk or off track.
    label: 'check-ins',
    table: 'check_ins',
    sql: `INSERT INTO check_ins (organization_id, priority_id, author_id, rag, confidence, note, blockers, created_at)
          SELECT $1::uuid, ${id('p', 'p')}, ${id('u', `'am' || (1 + p % ${SCALE_SIZE.accountManagers})`)},
                 CASE WHEN p % 11 = 0 THEN 'off_track' WHEN p % 7 = 0 THEN 'at_risk' ELSE 'on_track' END,
                 CASE WHEN p % 10 = 3 THEN 9 - 2 * k ELSE 6 + (p + k) % 4 END,
                 'Week ' || (${SCALE_SIZE.checkInsPerPriority} - k) || ': progress on priority ' || p,
                 CASE WHEN p % 7 = 0 THEN 'Waiting on the client''s data team' END,
                 ($2::date + time '12:00') AT TIME ZONE 'UTC' - make_interval(days => 3 + p % 3 + 7 * k, hours => p % 10)
            FROM generate_series(1, ${PRIORITIES}) p CROSS JOIN generate_series(0, ${SCALE_SIZE.checkInsPerPriority - 1}) k`,
  },
  {
    label: 'drift snapshots',
    table: 'drift_snapshots',
    sql: `INSERT INTO drift_snapshots (organization_id, engagement_id, snapshot_date, score, open_alerts, details)
          SELECT $1::uuid, ${id('e', 'e')}, $2::date - d, LEAST(100, GREATEST(0, 20 + (e * 37) % 60 + ((d * (e % 5 - 2)) / 3))), (e + d) % 6, '{}'
            FROM generate_series(1, ${ENGAGEMENTS}) e CROSS JOIN generate_series(0, ${SCALE_SIZE.snapshotDays - 1}) d`,
  },
];

// ---------------------------------------------------------------------------------------------------------
// Small organizations, all in one statement per table. $1 today, $2 now; the users step: $1 password hash.
// ---------------------------------------------------------------------------------------------------------

const sorg = uuidOf(`'scale-small:' || o`);
const sid = (kind: string, expr: string) => uuidOf(`${sorg}::text || ':${kind}:' || (${expr})`);
const orgs = `generate_series(1, ${SCALE_SMALL_ORGANIZATIONS}) o`;

const SMALL_STEPS: SeedStep[] = [
  { label: 'small: organizations', table: 'organizations', sql: `INSERT INTO organizations (id, name, timezone) SELECT ${sorg}, 'Scale Small ' || o, (ARRAY['UTC','Europe/Paris','America/New_York'])[1 + o % 3] FROM ${orgs}` },
  {
    label: 'small: users',
    table: 'users',
    sql: `INSERT INTO users (id, organization_id, email, name, password_hash, role)
          SELECT ${sid('u', 'k')}, ${sorg}, 'user-' || k || '@small-' || o || '.${SCALE_EMAIL_DOMAIN}', 'Small ' || o || ' user ' || k, $1::text,
                 CASE WHEN k = 1 THEN 'admin' ELSE 'account_manager' END
            FROM ${orgs} CROSS JOIN generate_series(1, 2) k`,
  },
  {
    label: 'small: clients',
    table: 'clients',
    sql: `INSERT INTO clients (id, organization_id, name, stage, account_manager_id)
          SELECT ${sid('c', 'c')}, ${sorg}, 'Small ' || o || ' client ' || c, 'growth', ${sid('u', '2')} FROM ${orgs} CROSS JOIN generate_series(1, ${SMALL.clients}) c`,
  },
  {
    label: 'small: executives',
    table: 'executives',
    sql: `INSERT INTO executives (id, organization_id, name, email, functions)
          SELECT ${sid('x', 'x')}, ${sorg}, 'Small ' || o || ' exec ' || x, 'exec-' || x || '@small-' || o || '.${SCALE_EMAIL_DOMAIN}', '{CRO,CMO,CPO}' FROM ${orgs} CROSS JOIN generate_series(1, 3) x`,
  },
  {
    label: 'small: engagements',
    table: 'engagements',
    sql: `INSERT INTO engagements (id, organization_id, client_id, executive_id, function, status, start_date, planned_end_date, days_per_week)
          SELECT ${sid('e', 'e')}, ${sorg}, ${sid('c', `(e - 1) % ${SMALL.clients} + 1`)}, ${sid('x', '(e - 1) % 3 + 1')}, (ARRAY['CRO','CMO','CPO'])[1 + e % 3], 'active',
                 $1::date - 100, $1::date + 200, 2
            FROM ${orgs} CROSS JOIN generate_series(1, ${SMALL.engagements}) e`,
  },
  {
    label: 'small: owners',
    table: 'owners',
    sql: `INSERT INTO owners (id, organization_id, client_id, name) SELECT ${sid('o', 'c')}, ${sorg}, ${sid('c', 'c')}, 'Small ' || o || ' owner ' || c FROM ${orgs} CROSS JOIN generate_series(1, ${SMALL.clients}) c`,
  },
  {
    label: 'small: priorities',
    table: 'priorities',
    sql: `INSERT INTO priorities (id, organization_id, engagement_id, title, rank, owner_id, status, start_date, target_date)
          SELECT ${sid('p', `e || '-' || r`)}, ${sorg}, ${sid('e', 'e')}, 'Small priority ' || e || '.' || r, r, ${sid('o', `(e - 1) % ${SMALL.clients} + 1`)}, 'active', $1::date - 60, $1::date + 120
            FROM ${orgs} CROSS JOIN generate_series(1, ${SMALL.engagements}) e CROSS JOIN generate_series(1, ${SMALL.prioritiesPerEngagement}) r`,
  },
  {
    label: 'small: milestones',
    table: 'milestones',
    sql: `INSERT INTO milestones (id, organization_id, priority_id, title, baseline_due_date, due_date, status, completed_at)
          SELECT ${sid('m', `e || '-' || r || '-' || n`)}, ${sorg}, ${sid('p', `e || '-' || r`)}, 'Small milestone ' || n, $1::date - 60 + 36 * n, $1::date - 60 + 36 * n,
                 CASE WHEN n = 1 THEN 'done' ELSE 'planned' END, CASE WHEN n = 1 THEN $2::timestamptz - interval '25 days' END
            FROM ${orgs} CROSS JOIN generate_series(1, ${SMALL.engagements}) e CROSS JOIN generate_series(1, ${SMALL.prioritiesPerEngagement}) r
            CROSS JOIN generate_series(1, ${SMALL.milestonesPerPriority}) n`,
  },
  {
    label: 'small: check-ins',
    table: 'check_ins',
    sql: `INSERT INTO check_ins (organization_id, priority_id, author_id, rag, confidence, note, created_at)
          SELECT ${sorg}, ${sid('p', `e || '-' || r`)}, ${sid('u', '2')}, 'on_track', 7, 'Small check-in ' || k, ($1::date + time '09:00') AT TIME ZONE 'UTC' - make_interval(days => 7 * k + 2)
            FROM ${orgs} CROSS JOIN generate_series(1, ${SMALL.engagements}) e CROSS JOIN generate_series(1, ${SMALL.prioritiesPerEngagement}) r
            CROSS JOIN generate_series(0, ${SMALL.checkInsPerPriority - 1}) k`,
  },
];

export const SEEDED_TABLES = [
  'organizations', 'users', 'clients', 'client_grants', 'executives', 'engagements', 'allocation_changes', 'owners', 'priorities',
  'milestones', 'milestone_due_date_changes', 'check_ins', 'drift_snapshots',
];

export interface ScaleSeedResult {
  ms: number;
  vacuumMs: number;
  steps: Array<{ label: string; rows: number; ms: number }>;
  counts: { large: Record<string, number>; small: Record<string, number> };
}

export class ScaleSeedExists extends Error {}

/** Scale organizations already in this database (by their fixed ids). */
export async function existingScaleOrganizations(client: Client): Promise<number> {
  const { rows } = await client.query(`SELECT count(*)::int AS n FROM organizations WHERE id = ANY($1::uuid[])`, [scaleOrganizationIds()]);
  return rows[0].n as number;
}

/** Deletes exactly the scale organizations (their rows go with them through ON DELETE CASCADE). */
export async function deleteScaleOrganizations(client: Client): Promise<number> {
  const result = await client.query(`DELETE FROM organizations WHERE id = ANY($1::uuid[])`, [scaleOrganizationIds()]);
  return result.rowCount ?? 0;
}

export interface ScaleSeedOptions {
  /** The argon2 hash every seeded user gets (hash SCALE_PASSWORD with the app's hashPassword). */
  passwordHash: string;
  /** Delete existing scale organizations first; without it an existing one is an error. */
  reset?: boolean;
  now?: Date;
  log?: (line: string) => void;
}

/**
 * Seeds the scale data set in one transaction (all or nothing), then VACUUM ANALYZE. Never touches an
 * organization it did not create: --reset deletes only the fixed scale ids.
 */
export async function seedScale(client: Client, options: ScaleSeedOptions): Promise<ScaleSeedResult> {
  const log = options.log ?? (() => undefined);
  const now = options.now ?? new Date();
  const today = now.toISOString().slice(0, 10);
  const started = performance.now();
  const steps: ScaleSeedResult['steps'] = [];
  await client.query(`SET synchronous_commit = off`);
  await client.query('BEGIN');
  try {
    // Serializes two concurrent seeds on the same database.
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('throughline-scale-seed'))`);
    const existing = await existingScaleOrganizations(client);
    if (existing > 0 && !options.reset) {
      throw new ScaleSeedExists(`This database already holds ${existing} scale organization(s); run with --reset to delete and re-create them (other organizations are never touched)`);
    }
    if (existing > 0) {
      const t = performance.now();
      const deleted = await deleteScaleOrganizations(client);
      steps.push({ label: 'reset: deleted scale organizations', rows: deleted, ms: Math.round(performance.now() - t) });
      log(`  deleted ${deleted} scale organizations (--reset)`);
    }
    const run = async (step: SeedStep, params: unknown[]) => {
      const t = performance.now();
      const result = await client.query(step.sql, params);
      const ms = Math.round(performance.now() - t);
      steps.push({ label: step.label, rows: result.rowCount ?? 0, ms });
      log(`  ${step.label.padEnd(24)} ${String(result.rowCount ?? 0).padStart(8)} rows  ${(ms / 1000).toFixed(2)} s`);
    };
    // Each statement gets exactly the parameters it references (PostgreSQL cannot type an unused one).
    const large = [SCALE_LARGE_ORGANIZATION_ID, today, now.toISOString()];
    for (const step of LARGE) await run(step, step.table === 'users' ? [SCALE_LARGE_ORGANIZATION_ID, options.passwordHash] : large.slice(0, placeholders(step.sql)));
    const small = [today, now.toISOString()];
    for (const step of SMALL_STEPS) await run(step, step.table === 'users' ? [options.passwordHash] : small.slice(0, placeholders(step.sql)));
    await client.query('COMMIT'); // the deferred active-rank constraint is checked here
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  const ms = performance.now() - started;
  const t = performance.now();
  await client.query(`VACUUM (ANALYZE) ${SEEDED_TABLES.join(', ')}`);
  const vacuumMs = performance.now() - t;
  return { ms, vacuumMs, steps, counts: await scaleCounts(client) };
}

/** The highest $n in a statement. */
function placeholders(sql: string): number {
  return Math.max(0, ...[...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
}

/** Rows of the large organization, and of the small ones together, per table. */
export async function scaleCounts(client: Client): Promise<ScaleSeedResult['counts']> {
  const small = scaleOrganizationIds().slice(1);
  const large: Record<string, number> = {};
  const smallCounts: Record<string, number> = {};
  for (const table of SEEDED_TABLES) {
    const column = table === 'organizations' ? 'id' : 'organization_id';
    const { rows } = await client.query(
      `SELECT count(*) FILTER (WHERE ${column} = $1)::int AS large, count(*) FILTER (WHERE ${column} = ANY($2::uuid[]))::int AS small FROM ${table}`,
      [SCALE_LARGE_ORGANIZATION_ID, small],
    );
    large[table] = rows[0].large as number;
    smallCounts[table] = rows[0].small as number;
  }
  return { large, small: smallCounts };
}

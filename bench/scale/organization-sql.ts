import { BENCH_EMAIL_DOMAIN, type DataSet, type OrganizationGroup } from './data-set';

/**
 * One INSERT … SELECT generate_series per table for a whole group of organizations: the only data-generating SQL of
 * the benchmarks. Sizes come from the shape (trusted numbers, written in); today, now and the password hash are
 * written in as quoted literals. Ids are md5 of a tag as version-4 uuids, so rows reference each other without round
 * trips and every run of a data set produces the same rows.
 */
export interface SeedStep {
  label: string;
  table: string;
  sql: string;
}

export interface SeedClock {
  /** UTC date, YYYY-MM-DD. */
  today: string;
  now: Date;
}

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
/** md5 of a text as a version-4 uuid (version and variant digits set), as data-set.ts uuidOf does. */
const uuidOf = (text: string) => `overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17)::uuid`;

export function organizationSteps(
  set: DataSet,
  group: OrganizationGroup,
  clock: SeedClock,
  passwordHash: string,
): SeedStep[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(clock.today)) throw new Error(`today must be YYYY-MM-DD, not ${clock.today}`);
  const s = group.shape;
  const T = `${literal(clock.today)}::date`;
  const N = `${literal(clock.now.toISOString())}::timestamptz`;
  const orgs = `generate_series(1, ${group.count}) o CROSS JOIN LATERAL (SELECT ${uuidOf(`${literal(`${set.key}:${group.tag}:`)} || o`)} AS org) g`;
  const domain = `${literal(`${group.tag}-`)} || o || ${literal(`.${set.key.replace(/\./g, '-')}.${BENCH_EMAIL_DOMAIN}`)}`;
  const id = (kind: string, expr: string) => uuidOf(`g.org::text || ':${kind}:' || (${expr})`);
  const engagements = s.clients * s.engagementsPerClient;
  const priorities = engagements * s.prioritiesPerEngagement;
  const M = s.milestonesPerPriority;
  const clientOf = (e: string) => `((${e} - 1) % ${s.clients} + 1)`;
  const executiveOf = (e: string) => `((${e} - 1) % ${s.executives} + 1)`;
  const engagementOf = (p: string) => `((${p} - 1) / ${s.prioritiesPerEngagement} + 1)`;
  const rankOf = (p: string) => `((${p} - 1) % ${s.prioritiesPerEngagement} + 1)`;
  /** Work is done by an account manager (by number), or by the admin where there is none. */
  const worker = (n: string) =>
    s.accountManagers > 0 ? id('u', `'am-' || (1 + (${n}) % ${s.accountManagers})`) : id('u', `'admin-1'`);
  const jitter = (p: string) => (s.dueJitterDays > 0 ? `(${p} % ${s.dueJitterDays})` : '0');
  const priorityStart = (p: string) => `(${T} - ${s.firstDueDaysAgo + 18} + ${jitter(p)})`;
  /** The current plan: milestone n of priority p, due dates spread evenly over the span. */
  const due = (p: string, n: string) =>
    `(${T} - ${s.firstDueDaysAgo} + ${jitter(p)} + ((${n} - 1) * ${s.dueSpanDays}) / ${Math.max(M - 1, 1)})`;
  /** Forward re-plans of milestone n of priority p (a week each); baseline = due − 7 × re-plans. */
  const replans = (p: string, n: string) => {
    if (s.replanEvery === 0) return '0';
    // Of the re-planned milestones, three in five moved once, one twice and one three times (over the rule's limit of 2).
    const k = `((${p} + ${n}) / ${s.replanEvery}) % 5`;
    return `(CASE WHEN (${p} + ${n}) % ${s.replanEvery} <> 0 THEN 0 WHEN ${k} = 4 THEN 3 WHEN ${k} = 3 THEN 2 ELSE 1 END)`;
  };
  const each = (count: number, name: string) => `generate_series(1, ${count}) ${name}`;
  const users = [
    `SELECT 'admin' AS kind, n FROM ${each(s.admins, 'n')}`,
    `SELECT 'am', n FROM ${each(s.accountManagers, 'n')}`,
    `SELECT 'viewer', n FROM ${each(s.clientViewers, 'n')}`,
    ...(s.executivesLogIn ? [`SELECT 'exec', n FROM ${each(s.executives, 'n')}`] : []),
  ].join(' UNION ALL ');

  const steps: Array<SeedStep | false> = [
    {
      // Owners and executives without an account are mailed too, so a scan writes every email it can.
      label: 'organizations',
      table: 'organizations',
      sql: `INSERT INTO organizations (id, name, timezone, settings)
            SELECT g.org, ${literal(s.name)}${group.count > 1 ? ` || ' ' || o` : ''}, (ARRAY[${s.timezones.map(literal).join(', ')}])[1 + o % ${s.timezones.length}], '{"notifyPeopleWithoutAccount": true}'
              FROM ${orgs}`,
    },
    {
      label: 'users',
      table: 'users',
      sql: `INSERT INTO users (id, organization_id, email, name, password_hash, role)
            SELECT ${id('u', `u.kind || '-' || u.n`)}, g.org, u.kind || '-' || u.n || '@' || ${domain},
                   CASE u.kind WHEN 'admin' THEN 'Admin ' WHEN 'am' THEN 'Account Manager ' WHEN 'viewer' THEN 'Client Viewer ' ELSE 'Executive ' END || u.n,
                   ${literal(passwordHash)},
                   CASE u.kind WHEN 'admin' THEN 'admin' WHEN 'am' THEN 'account_manager' WHEN 'viewer' THEN 'client_viewer' ELSE 'executive' END
              FROM ${orgs} CROSS JOIN (${users}) u`,
    },
    {
      label: 'clients',
      table: 'clients',
      sql: `INSERT INTO clients (id, organization_id, name, industry, stage, status, account_manager_id)
            SELECT ${id('c', 'c')}, g.org, 'Client ' || lpad(c::text, 4, '0'), 'Industry ' || (c % 12), (ARRAY['emerging','growth','enterprise'])[1 + c % 3],
                   ${s.windingDown ? `CASE WHEN c % 50 = 0 THEN 'inactive' ELSE 'active' END` : `'active'`}, ${worker('c')}
              FROM ${orgs} CROSS JOIN ${each(s.clients, 'c')}`,
    },
    s.clientViewers > 0 &&
      s.clientsPerViewer > 0 && {
        label: 'client grants',
        table: 'client_grants',
        sql: `INSERT INTO client_grants (organization_id, user_id, client_id)
            SELECT g.org, ${id('u', `'viewer-' || v`)}, ${id('c', `((v - 1) * ${s.clientsPerViewer} + k - 1) % ${s.clients} + 1`)}
              FROM ${orgs} CROSS JOIN ${each(s.clientViewers, 'v')} CROSS JOIN ${each(s.clientsPerViewer, 'k')}`,
      },
    {
      label: 'executives',
      table: 'executives',
      sql: `INSERT INTO executives (id, organization_id, name, email, functions, user_id)
            SELECT ${id('x', 'x')}, g.org, 'Executive ' || x, 'exec-' || x || '.contact@' || ${domain},
                   (ARRAY['{CRO}','{CMO}','{CPO}','{CRO,CMO}'])[1 + x % 4]::text[], ${s.executivesLogIn ? id('u', `'exec-' || x`) : 'NULL::uuid'}
              FROM ${orgs} CROSS JOIN ${each(s.executives, 'x')}`,
    },
    {
      // Functions match the executive's (x % 4 as above).
      label: 'engagements',
      table: 'engagements',
      sql: `INSERT INTO engagements (id, organization_id, client_id, executive_id, function, status, start_date, planned_end_date, days_per_week)
            SELECT ${id('e', 'e')}, g.org, ${id('c', clientOf('e'))}, ${id('x', executiveOf('e'))}, (ARRAY['CRO','CMO','CPO','CRO'])[1 + ${executiveOf('e')} % 4],
                   ${s.windingDown ? `CASE WHEN e % 10 = 0 THEN 'completed' WHEN e % 10 = 5 THEN 'paused' ELSE 'active' END` : `'active'`},
                   ${T} - 120 - (e % 200), ${T} + 60 + (e % 300), 0.5 + (e % 8) * 0.5
              FROM ${orgs} CROSS JOIN ${each(engagements, 'e')}`,
    },
    {
      // The initial allocation of every engagement, and a scale-up 30 days ago for one in four.
      label: 'allocation changes',
      table: 'allocation_changes',
      sql: `INSERT INTO allocation_changes (organization_id, engagement_id, effective_date, days_per_week, previous_days_per_week, reason, changed_by)
            SELECT g.org, ${id('e', 'e')}, ${T} - 120 - (e % 200), 0.5 + (e % 8) * 0.5, NULL, 'Initial allocation', ${id('u', `'admin-1'`)}
              FROM ${orgs} CROSS JOIN ${each(engagements, 'e')}
            UNION ALL
            SELECT g.org, ${id('e', 'e')}, ${T} - 30, LEAST(7, 1 + (e % 8) * 0.5), 0.5 + (e % 8) * 0.5, 'Scale-up for the quarter', ${id('u', `'admin-1'`)}
              FROM ${orgs} CROSS JOIN ${each(engagements, 'e')} WHERE e % 4 = 0`,
    },
    {
      label: 'owners',
      table: 'owners',
      sql: `INSERT INTO owners (id, organization_id, client_id, name, title, email)
            SELECT ${id('o', `c || '-' || k`)}, g.org, ${id('c', 'c')}, 'Owner ' || c || '-' || k, 'VP ' || k,
                   CASE WHEN k < 3 THEN 'owner-' || c || '-' || k || '@client-' || ${domain} END
              FROM ${orgs} CROSS JOIN ${each(s.clients, 'c')} CROSS JOIN ${each(s.ownersPerClient, 'k')}`,
    },
    {
      // Rank 5 of every fourth engagement is a draft, rank 4 of every seventh achieved; the rest active.
      label: 'priorities',
      table: 'priorities',
      sql: `INSERT INTO priorities (id, organization_id, engagement_id, title, description, rank, owner_id, status, start_date, target_date)
            SELECT ${id('p', 'p')}, g.org, ${id('e', engagementOf('p'))}, 'Priority ' || p, 'Why priority ' || p || ' matters this quarter', ${rankOf('p')},
                   ${id('o', `${clientOf(engagementOf('p'))} || '-' || (1 + p % ${s.ownersPerClient})`)},
                   CASE WHEN ${rankOf('p')} = 5 AND ${engagementOf('p')} % 4 = 0 THEN 'draft'
                        WHEN ${rankOf('p')} = 4 AND ${engagementOf('p')} % 7 = 0 THEN 'achieved'
                        ELSE 'active' END,
                   ${priorityStart('p')}, ${priorityStart('p')} + ${s.dueSpanDays + 18}
              FROM ${orgs} CROSS JOIN ${each(priorities, 'p')}`,
    },
    {
      // Past due: done (some late), one in five still open (overdue); ahead: the next 18 days in progress, the rest
      // planned, one in `forecastEvery` forecast to slip; every priority ≡ 0 mod 37 cancels its last milestone; priorities ≡ 0
      // mod 10 carry heavy future milestones (weight 8), so they run behind plan.
      label: 'milestones',
      table: 'milestones',
      sql: `INSERT INTO milestones (id, organization_id, priority_id, title, baseline_due_date, due_date, forecast_date, status, weight, completed_at)
            SELECT ${id('m', `p || '-' || n`)}, g.org, ${id('p', 'p')}, 'Milestone ' || p || '.' || n,
                   x.due - 7 * ${replans('p', 'n')}, x.due,
                   CASE WHEN x.status IN ('planned','in_progress') AND x.due >= ${T} AND (p + 7 * n) % ${s.forecastEvery} = 0 THEN x.due + 5 + (p % 20) END,
                   x.status, CASE WHEN p % 10 = 0 AND x.due >= ${T} THEN 8 ELSE 1 + n % 3 END,
                   CASE WHEN x.status = 'done' THEN (LEAST(x.due + (p + n) % 9 - 3, ${T} - 1) + time '15:00') AT TIME ZONE 'UTC' END
              FROM ${orgs} CROSS JOIN ${each(priorities, 'p')} CROSS JOIN ${each(M, 'n')}
              CROSS JOIN LATERAL (SELECT ${due('p', 'n')} AS due) d
              CROSS JOIN LATERAL (
                SELECT d.due,
                       CASE WHEN n = ${M} AND p % 37 = 0 THEN 'cancelled'
                            WHEN d.due < ${T} AND (p + n) % 5 = 0 THEN CASE WHEN n % 2 = 0 THEN 'in_progress' ELSE 'planned' END
                            WHEN d.due < ${T} THEN 'done'
                            WHEN d.due < ${T} + 18 THEN 'in_progress'
                            ELSE 'planned' END AS status) x`,
    },
    s.replanEvery > 0 && {
      // Re-plan k of r moved the due date from baseline + 7(k−1) to baseline + 7k, (r − k + 1) × 10 days ago.
      label: 'milestone re-plans',
      table: 'milestone_due_date_changes',
      sql: `INSERT INTO milestone_due_date_changes (organization_id, milestone_id, changed_by, changed_at, old_due_date, new_due_date, reason, category)
            SELECT g.org, ${id('m', `p || '-' || n`)}, ${worker('p')}, ${N} - make_interval(days => (r.r - k + 1) * 10, hours => (p + n) % 8),
                   b.baseline + 7 * (k - 1), b.baseline + 7 * k, (ARRAY['Client asked for more time','Dependency slipped','Scope grew'])[1 + (p + k) % 3],
                   (ARRAY['client','dependency','scope'])[1 + (p + k) % 3]
              FROM ${orgs} CROSS JOIN ${each(priorities, 'p')} CROSS JOIN ${each(M, 'n')}
              CROSS JOIN LATERAL (SELECT ${replans('p', 'n')} AS r) r
              CROSS JOIN LATERAL (SELECT ${due('p', 'n')} - 7 * r.r AS baseline) b
              CROSS JOIN LATERAL generate_series(1, r.r) k
             WHERE r.r > 0`,
    },
    {
      // Weekly, the latest (k = 0) 3 to 5 days ago; priorities ≡ 1 mod 20 (rank 1, never a draft) went quiet 20 days earlier (stalled);
      // ≡ 3 mod 10 lose confidence every week while on track; some report at risk or off track.
      label: 'check-ins',
      table: 'check_ins',
      sql: `INSERT INTO check_ins (organization_id, priority_id, author_id, rag, confidence, note, blockers, created_at)
            SELECT g.org, ${id('p', 'p')}, ${worker('p')},
                   CASE WHEN p % 11 = 0 THEN 'off_track' WHEN p % 7 = 0 THEN 'at_risk' ELSE 'on_track' END,
                   CASE WHEN p % 10 = 3 THEN LEAST(10, 6 + k) ELSE 7 + (p + k) % 2 END,
                   'Week ' || (${s.checkInsPerPriority} - k) || ': progress on priority ' || p,
                   CASE WHEN p % 7 = 0 THEN 'Waiting on the client''s data team' END,
                   (${T} + time '12:00') AT TIME ZONE 'UTC'
                     - make_interval(days => 3 + p % 3 + 7 * k + CASE WHEN p % 20 = 1 THEN 20 ELSE 0 END, hours => p % 10)
              FROM ${orgs} CROSS JOIN ${each(priorities, 'p')} CROSS JOIN generate_series(0, ${s.checkInsPerPriority - 1}) k`,
    },
    s.snapshotDays > 0 && {
      label: 'drift snapshots',
      table: 'drift_snapshots',
      sql: `INSERT INTO drift_snapshots (organization_id, engagement_id, snapshot_date, score, open_alerts, details)
            SELECT g.org, ${id('e', 'e')}, ${T} - d, LEAST(100, GREATEST(0, 20 + (e * 37) % 60 + ((d * (e % 5 - 2)) / 3))), (e + d) % 6, '{}'
              FROM ${orgs} CROSS JOIN ${each(engagements, 'e')} CROSS JOIN generate_series(0, ${s.snapshotDays - 1}) d`,
    },
    s.openAlerts && {
      label: 'drift alerts',
      table: 'drift_alerts',
      sql: `INSERT INTO drift_alerts (organization_id, rule, subject_type, subject_id, engagement_id, severity, status, message, first_seen_at, last_seen_at)
            SELECT g.org, 'priority_stalled', 'priority', ${id('p', 'p')}, ${id('e', engagementOf('p'))}, (ARRAY['info','warning','critical'])[1 + p % 3],
                   'open', 'Priority ' || p || ' has had no check-in lately', ${N}, ${N}
              FROM ${orgs} CROSS JOIN ${each(priorities, 'p')} WHERE p % 3 <> 0`,
    },
  ];
  return steps
    .filter((step): step is SeedStep => step !== false)
    .map((step) => ({ ...step, label: `${group.tag}: ${step.label}` }));
}

export const SEEDED_TABLES = [
  'organizations',
  'users',
  'clients',
  'client_grants',
  'executives',
  'engagements',
  'allocation_changes',
  'owners',
  'priorities',
  'milestones',
  'milestone_due_date_changes',
  'check_ins',
  'drift_snapshots',
  'drift_alerts',
  // Written by the triggers of migrations/1765600000000-EngagementRollups.ts, not by a step: vacuumed and counted too.
  'engagement_rollups',
];

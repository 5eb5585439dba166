import { DateTime } from 'luxon';
import type { DataSource, EntityManager } from 'typeorm';
import { DriftFactsRepository } from '../drift/drift-facts.repository';
import { engagementSnapshotRecords } from '../drift/engagement-drift-scores';
import { DEFAULT_ORGANIZATION_SETTINGS } from '../organizations/organization-settings';
import { planApplication } from '../playbooks/playbook-plan';
import type { ReplanCategory } from '../milestones/milestone.entity';
import { hashPassword } from '../users/password';
import type { Role } from '../users/user.entity';
import { DEMO_PLAYBOOKS } from './demo-playbooks';

export const DEMO_PASSWORD = 'throughline-demo';
export const DEMO_LOGINS: ReadonlyArray<{ email: string; role: Role; name: string }> = [
  { email: 'admin@demo.test', role: 'admin', name: 'Avery Admin' },
  { email: 'manager@demo.test', role: 'account_manager', name: 'Morgan Manager' },
  { email: 'exec@demo.test', role: 'executive', name: 'Elena Vasquez' },
  { email: 'client@demo.test', role: 'client_viewer', name: 'Chris Client' },
];
/** The other executives' own logins (same password), so their check-ins and re-plans are credited to them. */
const DEMO_OTHER_EXECUTIVES = [
  { email: 'marcus@demo.test', name: 'Marcus Chen' },
  { email: 'priya@demo.test', name: 'Priya Nair' },
] as const;
const DEMO_TIMEZONE = 'Europe/London';

export async function hasDemoOrganization(dataSource: DataSource): Promise<boolean> {
  const rows: unknown[] = await dataSource.query(`SELECT 1 FROM organizations WHERE is_demo LIMIT 1`);
  return rows.length > 0;
}

/**
 * (Re-)creates the demo firm: three clients at different stages, CRO/CMO/CPO engagements, ranked
 * priorities with owners, milestones on time, done, slipped and re-planned, check-ins with falling and
 * rising confidence, and one login per role. Dates are relative to `now`, so the demo always looks current.
 */
export async function seedDemoOrganization(
  dataSource: DataSource,
  now: Date = new Date(),
): Promise<{ organizationId: string }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const today = DateTime.fromJSDate(now, { zone: DEMO_TIMEZONE }).startOf('day');
  const day = (offset: number) => today.plus({ days: offset }).toISODate()!;
  const at = (offset: number, hour = 10) => today.plus({ days: offset }).set({ hour }).toJSDate();

  return dataSource.transaction(async (tx) => {
    await tx.query(`DELETE FROM organizations WHERE is_demo`);
    await tx.query(`DELETE FROM users WHERE lower(email) = ANY($1::text[])`, [
      [...DEMO_LOGINS.map((l) => l.email), ...DEMO_OTHER_EXECUTIVES.map((e) => e.email)],
    ]);
    const [org] = await tx.query(
      `INSERT INTO organizations (name, timezone, settings, is_demo) VALUES ('Northbridge Fractional (demo)', $1, '{}', true) RETURNING id`,
      [DEMO_TIMEZONE],
    );
    const orgId: string = org.id;
    const users: Record<Role, string> = {} as Record<Role, string>;
    for (const login of DEMO_LOGINS) {
      const [u] = await tx.query(
        `INSERT INTO users (organization_id, email, name, password_hash, role, timezone) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [
          orgId,
          login.email,
          login.name,
          passwordHash,
          login.role,
          login.role === 'client_viewer' ? 'America/New_York' : DEMO_TIMEZONE,
        ],
      );
      users[login.role] = u.id;
    }
    const executiveUser = async (login: (typeof DEMO_OTHER_EXECUTIVES)[number]): Promise<string> =>
      (
        await tx.query(
          `INSERT INTO users (organization_id, email, name, password_hash, role, timezone) VALUES ($1, $2, $3, $4, 'executive', $5) RETURNING id`,
          [orgId, login.email, login.name, passwordHash, DEMO_TIMEZONE],
        )
      )[0].id;
    const marcusUser = await executiveUser(DEMO_OTHER_EXECUTIVES[0]);
    const priyaUser = await executiveUser(DEMO_OTHER_EXECUTIVES[1]);
    const insert = async (sql: string, params: unknown[]): Promise<string> => (await tx.query(sql, params))[0].id;

    const acme = await insert(
      `INSERT INTO clients (organization_id, name, industry, stage, account_manager_id) VALUES ($1, 'Acme Robotics', 'Industrial automation', 'growth', $2) RETURNING id`,
      [orgId, users.account_manager],
    );
    const brightleaf = await insert(
      `INSERT INTO clients (organization_id, name, industry, stage, account_manager_id) VALUES ($1, 'Brightleaf Health', 'Digital health', 'emerging', $2) RETURNING id`,
      [orgId, users.account_manager],
    );
    const corvid = await insert(
      `INSERT INTO clients (organization_id, name, industry, stage, account_manager_id) VALUES ($1, 'Corvid Logistics', 'Freight & logistics', 'enterprise', $2) RETURNING id`,
      [orgId, users.admin],
    );
    await tx.query(`INSERT INTO client_grants (organization_id, user_id, client_id) VALUES ($1, $2, $3)`, [
      orgId,
      users.client_viewer,
      acme,
    ]);

    const elena = await insert(
      `INSERT INTO executives (organization_id, name, email, functions, user_id) VALUES ($1, 'Elena Vasquez', 'exec@demo.test', '{CRO,CMO}', $2) RETURNING id`,
      [orgId, users.executive],
    );
    const marcus = await insert(
      `INSERT INTO executives (organization_id, name, email, functions, user_id) VALUES ($1, 'Marcus Chen', 'marcus@demo.test', '{CMO}', $2) RETURNING id`,
      [orgId, marcusUser],
    );
    const priya = await insert(
      `INSERT INTO executives (organization_id, name, email, functions, user_id) VALUES ($1, 'Priya Nair', 'priya@demo.test', '{CPO}', $2) RETURNING id`,
      [orgId, priyaUser],
    );

    const userOfExecutive = new Map([
      [elena, users.executive],
      [marcus, marcusUser],
      [priya, priyaUser],
    ]);
    // Check-ins and re-plans are the work of the engagement's own executive.
    const authorOfEngagement = new Map<string, string>();
    const authorOfPriority = new Map<string, string>();
    const engagement = async (
      clientId: string,
      executiveId: string,
      fn: string,
      status: string,
      start: number,
      end: number,
      days: number,
    ) => {
      const id = await insert(
        `INSERT INTO engagements (organization_id, client_id, executive_id, function, status, start_date, planned_end_date, days_per_week)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [orgId, clientId, executiveId, fn, status, day(start), day(end), days],
      );
      authorOfEngagement.set(id, userOfExecutive.get(executiveId)!);
      return id;
    };
    const acmeCro = await engagement(acme, elena, 'CRO', 'active', -120, 245, 3);
    const brightCmo = await engagement(brightleaf, marcus, 'CMO', 'active', -45, 320, 2);
    const corvidCpo = await engagement(corvid, priya, 'CPO', 'active', -200, 165, 2.5);
    const acmeCmo = await engagement(acme, elena, 'CMO', 'proposed', 14, 200, 1);
    // Terms: Acme's CRO renews by itself (60 days' notice); Corvid's CPO term ends in 50 days with 30 days' notice
    // and its renewal is within the portfolio's 60-day window.
    const term = (id: string, termEnd: number, renewal: number, noticeDays: number, autoRenew: boolean) =>
      tx.query(
        `UPDATE engagements SET term_end_date = $3, renewal_date = $4, notice_period_days = $5, auto_renew = $6
          WHERE organization_id = $1 AND id = $2`,
        [orgId, id, day(termEnd), day(renewal), noticeDays, autoRenew],
      );
    await term(acmeCro, 245, 246, 60, true);
    await term(corvidCpo, 50, 51, 30, false);

    const allocation = (
      engagementId: string,
      effective: number,
      days: number,
      previous: number | null,
      reason: string,
    ) =>
      tx.query(
        `INSERT INTO allocation_changes (organization_id, engagement_id, effective_date, days_per_week, previous_days_per_week, reason, changed_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [orgId, engagementId, day(effective), days, previous, reason, users.account_manager],
      );
    await allocation(acmeCro, -120, 2, null, 'Initial allocation');
    await allocation(acmeCro, -60, 3, 2, 'Scaled up for the enterprise push after the Series B');
    await allocation(brightCmo, -45, 2, null, 'Initial allocation');
    await allocation(corvidCpo, -200, 3, null, 'Initial allocation');
    await allocation(corvidCpo, -30, 2.5, 3, 'Platform team hired a full-time head of product ops');
    await allocation(acmeCmo, 14, 1, null, 'Initial allocation');

    const owner = (clientId: string, name: string, title: string, email: string) =>
      insert(
        `INSERT INTO owners (organization_id, client_id, name, title, email) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [orgId, clientId, name, title, email],
      );
    const acmeVpSales = await owner(acme, 'Jordan Blake', 'VP Sales', 'jordan.blake@acme.example');
    const acmeCeo = await owner(acme, 'Chris Client', 'CEO', 'client@demo.test');
    const brightCeo = await owner(brightleaf, 'Sam Okafor', 'CEO', 'sam@brightleaf.example');
    const corvidCto = await owner(corvid, 'Lena Park', 'CTO', 'lena.park@corvid.example');
    const corvidOps = await owner(corvid, 'Diego Ramos', 'COO', 'diego.ramos@corvid.example');

    const priority = async (
      engagementId: string,
      rank: number,
      title: string,
      ownerId: string,
      start: number,
      target: number,
      status = 'active',
      description: string | null = null,
    ) => {
      const id = await insert(
        `INSERT INTO priorities (organization_id, engagement_id, title, description, rank, owner_id, status, start_date, target_date)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [orgId, engagementId, title, description, rank, ownerId, status, day(start), day(target)],
      );
      authorOfPriority.set(id, authorOfEngagement.get(engagementId)!);
      return id;
    };
    const milestone = async (
      priorityId: string,
      title: string,
      baseline: number,
      opts: {
        due?: number;
        forecast?: number;
        status?: string;
        completed?: number;
        weight?: number;
        replans?: Array<{ from: number; to: number; reason: string; category: ReplanCategory; on: number }>;
      } = {},
    ) => {
      const id = await insert(
        `INSERT INTO milestones (organization_id, priority_id, title, baseline_due_date, due_date, forecast_date, status, weight, completed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          orgId,
          priorityId,
          title,
          day(baseline),
          day(opts.due ?? baseline),
          opts.forecast === undefined ? null : day(opts.forecast),
          opts.status ?? 'planned',
          opts.weight ?? 1,
          opts.completed === undefined ? null : at(opts.completed, 16),
        ],
      );
      for (const r of opts.replans ?? []) {
        await tx.query(
          `INSERT INTO milestone_due_date_changes (organization_id, milestone_id, changed_by, changed_at, old_due_date, new_due_date, reason, category)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [orgId, id, authorOfPriority.get(priorityId), at(r.on), day(r.from), day(r.to), r.reason, r.category],
        );
      }
      return id;
    };
    const checkIn = (
      priorityId: string,
      daysAgo: number,
      rag: string,
      confidence: number,
      note: string,
      blockers: string | null = null,
      acknowledged = false,
    ) =>
      tx.query(
        `INSERT INTO check_ins (organization_id, priority_id, author_id, rag, confidence, note, blockers, acknowledged_by, acknowledged_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          orgId,
          priorityId,
          authorOfPriority.get(priorityId),
          rag,
          confidence,
          note,
          blockers,
          acknowledged ? users.client_viewer : null,
          acknowledged ? at(-daysAgo + 1) : null,
          at(-daysAgo),
        ],
      );

    // Acme CRO: a pipeline priority running late with confidence falling while still reported green.
    const pipeline = await priority(
      acmeCro,
      1,
      'Build a repeatable enterprise pipeline',
      acmeVpSales,
      -110,
      70,
      'active',
      'Three qualified enterprise opportunities a month by the end of Q2.',
    );
    await milestone(pipeline, 'Define the ideal customer profile', -90, { status: 'done', completed: -92 });
    await milestone(pipeline, 'Hire two enterprise account executives', -40, {
      status: 'done',
      completed: -31,
      weight: 2,
    });
    await milestone(pipeline, 'Launch outbound sequences for the top 50 accounts', -20, {
      due: -6,
      status: 'in_progress',
      replans: [
        { from: -20, to: -6, reason: 'Sales ops tooling arrived two weeks late', category: 'dependency', on: -22 },
      ],
    });
    await milestone(pipeline, 'First 10 enterprise discovery calls', 21, { forecast: 35, weight: 2 });
    await checkIn(pipeline, 28, 'on_track', 8, 'ICP signed off; both AE offers accepted.', null, true);
    await checkIn(pipeline, 21, 'on_track', 7, 'AEs onboarding; sequences drafted.', null, true);
    await checkIn(
      pipeline,
      14,
      'on_track',
      5,
      'Sequencing tool still not provisioned.',
      'Waiting on IT for SSO to the sales engagement tool',
    );
    await checkIn(
      pipeline,
      7,
      'on_track',
      4,
      'Outbound not live yet; pushing hard this week.',
      'Tooling access; data enrichment budget',
    );

    const pricing = await priority(acmeCro, 2, 'Rework pricing and packaging for mid-market', acmeCeo, -60, 120);
    await milestone(pricing, 'Win/loss interviews with 12 customers', -30, { status: 'done', completed: -29 });
    await milestone(pricing, 'Pricing committee proposal', 10, { status: 'in_progress' });
    await milestone(pricing, 'Roll out new price book', 60, { weight: 2 });
    await checkIn(pricing, 14, 'at_risk', 5, 'Interviews done; proposal slower than hoped.');
    await checkIn(pricing, 7, 'on_track', 7, 'Committee aligned on the three tiers.', null, true);

    await priority(acmeCro, 3, 'Partner channel pilot', acmeVpSales, 0, 150, 'draft');

    // Brightleaf CMO: early days, confidence rising.
    const brand = await priority(brightCmo, 1, 'Position Brightleaf for hospital buyers', brightCeo, -40, 80);
    await milestone(brand, 'Messaging house approved', -10, { status: 'done', completed: -12 });
    await milestone(brand, 'Website relaunch', 30, { status: 'in_progress', weight: 2 });
    await milestone(brand, 'Two hospital case studies', 60);
    await checkIn(brand, 21, 'at_risk', 4, 'Positioning workshops under way; leadership split on the buyer.');
    await checkIn(brand, 14, 'at_risk', 5, 'Converging on the CFO as economic buyer.');
    await checkIn(brand, 7, 'on_track', 7, 'Messaging house approved ahead of plan.');
    await checkIn(brand, 1, 'on_track', 8, 'Site copy in review; case study partners confirmed.');

    const demandGen = await priority(brightCmo, 2, 'Stand up demand generation', brightCeo, -30, 150);
    await milestone(demandGen, 'Marketing automation in place', 5);
    await milestone(demandGen, 'First webinar', 45);

    // Corvid CPO: a slipped, repeatedly re-planned platform priority, computed red.
    const platform = await priority(
      corvidCpo,
      1,
      'Ship the shipment-tracking platform v2',
      corvidCto,
      -190,
      20,
      'active',
      'Replace the legacy tracking system for the top 20 shippers.',
    );
    await milestone(platform, 'Discovery with the top 20 shippers', -160, { status: 'done', completed: -158 });
    await milestone(platform, 'API beta with three design partners', -90, {
      due: -25,
      status: 'in_progress',
      weight: 2,
      replans: [
        { from: -90, to: -60, reason: 'Carrier integration scope doubled', category: 'scope', on: -95 },
        { from: -60, to: -25, reason: 'Lost the lead backend engineer', category: 'client', on: -62 },
      ],
    });
    await milestone(platform, 'General availability', -10, {
      due: 20,
      forecast: 45,
      weight: 3,
      replans: [{ from: -10, to: 20, reason: 'Follows the beta slip', category: 'dependency', on: -62 }],
    });
    await checkIn(
      platform,
      21,
      'at_risk',
      4,
      'Beta still blocked on carrier certification.',
      'Two carriers have not certified the new API',
    );
    await checkIn(platform, 7, 'off_track', 3, 'GA will move again; proposing a phased launch.', 'Backend hiring');

    const onboarding = await priority(corvidCpo, 2, 'Cut shipper onboarding from 6 weeks to 2', corvidOps, -120, 60);
    await milestone(onboarding, 'Map the current onboarding journey', -100, { status: 'done', completed: -101 });
    await milestone(onboarding, 'Self-serve document upload', -30, { status: 'done', completed: -28 });
    await milestone(onboarding, 'Automated compliance checks', 15, { status: 'in_progress' });
    await checkIn(onboarding, 10, 'on_track', 7, 'Upload live for all new shippers.');
    await checkIn(onboarding, 3, 'on_track', 8, 'Compliance checks in QA.');

    await priority(corvidCpo, 3, 'Retire the legacy admin console', corvidOps, -200, -20, 'achieved');

    // The firm's three playbooks; the proposed Acme CMO engagement was planned from the CMO pipeline rebuild.
    const playbookVersions = new Map<string, string>();
    for (const playbook of DEMO_PLAYBOOKS) {
      const [row] = await tx.query(
        `WITH pb AS (INSERT INTO playbooks (organization_id, current_version, created_by, created_at) VALUES ($1, 1, $2, $3) RETURNING id)
         INSERT INTO playbook_versions (organization_id, playbook_id, version, name, function, description, plan, created_by, created_at)
         SELECT $1, pb.id, 1, $4, $5, $6, $7::jsonb, $2, $3 FROM pb RETURNING id`,
        [
          orgId,
          users.account_manager,
          at(-300),
          playbook.name,
          playbook.function,
          playbook.description,
          JSON.stringify(playbook.plan),
        ],
      );
      playbookVersions.set(playbook.name, row.id);
    }
    const cmoPlaybook = DEMO_PLAYBOOKS.find((p) => p.function === 'CMO')!;
    const application = await insert(
      `INSERT INTO playbook_applications (organization_id, engagement_id, playbook_version_id, start_date, applied_by, applied_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [orgId, acmeCmo, playbookVersions.get(cmoPlaybook.name), day(14), users.account_manager, at(-2)],
    );
    const planned = planApplication({
      plan: cmoPlaybook.plan,
      startDate: day(14),
      ownerIds: cmoPlaybook.plan.map((p) => (p.suggestedOwnerTitle === 'VP Sales' ? acmeVpSales : acmeCeo)),
      activeCount: 0,
      maxRank: 0,
      focusCap: DEFAULT_ORGANIZATION_SETTINGS.focusCap,
    });
    for (const p of planned) {
      const priorityId = await priority(acmeCmo, p.rank, p.title, p.ownerId, 14, 14, p.status, p.description);
      await tx.query(
        `UPDATE priorities SET start_date = $3, target_date = $4, playbook_application_id = $5 WHERE organization_id = $1 AND id = $2`,
        [orgId, priorityId, p.startDate, p.targetDate, application],
      );
      await tx.query(
        `INSERT INTO milestones (organization_id, priority_id, title, baseline_due_date, due_date, status, weight)
         SELECT $1, $2, v.title, v.due, v.due, 'planned', v.weight FROM unnest($3::text[], $4::date[], $5::numeric[]) AS v(title, due, weight)`,
        [
          orgId,
          priorityId,
          p.milestones.map((x) => x.title),
          p.milestones.map((x) => x.dueDate),
          p.milestones.map((x) => x.weight),
        ],
      );
    }

    // Eight weeks of daily drift snapshots before today (the worker writes today's), so trends and sparklines have
    // a history: each path ends at the score the first scan will compute from the data above, so the chart has no
    // cliff and the week-over-week change is real. Acme CRO drifting up, Brightleaf settling down, Corvid worsening.
    const live = await liveDriftScores(tx, orgId, day(0), now);
    const driftHistory = (engagementId: string, eightWeeksEarlier: number) => {
      const to = live.get(engagementId) ?? 0;
      const from = Math.min(100, Math.max(0, to + eightWeeksEarlier));
      return tx.query(
        `INSERT INTO drift_snapshots (organization_id, engagement_id, snapshot_date, score)
         SELECT $1, $2, $3::date - n, LEAST(100, GREATEST(0, round($4::numeric + ($5::numeric - $4::numeric) * n / 56.0 + 2 * sin(n / 4.0)::numeric)))::smallint
           FROM generate_series(1, 56) AS n`,
        [orgId, engagementId, day(0), to, from],
      );
    };
    await driftHistory(acmeCro, -20);
    await driftHistory(brightCmo, 16);
    await driftHistory(corvidCpo, -22);

    return { organizationId: orgId };
  });
}

/** Today's drift score per active engagement, computed as the drift scan computes it (the demo uses the default settings). */
async function liveDriftScores(
  tx: EntityManager,
  organizationId: string,
  today: string,
  now: Date,
): Promise<Map<string, number>> {
  // Stateless SQL over the transaction: the seed runs outside Nest, so the repository is made here.
  const facts = new DriftFactsRepository();
  await facts.milestoneTotals(tx, organizationId, today, DEMO_TIMEZONE);
  const engagements = await facts.engagements(tx, organizationId, today);
  const scores = await facts.scoreFacts(tx, organizationId, today, DEMO_TIMEZONE, now, 8);
  await tx.query(`DROP TABLE scan_milestone_totals`);
  const records = engagementSnapshotRecords(scores, engagements, DEFAULT_ORGANIZATION_SETTINGS.focusCap);
  return new Map(records.map((r) => [r.engagement_id, r.score]));
}

export type { EntityManager };

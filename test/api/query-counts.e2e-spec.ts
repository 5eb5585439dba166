import { createTenant, expectStatus, recordStatements, startTestApi, type Tenant, type TestApi } from '@test/support';

/**
 * Statements per request on the hot paths of issue 7, through the real HTTP stack (JWT lookup included), counted
 * from what the data source actually sends PostgreSQL. Measured on a tenant as `createTenant` builds it, then again
 * after set-based SQL grew it thirtyfold (30 more engagements in reach, 30 more priorities on the summarized
 * engagement, each with milestones, re-plans, check-ins, drift snapshots): the counts must be equal (no N+1) and stay
 * within fixed bounds. The bounds count data statements only — BEGIN/COMMIT/set_config are bookkeeping a request
 * may add once — so a new query on a hot path fails here whatever its size.
 */
const MAX_DATA_STATEMENTS = {
  summary: 2, // JWT actor lookup + the summary
  portfolio: 2, // JWT actor lookup + the portfolio page
  checkIn: 2, // JWT actor lookup + the scoped insert with its audit row, returning the view
};
const GROWTH = 30;

describe('statements per request do not grow with the data (issue 7)', () => {
  let api: TestApi;
  let t: Tenant;

  beforeAll(async () => {
    api = await startTestApi();
    t = await createTenant(api.http, 'QueryCounts');
  });
  afterAll(() => api.close());

  async function measure() {
    const summary = await recordStatements(api.appDataSource, () =>
      t.manager.get(`/engagements/${t.a.engagementId}/summary`),
    );
    expectStatus(summary.result, 200);
    const portfolio = await recordStatements(api.appDataSource, () => t.manager.get('/portfolio?limit=50'));
    expectStatus(portfolio.result, 200);
    const viewerPortfolio = await recordStatements(api.appDataSource, () => t.clientViewer.get('/portfolio?limit=50'));
    expectStatus(viewerPortfolio.result, 200);
    const checkIn = await recordStatements(api.appDataSource, () =>
      t.manager.post(`/priorities/${t.a.priorityId}/check-ins`, {
        rag: 'at_risk',
        confidence: 6,
        note: 'Counted check-in',
        blockers: 'Legal review',
      }),
    );
    expectStatus(checkIn.result, 201);
    return { summary, portfolio, viewerPortfolio, checkIn };
  }

  /** Set-based growth, all in client A (in the client viewer's reach): GROWTH engagements × 3 priorities, and GROWTH more priorities on engagement A. */
  async function grow(): Promise<void> {
    // $1 organization, $2 client A, $3 its executive, $4 its owner, $5 engagement A, $6 the account manager (typed once here).
    const q = (sql: string) =>
      api.dataSource.query(
        `WITH params AS (SELECT $1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, $6::uuid) ${sql}`,
        [t.organizationId, t.a.clientId, t.a.executiveId, t.a.ownerId, t.a.engagementId, t.users.manager],
      );
    await q(`INSERT INTO engagements (organization_id, client_id, executive_id, function, status, start_date, planned_end_date, days_per_week)
             SELECT $1, $2, $3, 'CRO', 'active', current_date - 60, current_date + 120, 2 FROM generate_series(1, ${GROWTH})`);
    await q(`INSERT INTO allocation_changes (organization_id, engagement_id, effective_date, days_per_week, previous_days_per_week, reason, changed_by)
             SELECT $1, e.id, current_date - 10, 3, 2, 'Scale-up', $6 FROM engagements e WHERE e.organization_id = $1 AND e.client_id = $2 AND e.id <> $5`);
    await q(`INSERT INTO priorities (organization_id, engagement_id, title, rank, owner_id, status, start_date, target_date)
             SELECT $1, e.id, 'Grown ' || k, 1 + k, $4, 'active', current_date - 60, current_date + 120
               FROM engagements e CROSS JOIN generate_series(1, 3) k WHERE e.organization_id = $1 AND e.client_id = $2 AND e.id <> $5
             UNION ALL
             SELECT $1, $5, 'Grown on A ' || k, 1 + k, $4, 'active', current_date - 60, current_date + 120 FROM generate_series(1, ${GROWTH}) k`);
    await q(`INSERT INTO milestones (organization_id, priority_id, title, baseline_due_date, due_date, status, weight, completed_at)
             SELECT $1, pr.id, 'M' || n, current_date - 50 + 30 * n - 7, current_date - 50 + 30 * n,
                    CASE WHEN n = 1 THEN 'done' ELSE 'planned' END, n, CASE WHEN n = 1 THEN now() - interval '40 days' END
               FROM priorities pr CROSS JOIN generate_series(1, 5) n WHERE pr.organization_id = $1 AND pr.title LIKE 'Grown%'`);
    await q(`INSERT INTO milestone_due_date_changes (organization_id, milestone_id, changed_by, changed_at, old_due_date, new_due_date, reason, category)
             SELECT $1, m.id, $6, now() - interval '5 days', m.baseline_due_date, m.due_date, 'Dependency slipped', 'dependency'
               FROM milestones m JOIN priorities pr ON pr.id = m.priority_id WHERE m.organization_id = $1 AND pr.title LIKE 'Grown%'`);
    await q(`INSERT INTO check_ins (organization_id, priority_id, author_id, rag, confidence, note, created_at)
             SELECT $1, pr.id, $6, 'on_track', 5 + k, 'Week ' || k, now() - make_interval(days => 7 * k)
               FROM priorities pr CROSS JOIN generate_series(1, 2) k WHERE pr.organization_id = $1 AND pr.title LIKE 'Grown%'`);
    await q(`INSERT INTO drift_snapshots (organization_id, engagement_id, snapshot_date, score, open_alerts, details)
             SELECT $1, e.id, current_date - d, 10 + d, 0, '{}'
               FROM engagements e CROSS JOIN generate_series(0, ${GROWTH - 1}) d WHERE e.organization_id = $1 AND e.client_id = $2`);
  }

  it('summary, portfolio (account manager and client viewer) and check-in cost the same statements at 1× and 30× the data', async () => {
    const small = await measure();
    await grow();
    const large = await measure();

    // The growth is visible in the answers, so the second measurement really read more rows.
    expect(large.summary.result.body.priorities.length).toBe(small.summary.result.body.priorities.length + GROWTH);
    expect(large.portfolio.result.body.items.length).toBe(small.portfolio.result.body.items.length + GROWTH);
    expect(large.viewerPortfolio.result.body.items.length).toBe(
      small.viewerPortfolio.result.body.items.length + GROWTH,
    );

    const counts = Object.fromEntries(
      Object.entries(large).map(([name, r]) => [
        name,
        `${small[name as keyof typeof small].statements.length} → ${r.statements.length} (${r.dataStatements.length} data)`,
      ]),
    );
    process.stdout.write(`\n[query-counts] statements per request, small → large: ${JSON.stringify(counts)}\n`);
    for (const name of ['summary', 'portfolio', 'viewerPortfolio', 'checkIn'] as const) {
      expect({ name, statements: large[name].statements.length }).toEqual({
        name,
        statements: small[name].statements.length,
      });
    }
    expect(large.summary.dataStatements.length).toBeLessThanOrEqual(MAX_DATA_STATEMENTS.summary);
    expect(large.portfolio.dataStatements.length).toBeLessThanOrEqual(MAX_DATA_STATEMENTS.portfolio);
    expect(large.viewerPortfolio.dataStatements.length).toBeLessThanOrEqual(MAX_DATA_STATEMENTS.portfolio);
    expect(large.checkIn.dataStatements.length).toBeLessThanOrEqual(MAX_DATA_STATEMENTS.checkIn);
  });
});

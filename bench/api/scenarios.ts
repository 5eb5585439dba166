import { DataSource, type Logger as OrmLogger } from 'typeorm';
import type { Client } from 'pg';
import { validateEnvironment } from '@app/config';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { BENCH_PASSWORD, organizationId, type DataSet } from '../scale/data-set';
import { toJsonParams, type CapturedRoute, type CapturedStatement } from './captured-sql';

/** The hot requests of issue 7, shared by bench:api (load) and bench:explain (plans). */

export const API_PREFIX = '/api/v1';
/**
 * Issue 16's targets (p95s from issue 7): the summary and the check-in ≥ 0.8 of their bare twin; the portfolio ≥ 0.6
 * of the twin serving precomputed rows (bench/api/precomputed-server.ts); peak RSS ≤ 200 MB.
 */
export const TARGETS = {
  summaryP95Ms: 25,
  portfolioP95Ms: 60,
  checkInP95Ms: 30,
  bareRatio: 0.8,
  precomputedRatio: 0.6,
  peakRssMb: 200,
};

export interface Scenario {
  name: string;
  method: 'GET' | 'POST';
  /** Our route with :id, and the ids to rotate through (none: a fixed path). */
  route: string;
  ids: string[];
  query?: string;
  token: string;
  body?: string;
  /** bareRatio: of the same-SQL twin; precomputedRatio: of the precomputed-rows twin (portfolio pages only). */
  target: { p95Ms: number; bareRatio: number | null; precomputedRatio: number | null };
}

/** The requests run on the large organization of the scale data set. */
export async function buildScenarios(
  client: Client,
  set: DataSet,
  accountManagerToken: string,
  viewerToken: string,
): Promise<Scenario[]> {
  const loginSample = accountManagerToken;
  const ids = async (sql: string) =>
    (await client.query(sql, [organizationId(set, 'large')])).rows.map((r: { id: string }) => r.id);
  // Requests rotate over 500 engagements / priorities, so the figures are not one hot row's.
  const large = set.groups[0].shape;
  const engagements = (large.clients * large.engagementsPerClient).toLocaleString('en-US');
  const engagementIds = await ids(
    `SELECT id FROM engagements WHERE organization_id = $1 AND status = 'active' ORDER BY id LIMIT 500`,
  );
  const priorityIds = await ids(
    `SELECT id FROM priorities WHERE organization_id = $1 AND status = 'active' ORDER BY id LIMIT 500`,
  );
  return [
    {
      name: 'GET /engagements/:id/summary (account manager)',
      method: 'GET',
      route: '/engagements/:id/summary',
      ids: engagementIds,
      token: loginSample,
      target: { p95Ms: TARGETS.summaryP95Ms, bareRatio: TARGETS.bareRatio, precomputedRatio: null },
    },
    {
      name: `GET /portfolio?limit=50 (account manager, ${engagements} engagements)`,
      method: 'GET',
      route: '/portfolio',
      ids: [],
      query: '?limit=50',
      token: loginSample,
      target: { p95Ms: TARGETS.portfolioP95Ms, bareRatio: null, precomputedRatio: TARGETS.precomputedRatio },
    },
    {
      name: `GET /portfolio?limit=50 (client viewer, ${large.clientsPerViewer} clients)`,
      method: 'GET',
      route: '/portfolio',
      ids: [],
      query: '?limit=50',
      token: viewerToken,
      target: { p95Ms: TARGETS.portfolioP95Ms, bareRatio: null, precomputedRatio: TARGETS.precomputedRatio },
    },
    {
      name: 'POST /priorities/:id/check-ins (account manager)',
      method: 'POST',
      route: '/priorities/:id/check-ins',
      ids: priorityIds,
      token: loginSample,
      body: JSON.stringify({
        rag: 'on_track',
        confidence: 7,
        note: 'Benchmark check-in: pipeline review done',
        blockers: null,
      }),
      target: { p95Ms: TARGETS.checkInP95Ms, bareRatio: TARGETS.bareRatio, precomputedRatio: null },
    },
  ];
}

export async function login(apiUrl: string, email: string): Promise<string> {
  const response = await fetch(`${apiUrl}${API_PREFIX}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  const body = (await response.json()) as { accessToken?: string };
  if (!response.ok || !body.accessToken)
    throw new Error(`login as ${email}: ${response.status} ${JSON.stringify(body)}`);
  return body.accessToken;
}

/** Runs each scenario's request once on an in-process API, recording every statement TypeORM sends meanwhile. */
export async function captureSql(env: Record<string, string>, scenarios: Scenario[]): Promise<CapturedRoute[]> {
  const app = await createApiApp(validateEnvironment({ ...env, PORT: '0' }, { require: ['PUBLIC_URL'] }), {
    logger: false,
  });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const dataSource = app.get(DataSource);
  let statements: CapturedStatement[] = [];
  const original = dataSource.logger;
  dataSource.logger = Object.assign(Object.create(original) as OrmLogger, {
    logQuery: (query: string, parameters?: unknown[]) =>
      void statements.push({ sql: query, params: toJsonParams(parameters) }),
  });
  try {
    const out: CapturedRoute[] = [];
    for (const [index, scenario] of scenarios.entries()) {
      const id = scenario.ids[0] ?? null;
      statements = [];
      const response = await fetch(
        `${base}${API_PREFIX}${scenario.route.replace(':id', id ?? '')}${scenario.query ?? ''}`,
        {
          method: scenario.method,
          headers: { authorization: `Bearer ${scenario.token}`, 'content-type': 'application/json' },
          body: scenario.body,
        },
      );
      const body = (await response.json()) as { id?: string };
      if (!response.ok) throw new Error(`capturing ${scenario.name}: ${response.status} ${JSON.stringify(body)}`);
      out.push({
        name: scenario.name,
        method: scenario.method,
        route: `/s${index}${API_PREFIX}${scenario.route}`,
        capturedId: id,
        capturedNewId: scenario.method === 'POST' ? (body.id ?? null) : null,
        statements,
      });
    }
    return out;
  } finally {
    dataSource.logger = original;
    await app.close();
  }
}

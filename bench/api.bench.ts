import 'reflect-metadata';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { validateEnvironment } from '@app/config';
import { API_PREFIX, buildScenarios, captureSql, login, TARGETS, type Scenario } from './api/scenarios';
import { processRss, RssSampler, runLoad, type LoadFigures } from './api/load';
import { PRECOMPUTED_TABLE } from './api/precomputed-server';
import { closeBenchDatabase, openBenchDatabase, type BenchDatabase } from './scale/bench-database';
import { BENCH_PASSWORD, emailOf } from './scale/data-set';
import { API_NODE_FLAGS } from '@app/platform';
import { repoRoot, resultsDir } from './paths';

/**
 * `npm run bench:api` — our API against bare Fastify + pg on the scale data (see bench/README.md).
 *
 * A throw-away copy of the scale data set (bench/scale/bench-database.ts; BENCH_SIZE=small for a small one); the built API
 * (dist/apps/api/src/main.js, NODE_ENV=production) as a child process; the SQL each scenario's request runs
 * captured from TypeORM's logger on an in-process copy of the API module; a bare Fastify + pg child replaying
 * that SQL; autocannon (as a library) against both, in the same run, at 10 and 50 connections. Prints a table
 * and writes bench/results/latest.json. Exits 0 whether targets are met or not.
 *
 * Environment: BENCH_DATABASE_URL | TEST_DATABASE_URL | DATABASE_URL (server to create the throw-away database
 * on; embedded PostgreSQL when none), BENCH_REDIS_URL (queues on Redis), BENCH_SECONDS (per run, default 10),
 * BENCH_WARMUP_SECONDS (default 2), BENCH_CONNECTIONS (default "10,50"), BENCH_KEEP_DB=1.
 */

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '10,50').split(',').map(Number);

interface ScenarioResult {
  name: string;
  runs: Array<{
    connections: number;
    ours: LoadFigures;
    bare: LoadFigures;
    ratio: number;
    /** Portfolio pages: the twin serving precomputed rows, and our req/s ÷ its req/s. */
    precomputed?: LoadFigures;
    precomputedRatio?: number;
  }>;
  statementsPerRequest: number;
  target: Scenario['target'];
  verdict: { p95: string; ratio: string; precomputedRatio: string };
}

const log = (line: string) => process.stdout.write(`${line}\n`);
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

async function main(): Promise<void> {
  const children: ChildProcess[] = [];
  let db: BenchDatabase | null = null;
  let client: Client | null = null;
  const workDir = mkdtempSync(join(tmpdir(), 'throughline-bench-api-'));
  const cleanup = async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await client?.end().catch(() => undefined);
    if (db && process.env.BENCH_KEEP_DB !== '1')
      await closeBenchDatabase(db).catch((e: unknown) => log(`could not drop ${db?.name}: ${String(e)}`));
    else if (db) log(`kept database ${db.url}`);
    rmSync(workDir, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void cleanup().finally(() => process.exit(130)));

  try {
    const started = performance.now();
    log(
      `API benchmark — ${cpus().length} CPU (${cpus()[0]?.model}), ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}; ${SECONDS} s per run after ${WARMUP_SECONDS} s warm-up`,
    );
    db = await openBenchDatabase('scale', log);
    client = new Client({ connectionString: db.url, application_name: 'throughline-bench' });
    await client.connect();
    const postgres = String((await client.query('SHOW server_version')).rows[0].server_version);
    log(
      `database ${db.name} (${db.embedded ? 'embedded PostgreSQL' : `PostgreSQL ${postgres} server`}): the ${db.set.key} data set`,
    );
    const seed =
      db.source.kind === 'seeded'
        ? {
            seconds: Math.round(db.source.seed.ms) / 1000,
            vacuumSeconds: Math.round(db.source.seed.vacuumMs) / 1000,
            counts: db.source.seed.counts,
          }
        : { copiedFrom: db.source.of, seconds: Math.round(db.source.ms) / 1000 };
    const set = db.set;

    const env: Record<string, string> = {
      NODE_ENV: 'production',
      DATABASE_URL: db.url,
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      // Required by the API; no emailed link is followed in the benchmark.
      PUBLIC_URL: 'http://localhost:3000',
      // The login runs measure argon2id, not the throttle: one account from one IP, 50 in flight.
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000',
      LOGIN_MAX_FAILURES_PER_IP: '100000',
      ...(process.env.BENCH_REDIS_URL ? { REDIS_URL: process.env.BENCH_REDIS_URL } : {}),
    };
    const poolSize = String(validateEnvironment({ ...env }).DATABASE_POOL_SIZE);

    // Our API: the real entry point, built, in production mode.
    const apiPort = await freePort();
    const api = spawn(process.execPath, [...API_NODE_FLAGS, resolve(repoRoot(), 'dist/apps/api/src/main.js')], {
      env: { PATH: process.env.PATH ?? '', ...env, PORT: String(apiPort) },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.push(api);
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    await waitForHealth(`${apiUrl}/api/health`, api);
    log(
      `API (node ${API_NODE_FLAGS.join(' ')} dist/apps/api/src/main.js, NODE_ENV=production, pool ${poolSize}) pid ${api.pid} on ${apiUrl}: RSS ${processRss(api.pid!).rssMb} MB at rest`,
    );

    const loginSample = await login(apiUrl, emailOf(set, 'large', 'am', 1));
    const viewerToken = await login(apiUrl, emailOf(set, 'large', 'viewer', 1));
    const scenarios = await buildScenarios(client, set, loginSample, viewerToken);

    // The SQL of each scenario's request, captured on an in-process copy of the API module (same env).
    const captured = await captureSql(env, scenarios);
    const routesFile = join(workDir, 'routes.json');
    writeFileSync(routesFile, JSON.stringify(captured));
    for (const route of captured) log(`captured ${route.statements.length} statements for ${route.name}`);

    const barePort = await freePort();
    const bare = fork(resolve(__dirname, 'api/bare-server.js'), [routesFile, String(barePort)], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: db.url, DATABASE_POOL_SIZE: poolSize, NODE_ENV: 'production' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    children.push(bare);
    await new Promise<void>((ok, fail) => {
      bare.once('message', () => ok());
      bare.once('exit', (code) => fail(new Error(`the bare server exited with ${code}`)));
    });
    const bareUrl = `http://127.0.0.1:${barePort}`;

    // The third server: each portfolio scenario's items precomputed into indexed rows (issue 16).
    const portfolioIndexes = scenarios.flatMap((s, i) => (s.route === '/portfolio' ? [i] : []));
    await precompute(client, apiUrl, scenarios, portfolioIndexes);
    const precomputedPort = await freePort();
    const precomputed = fork(
      resolve(__dirname, 'api/precomputed-server.js'),
      [String(precomputedPort), portfolioIndexes.join(',')],
      {
        env: {
          PATH: process.env.PATH ?? '',
          DATABASE_URL: db.url,
          DATABASE_POOL_SIZE: poolSize,
          NODE_ENV: 'production',
        },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      },
    );
    children.push(precomputed);
    await new Promise<void>((ok, fail) => {
      precomputed.once('message', () => ok());
      precomputed.once('exit', (code) => fail(new Error(`the precomputed server exited with ${code}`)));
    });
    const precomputedUrl = `http://127.0.0.1:${precomputedPort}`;

    const apiSampler = new RssSampler(api.pid!);
    apiSampler.start();
    const results: ScenarioResult[] = [];
    for (const [index, scenario] of scenarios.entries()) {
      const ourPaths = paths(`${API_PREFIX}${scenario.route}`, scenario.ids, scenario.query);
      const barePaths = paths(`/s${index}${API_PREFIX}${scenario.route}`, scenario.ids, scenario.query);
      const common = { method: scenario.method, body: scenario.body };
      const runs: ScenarioResult['runs'] = [];
      for (const connections of CONNECTIONS) {
        const ourOptions = {
          ...common,
          baseUrl: apiUrl,
          paths: ourPaths,
          headers: { authorization: `Bearer ${scenario.token}` },
          connections,
        };
        const bareOptions = { ...common, baseUrl: bareUrl, paths: barePaths, connections };
        if (WARMUP_SECONDS > 0) await runLoad({ ...ourOptions, seconds: WARMUP_SECONDS });
        const ours = await runLoad({ ...ourOptions, seconds: SECONDS });
        if (WARMUP_SECONDS > 0) await runLoad({ ...bareOptions, seconds: WARMUP_SECONDS });
        const bareFigures = await runLoad({ ...bareOptions, seconds: SECONDS });
        const ratio =
          bareFigures.requestsPerSecond > 0
            ? Math.round((ours.requestsPerSecond / bareFigures.requestsPerSecond) * 100) / 100
            : NaN;
        let precomputedFigures: LoadFigures | undefined;
        let precomputedRatio: number | undefined;
        if (portfolioIndexes.includes(index)) {
          const options = { ...bareOptions, baseUrl: precomputedUrl };
          if (WARMUP_SECONDS > 0) await runLoad({ ...options, seconds: WARMUP_SECONDS });
          precomputedFigures = await runLoad({ ...options, seconds: SECONDS });
          precomputedRatio =
            precomputedFigures.requestsPerSecond > 0
              ? Math.round((ours.requestsPerSecond / precomputedFigures.requestsPerSecond) * 100) / 100
              : NaN;
        }
        runs.push({ connections, ours, bare: bareFigures, ratio, precomputed: precomputedFigures, precomputedRatio });
        log(
          `  ${scenario.name} @${connections}: ours ${ours.requestsPerSecond} req/s p95 ${ours.p95Ms} ms (${ours.non2xx} non-2xx, ${ours.errors} errors); bare ${bareFigures.requestsPerSecond} req/s p95 ${bareFigures.p95Ms} ms; ratio ${ratio}` +
            (precomputedFigures
              ? `; precomputed ${precomputedFigures.requestsPerSecond} req/s p95 ${precomputedFigures.p95Ms} ms; ratio ${precomputedRatio}`
              : ''),
        );
      }
      const at10 = runs.find((r) => r.connections === 10) ?? runs[0];
      results.push({
        name: scenario.name,
        runs,
        statementsPerRequest: captured[index].statements.length,
        target: scenario.target,
        verdict: {
          p95: verdict(at10.ours.p95Ms <= scenario.target.p95Ms && at10.ours.non2xx === 0),
          ratio: scenario.target.bareRatio === null ? 'n/a' : verdict(at10.ratio >= scenario.target.bareRatio),
          precomputedRatio:
            scenario.target.precomputedRatio === null
              ? 'n/a'
              : verdict((at10.precomputedRatio ?? 0) >= scenario.target.precomputedRatio),
        },
      });
    }
    const peakSampledMb = apiSampler.stop();
    const peakMb = processRss(api.pid!).peakMb; // VmHWM: the kernel's high-water mark, catches what sampling misses

    // Login is argon2id (19 MiB, 2 passes) by design: reported on its own, and its RSS apart.
    const loginRuns: LoadFigures[] = [];
    const loginSampler = new RssSampler(api.pid!);
    loginSampler.start();
    for (const connections of CONNECTIONS) {
      loginRuns.push(
        await runLoad({
          baseUrl: apiUrl,
          method: 'POST',
          paths: [`${API_PREFIX}/auth/login`],
          connections,
          seconds: SECONDS,
          body: JSON.stringify({ email: emailOf(set, 'large', 'am', 2), password: BENCH_PASSWORD }),
        }),
      );
    }
    const loginPeakSampledMb = loginSampler.stop();
    const loginPeakMb = processRss(api.pid!).peakMb;

    printTable(results, loginRuns, { peakMb, peakSampledMb, loginPeakMb, loginPeakSampledMb });
    const file = join(resultsDir(), 'latest.json');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(
      file,
      `${JSON.stringify(
        {
          benchmark: 'api',
          at: new Date().toISOString(),
          machine: {
            cpus: cpus().length,
            cpuModel: cpus()[0]?.model,
            totalMemoryGb: Math.round(totalmem() / 2 ** 30),
            node: process.version,
            postgres,
          },
          database: db.embedded ? 'embedded' : 'server',
          queues: process.env.BENCH_REDIS_URL ? 'redis' : 'postgres',
          secondsPerRun: SECONDS,
          warmupSeconds: WARMUP_SECONDS,
          poolSize: Number(poolSize),
          data: set.key,
          seed,
          targets: TARGETS,
          scenarios: results,
          apiRss: { peakMb, peakSampledMb, verdict: verdict(peakMb <= TARGETS.peakRssMb) },
          login: { runs: loginRuns, peakMbAfterLogin: loginPeakMb, peakSampledMb: loginPeakSampledMb },
          capturedSql: captured.map((c) => ({
            name: c.name,
            statements: c.statements.map((s) => s.sql.replace(/\s+/g, ' ').trim()),
          })),
          totalSeconds: Math.round(performance.now() - started) / 1000,
        },
        null,
        2,
      )}\n`,
    );
    log(`\nfigures written to ${file}`);
  } finally {
    await cleanup();
  }
}

/**
 * Fills the precomputed twin's table: every item of each portfolio scenario's whole portfolio, as our API answers
 * it (pages of 100), one row each with its position, in the throw-away database.
 */
async function precompute(client: Client, apiUrl: string, scenarios: Scenario[], indexes: number[]): Promise<void> {
  await client.query(
    `CREATE TABLE ${PRECOMPUTED_TABLE} (scenario int NOT NULL, n int NOT NULL, item json NOT NULL, PRIMARY KEY (scenario, n))`,
  );
  for (const index of indexes) {
    const scenario = scenarios[index];
    const items: unknown[] = [];
    for (let offset = 0; ; offset += 100) {
      const response = await fetch(`${apiUrl}${API_PREFIX}/portfolio?limit=100&offset=${offset}`, {
        headers: { authorization: `Bearer ${scenario.token}` },
      });
      const page = (await response.json()) as { items: unknown[]; total: number };
      if (!response.ok) throw new Error(`precomputing ${scenario.name}: ${response.status}`);
      items.push(...page.items);
      if (items.length >= page.total || page.items.length === 0) break;
    }
    await client.query(
      `INSERT INTO ${PRECOMPUTED_TABLE} (scenario, n, item) SELECT $1, n, item FROM json_array_elements($2::json) WITH ORDINALITY AS x(item, n)`,
      [index, JSON.stringify(items)],
    );
    log(`precomputed ${items.length} portfolio items for ${scenario.name}`);
  }
  await client.query(`ANALYZE ${PRECOMPUTED_TABLE}`);
}

function paths(route: string, ids: string[], query = ''): string[] {
  return ids.length ? ids.map((id) => `${route.replace(':id', id)}${query}`) : [`${route}${query}`];
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode} before it was healthy`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the API was not healthy at ${url} within 60 s`);
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => ok(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function printTable(
  results: ScenarioResult[],
  loginRuns: LoadFigures[],
  rss: { peakMb: number; peakSampledMb: number; loginPeakMb: number; loginPeakSampledMb: number },
): void {
  const row = (cells: Array<string | number>, widths: number[]) =>
    `  ${cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ')}`;
  const widths = [78, 5, 9, 7, 7, 7, 9, 7, 6, 9, 6, 10];
  log(
    '\n' +
      row(
        [
          'scenario',
          'conn',
          'ours r/s',
          'p50',
          'p95',
          'p99',
          'bare r/s',
          'bare p95',
          'ratio',
          'precomp',
          'ratio',
          'target',
        ],
        widths,
      ),
  );
  for (const r of results) {
    for (const run of r.runs) {
      const target =
        run.connections === 10
          ? `p95 ${r.verdict.p95}${r.target.bareRatio === null ? '' : `, bare ${r.verdict.ratio}`}${r.target.precomputedRatio === null ? '' : `, precomputed ${r.verdict.precomputedRatio}`}`
          : '';
      log(
        row(
          [
            run.connections === r.runs[0].connections ? `${r.name} [${r.statementsPerRequest} stmts]` : '',
            run.connections,
            run.ours.requestsPerSecond,
            run.ours.p50Ms,
            run.ours.p95Ms,
            run.ours.p99Ms,
            run.bare.requestsPerSecond,
            run.bare.p95Ms,
            run.ratio,
            run.precomputed?.requestsPerSecond ?? '',
            run.precomputedRatio ?? '',
            target,
          ],
          widths,
        ),
      );
    }
  }
  for (const run of loginRuns)
    log(
      row(
        [
          run === loginRuns[0] ? 'POST /auth/login (argon2id; no bare twin)' : '',
          run.connections,
          run.requestsPerSecond,
          run.p50Ms,
          run.p95Ms,
          run.p99Ms,
          '',
          '',
          '',
          '',
          '',
          '',
        ],
        widths,
      ),
    );
  log(
    `\n  targets at 10 connections: summary p95 ≤ ${TARGETS.summaryP95Ms} ms and check-in p95 ≤ ${TARGETS.checkInP95Ms} ms, both ≥ ${TARGETS.bareRatio} of their bare twin; portfolio p95 ≤ ${TARGETS.portfolioP95Ms} ms, ≥ ${TARGETS.precomputedRatio} of the precomputed twin`,
  );
  log(
    `  API peak RSS under the read/write load: ${rss.peakMb} MB (VmHWM; sampled max ${rss.peakSampledMb} MB), target ≤ ${TARGETS.peakRssMb} MB: ${verdict(rss.peakMb <= TARGETS.peakRssMb)}`,
  );
  log(
    `  API peak RSS after the login runs: ${rss.loginPeakMb} MB (sampled max during login ${rss.loginPeakSampledMb} MB)`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `API benchmark crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);

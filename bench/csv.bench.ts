import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { API_NODE_FLAGS } from '@app/platform';
import { generateFirm } from '../test/support/csv-import';
import { login } from './api/scenarios';
import { processRss, RssSampler } from './api/load';
import { repoRoot, resultsDir } from './paths';
import { closeBenchDatabase, openBenchDatabase, type BenchDatabase } from './scale/bench-database';
import { benchSize, emailOf } from './scale/data-set';

/**
 * `npm run bench:csv` (issue 19): through the built API in production mode, on a copy of the scale data —
 *  - importing a generated 10,000-row firm (six CSV files in one upload): the dry run, the commit, then the same files
 *    again (every row unchanged), each timed, with the API's RSS sampled throughout (target ≤ 15 s each, memory flat);
 *  - exporting the large organization's portfolio (3,000 engagements, as its account manager) and its milestones
 *    (the firm export) as CSV: rows per second of the streamed download.
 */
const TARGETS = { importSeconds: 15 };
/** BENCH_CSV_ROWS overrides the size of the generated firm (default 10,000; 1,000 with BENCH_SIZE=small). */
const ROWS = Number(process.env.BENCH_CSV_ROWS ?? (benchSize() === 'small' ? 1_000 : 10_000));
const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  let db: BenchDatabase | null = null;
  let api: ChildProcess | null = null;
  const cleanup = async () => {
    if (api?.exitCode === null) api.kill('SIGTERM');
    if (db) await closeBenchDatabase(db).catch((e: unknown) => log(`could not drop ${db?.name}: ${String(e)}`));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void cleanup().finally(() => process.exit(130)));
  try {
    log(`CSV benchmark — ${cpus().length} CPU, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}`);
    db = await openBenchDatabase('scale', log);
    const port = await freePort();
    api = spawn(process.execPath, [...API_NODE_FLAGS, resolve(repoRoot(), 'dist/apps/api/src/main.js')], {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        DATABASE_URL: db.url,
        JWT_SECRET: randomBytes(32).toString('hex'),
        LOG_LEVEL: 'warn',
        PUBLIC_URL: 'http://localhost:3000',
        PORT: String(port),
        ...(process.env.BENCH_REDIS_URL ? { REDIS_URL: process.env.BENCH_REDIS_URL } : {}),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const base = `http://127.0.0.1:${port}`;
    await waitForHealth(`${base}/api/health`, api);
    const restMb = processRss(api.pid!).rssMb;
    const admin = await login(base, emailOf(db.set, 'large', 'admin', 1));
    const manager = await login(base, emailOf(db.set, 'large', 'am', 1));

    const files = generateFirm(ROWS, `B${Date.now().toString(36)}`);
    const bytes = Object.values(files).reduce((n, f) => n + Buffer.byteLength(f), 0);
    log(`generated ${ROWS} rows in six files, ${(bytes / 1024).toFixed(0)} KB; API RSS at rest ${restMb} MB`);
    const imports: Record<string, { seconds: number; rowsPerSecond: number; peakRssMb: number; summary: unknown }> = {};
    for (const [label, mode] of [
      ['dryRun', 'dry-run'],
      ['commit', 'commit'],
      ['reimport', 'commit'],
    ] as const) {
      const sampler = new RssSampler(api.pid!);
      sampler.start();
      const started = performance.now();
      const form = new FormData();
      for (const [type, text] of Object.entries(files)) form.append(type, new Blob([text]), `${type}.csv`);
      const response = await fetch(`${base}/api/v1/imports?mode=${mode}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}` },
        body: form,
      });
      const body = (await response.json()) as { summary?: unknown; message?: string };
      const seconds = Math.round(performance.now() - started) / 1000;
      sampler.stop();
      if (!response.ok) throw new Error(`import ${label} answered ${response.status}: ${body.message}`);
      imports[label] = {
        seconds,
        rowsPerSecond: Math.round(ROWS / seconds),
        peakRssMb: sampler.maxMb,
        summary: body.summary,
      };
      log(
        `import ${label}: ${seconds} s (${imports[label].rowsPerSecond} rows/s), API RSS peak ${sampler.maxMb} MB, ${JSON.stringify(body.summary)}`,
      );
    }

    const exports: Record<string, { rows: number; seconds: number; rowsPerSecond: number; megabytes: number }> = {};
    for (const [label, path, token] of [
      ['portfolio', '/api/v1/exports/portfolio', manager],
      ['milestones', '/api/v1/exports/milestones', admin],
    ] as const) {
      const started = performance.now();
      const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
      if (!response.ok || !response.body) throw new Error(`export ${label} answered ${response.status}`);
      let lines = 0;
      let size = 0;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.length;
        for (const byte of chunk) if (byte === 0x0a) lines += 1;
      }
      const seconds = Math.round(performance.now() - started) / 1000;
      const rows = lines - 1;
      exports[label] = {
        rows,
        seconds,
        rowsPerSecond: Math.round(rows / seconds),
        megabytes: Math.round(size / 1e4) / 100,
      };
      log(
        `export ${label}: ${rows} rows in ${seconds} s (${exports[label].rowsPerSecond} rows/s, ${exports[label].megabytes} MB)`,
      );
    }

    const peakRssMb = processRss(api.pid!).peakMb;
    const within = (s: number) => (s <= TARGETS.importSeconds ? 'PASS' : 'MISS');
    const result = {
      benchmark: 'csv',
      at: new Date().toISOString(),
      size: benchSize(),
      rows: ROWS,
      uploadKb: Math.round(bytes / 1024),
      targets: TARGETS,
      imports,
      exports,
      api: { restMb, peakRssMb },
      verdict: { dryRun: within(imports.dryRun.seconds), commit: within(imports.commit.seconds) },
    };
    mkdirSync(resultsDir(), { recursive: true });
    const file = join(resultsDir(), 'csv-latest.json');
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    log(`figures written to ${file}`);
  } finally {
    await cleanup();
  }
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

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:csv: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);

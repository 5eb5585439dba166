import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { API_NODE_FLAGS } from '@app/platform';
import { API_PREFIX, login } from './api/scenarios';
import { runLoad } from './api/load';
import { dataSet, emailOf, organizationId } from './scale/data-set';
import { repoRoot } from './paths';

/**
 * `npm run bench:profile` — where the API's CPU goes on `GET /engagements/:id/summary` (issue 16, part 3).
 *
 * Starts the built API (production mode, the API's Node flags) with `--cpu-prof` on the database named by
 * DATABASE_URL (a seeded scale database: `npm run seed:scale`; it is only read), loads the summary for
 * BENCH_SECONDS (10) at 10 connections over 500 engagements, stops the API and prints the profile's top entries by
 * self time (function, file:line, share of the samples), then by package. Keeps the .cpuprofile when
 * BENCH_KEEP_PROFILE=1 (open it in Chrome's DevTools).
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const TOP = Number(process.env.BENCH_PROFILE_TOP ?? 25);
const log = (line: string) => process.stdout.write(`${line}\n`);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL must name a seeded scale database');
  const set = dataSet('scale');
  const client = new Client({ connectionString: url });
  await client.connect();
  const ids = (
    await client.query(
      `SELECT id FROM engagements WHERE organization_id = $1 AND status = 'active' ORDER BY id LIMIT 500`,
      [organizationId(set, 'large')],
    )
  ).rows.map((r: { id: string }) => r.id);
  await client.end();

  const dir = mkdtempSync(join(tmpdir(), 'throughline-profile-'));
  const port = await freePort();
  const api = spawn(
    process.execPath,
    [...API_NODE_FLAGS, '--cpu-prof', `--cpu-prof-dir=${dir}`, resolve(repoRoot(), 'dist/apps/api/src/main.js')],
    {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        DATABASE_URL: url,
        JWT_SECRET: randomBytes(32).toString('hex'),
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
        PUBLIC_URL: 'http://localhost:3000',
        PORT: String(port),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      if (i > 300) throw new Error('the API did not become healthy');
      if (
        await fetch(`${base}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const token = await login(base, emailOf(set, 'large', 'am', 1));
    const load = {
      baseUrl: base,
      method: 'GET' as const,
      paths: ids.map((id) => `${API_PREFIX}/engagements/${id}/summary`),
      headers: { authorization: `Bearer ${token}` },
      connections: 10,
    };
    await runLoad({ ...load, seconds: 2 }); // warm-up: start-up and JIT stay out of the window below
    const figures = await runLoad({ ...load, seconds: SECONDS });
    log(
      `summary under the profiler: ${figures.requestsPerSecond} req/s, p95 ${figures.p95Ms} ms (${figures.non2xx} non-2xx)`,
    );
  } finally {
    const exited = new Promise((r) => api.once('exit', r));
    api.kill('SIGTERM');
    await exited;
  }
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile written in ${dir}`);
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
    nodes: ProfileNode[];
    samples: number[];
    timeDeltas: number[];
    endTime: number;
  };
  // Only the measured load: the last SECONDS before the shutdown (start-up, warm-up and the exit left out).
  const at: number[] = [];
  profile.timeDeltas.reduce((t, d, i) => (at[i] = t + d), 0);
  const last = at[at.length - 1] ?? 0;
  const samples = profile.samples.filter((_, i) => at[i] >= last - (SECONDS + 0.5) * 1e6 && at[i] <= last - 0.5e6);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const sample of samples) {
    const node = byId.get(sample)!;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${url.replace(/^file:\/\//, '').replace(repoRoot(), '.')}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'} ${where}`.trim();
    self.set(key, (self.get(key) ?? 0) + 1);
    const pkg =
      /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ??
      (url.includes('/dist/')
        ? 'ours (dist)'
        : url.startsWith('node:')
          ? 'node core'
          : functionName.startsWith('(')
            ? functionName
            : 'other');
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + 1);
  }
  const total = samples.length;
  const pct = (n: number) => `${((100 * n) / total).toFixed(1).padStart(5)} %`;
  log(`\ntop ${TOP} by self time (${total} samples of the ${SECONDS} s under load):`);
  for (const [key, n] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) log(`  ${pct(n)}  ${key}`);
  log('\nby package:');
  for (const [key, n] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 15)) log(`  ${pct(n)}  ${key}`);
  if (process.env.BENCH_KEEP_PROFILE === '1') log(`\nprofile kept: ${join(dir, file)}`);
  else rmSync(dir, { recursive: true, force: true });
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
    process.stderr.write(
      `profile crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);

import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { validateEnvironment } from '@app/config';
import { resolveDatabase } from '../apps/launcher/src/database-target';
import { repoRoot } from './paths';
import { benchSize } from './scale/data-set';

/**
 * `npm run bench`: every benchmark of issue 7 in turn, each as its own process exactly as `npm run bench:<part>` runs
 * it, then ONE table (figure, target, ours/bare where there is a bare twin, PASS/MISS) and bench/results/latest.json.
 *
 * Database: BENCH_DATABASE_URL | TEST_DATABASE_URL | DATABASE_URL, passed through; with none of them, the launcher's
 * embedded PostgreSQL (`.data/postgres`, as `npm start` and `npm run seed:scale` use it) is started once for all parts.
 * Every part gets its data from bench/scale: the scale parts copy a database seeded by `npm run seed:scale` when they
 * find one, else seed a throw-away one (bench/scale/bench-database.ts); BENCH_SIZE=small runs every part on a few
 * thousand rows (to check that it works; its figures mean nothing). BENCH_PARTS picks parts
 * (default `api,explain,drift,digest,digest-own,report,check-in-reminders,csv,playbooks,forecast`); BENCH_REDIS_URL puts every part's queues on Redis.
 * Exits 0 whether targets are met or not; 1 when a part crashed.
 */

interface Part {
  key: string;
  title: string;
  script: string;
  nodeFlags: string[];
  args: string[];
  resultFile: string;
}

const PARTS: Part[] = [
  {
    key: 'api',
    title: 'API load (bench:api)',
    script: 'api.bench.js',
    nodeFlags: ['--expose-gc'],
    args: [],
    resultFile: 'latest.json',
  },
  {
    key: 'explain',
    title: 'EXPLAIN of the hot queries (bench:explain)',
    script: 'explain.bench.js',
    nodeFlags: [],
    args: [],
    resultFile: 'explain-latest.json',
  },
  // The worker's own heap cap (libs/platform/src/node-flags.ts), as bench:drift and bench:digest run.
  {
    key: 'drift',
    title: 'drift scan, scale data (bench:drift:scale)',
    script: 'drift-scan.bench.js',
    nodeFlags: ['--expose-gc', '--max-old-space-size=256'],
    args: ['--scale'],
    resultFile: 'drift-scale-latest.json',
  },
  {
    key: 'digest',
    title: 'digests, scale data (bench:digest:scale)',
    script: 'digest.bench.js',
    nodeFlags: ['--expose-gc', '--max-old-space-size=256'],
    args: ['--scale'],
    resultFile: 'digest-scale-latest.json',
  },
  {
    key: 'digest-own',
    title: 'digests, 10,000 recipients (bench:digest)',
    script: 'digest.bench.js',
    nodeFlags: ['--expose-gc', '--max-old-space-size=256'],
    args: [],
    resultFile: 'digest-latest.json',
  },
  {
    key: 'report',
    title: 'period report of a 12-priority engagement (bench:report)',
    script: 'report.bench.js',
    nodeFlags: [],
    args: [],
    resultFile: 'report-latest.json',
  },
  {
    key: 'check-in-reminders',
    title: 'check-in reminder dispatcher, 10,000 recipients (bench:check-in-reminders)',
    script: 'check-in-reminders.bench.js',
    nodeFlags: [],
    args: [],
    resultFile: 'check-in-reminders-latest.json',
  },
  {
    key: 'csv',
    title: 'CSV import of 10,000 rows and exports, scale data (bench:csv)',
    script: 'csv.bench.js',
    nodeFlags: [],
    args: [],
    resultFile: 'csv-latest.json',
  },
  {
    key: 'playbooks',
    title: 'playbooks: apply 5 × 20 and effectiveness, scale data (bench:playbooks)',
    script: 'playbooks.bench.js',
    nodeFlags: [],
    args: [],
    resultFile: 'playbooks-latest.json',
  },
  {
    key: 'forecast',
    title: 'forecast backtest and its cost in the drift scan, scale data (bench:forecast)',
    script: 'forecast.bench.js',
    nodeFlags: [],
    args: [],
    resultFile: 'forecast-latest.json',
  },
];

interface Row {
  part: string;
  figure: string;
  value: string;
  target: string;
  ratio: string;
  verdict: 'PASS' | 'MISS' | '' | 'FAILED';
}

const log = (line: string) => process.stdout.write(`${line}\n`);
const verdict = (ok: boolean): Row['verdict'] => (ok ? 'PASS' : 'MISS');

async function main(): Promise<void> {
  const started = performance.now();
  const wanted = (process.env.BENCH_PARTS ?? PARTS.map((p) => p.key).join(','))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = wanted.filter((k) => !PARTS.some((p) => p.key === k));
  if (unknown.length)
    throw new Error(`BENCH_PARTS: unknown part(s) ${unknown.join(', ')}; known: ${PARTS.map((p) => p.key).join(', ')}`);
  const root = repoRoot();
  const resultsDir = process.env.BENCH_RESULTS_DIR
    ? resolve(process.env.BENCH_RESULTS_DIR)
    : join(root, 'bench', 'results');
  const partsDir = join(resultsDir, 'parts');
  mkdirSync(partsDir, { recursive: true });

  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_RESULTS_DIR: partsDir };
  const configured = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  const target = configured
    ? null
    : await resolveDatabase(validateEnvironment({ ...process.env }), (line) => log(`[bench] ${line}`));
  if (target) {
    // The parts create their throw-away databases on this server, and copy its `throughline` database when seeded.
    env.BENCH_DATABASE_URL = target.url;
    env.BENCH_SCALE_DATABASE_URL ??= target.url;
  }
  const stopEmbedded = async () => target?.embedded?.stop().catch(() => undefined);
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void stopEmbedded().finally(() => process.exit(130)));

  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    totalMemoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
  log(
    `npm run bench — parts: ${wanted.join(', ')}; data size ${benchSize()}; ${machine.cpus} CPU (${machine.cpuModel}), ${machine.totalMemoryGb} GB, Node ${machine.node}; ` +
      `database: ${target ? 'embedded PostgreSQL (.data/postgres)' : 'the configured server'}; queues: ${process.env.BENCH_REDIS_URL ? 'Redis' : 'PostgreSQL'}; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );

  const rows: Row[] = [];
  const parts: Record<string, unknown> = {};
  let crashed = 0;
  try {
    for (const part of PARTS.filter((p) => wanted.includes(p.key))) {
      const file = join(partsDir, part.resultFile);
      rmSync(file, { force: true });
      log(`\n━━ ${part.title} ━━`);
      const t = performance.now();
      const code = await run(process.execPath, [...part.nodeFlags, join(__dirname, part.script), ...part.args], env);
      const seconds = Math.round(performance.now() - t) / 1000;
      const result = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : null;
      parts[part.key] = { exitCode: code, seconds, result };
      if (code !== 0 || !result) {
        crashed += 1;
        rows.push({
          part: part.key,
          figure: `${part.title}: exited ${code}${result ? '' : ', no results'}`,
          value: '',
          target: '',
          ratio: '',
          verdict: 'FAILED',
        });
        continue;
      }
      rows.push(...summarize(part.key, result));
    }
  } finally {
    await stopEmbedded();
  }

  printTable(rows);
  const file = join(resultsDir, 'latest.json');
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        benchmark: 'all',
        at: new Date().toISOString(),
        size: benchSize(),
        machine,
        loadAverageAtEnd: loadavg(),
        database: target ? 'embedded' : 'server',
        queues: process.env.BENCH_REDIS_URL ? 'redis' : 'postgres',
        totalSeconds: Math.round(performance.now() - started) / 1000,
        table: rows,
        parts,
      },
      null,
      2,
    )}\n`,
  );
  log(`\nfigures written to ${file} (each part's own file under ${partsDir})`);
  if (crashed) throw new Error(`${crashed} part(s) failed`);
}

/** The rows of one part's results file. */
function summarize(key: string, r: Record<string, any>): Row[] {
  const rows: Row[] = [];
  const add = (figure: string, value: string, target = '', ratio = '', v: Row['verdict'] = '') =>
    rows.push({ part: key, figure, value, target, ratio, verdict: v });
  if (key === 'api') {
    for (const s of r.scenarios as any[]) {
      for (const run of s.runs as any[]) {
        const at10 = run.connections === 10;
        const p95Ok = run.ours.p95Ms <= s.target.p95Ms && run.ours.non2xx === 0;
        const ratioOk = s.target.bareRatio == null || run.ratio >= s.target.bareRatio;
        const precomputedOk =
          s.target.precomputedRatio == null || (run.precomputedRatio ?? 0) >= s.target.precomputedRatio;
        add(
          `${s.name} @${run.connections}: req/s · p50/p95/p99 ms`,
          `${run.ours.requestsPerSecond} · ${run.ours.p50Ms}/${run.ours.p95Ms}/${run.ours.p99Ms}${run.ours.non2xx ? ` (${run.ours.non2xx} non-2xx)` : ''}`,
          at10
            ? `p95 ≤ ${s.target.p95Ms}${s.target.bareRatio == null ? '' : `, ≥ ${s.target.bareRatio} of bare`}${s.target.precomputedRatio == null ? '' : `, ≥ ${s.target.precomputedRatio} of precomputed`}`
            : '',
          `${run.ratio} (bare ${run.bare.requestsPerSecond} r/s, p95 ${run.bare.p95Ms})` +
            (run.precomputed
              ? `; ${run.precomputedRatio} of precomputed (${run.precomputed.requestsPerSecond} r/s, p95 ${run.precomputed.p95Ms})`
              : ''),
          at10 ? verdict(p95Ok && ratioOk && precomputedOk) : '',
        );
      }
    }
    for (const run of r.login.runs as any[]) {
      add(
        `POST /auth/login @${run.connections} (argon2id, apart): req/s · p50/p95/p99 ms`,
        `${run.requestsPerSecond} · ${run.p50Ms}/${run.p95Ms}/${run.p99Ms}`,
      );
    }
    add(
      'API peak RSS under the read/write load (VmHWM)',
      `${r.apiRss.peakMb} MB`,
      `≤ ${r.targets.peakRssMb} MB`,
      '',
      r.apiRss.verdict,
    );
    add('API peak RSS after the login runs', `${r.login.peakMbAfterLogin} MB`);
  } else if (key === 'explain') {
    const statements = r.statements as Array<{ executionMs: number; largeSeqScans: string[] }>;
    const flagged = statements.filter((s) => s.largeSeqScans.length).length;
    add('hot statements explained', String(statements.length));
    add(
      `sequential scans on tables ≥ ${Number(r.largeTableRows).toLocaleString('en-US')} rows`,
      String(flagged),
      'none',
      '',
      verdict(flagged === 0),
    );
  } else if (key === 'drift') {
    const first = r.scans[0];
    add('drift: large organization, cold scan (raises every alert)', `${first.scanSeconds} s`, '', '', '');
    if (r.fullScan) {
      add(
        `drift: full scan of the scale data (${r.fullScan.organizations} organizations, one worker)`,
        `${r.fullScan.totalSeconds} s`,
        `≤ ${r.targets.scanSeconds} s`,
        '',
        r.verdict.scan,
      );
    }
    if (r.scans[1]) add('drift: large organization, steady scan (refreshes only)', `${r.scans[1].scanSeconds} s`);
    add(
      'drift: peak RSS of the process running the worker',
      `${first.rssPeakMb} MB`,
      `< ${r.targets.peakRssMb} MB`,
      '',
      r.verdict.peakRss,
    );
  } else if (key === 'digest' || key === 'digest-own') {
    const label =
      key === 'digest'
        ? `digests, scale data (${r.recipients} recipients)`
        : `digests, ${Number(r.recipients).toLocaleString('en-US')} recipients`;
    add(
      `${label}: composed/s`,
      String(r.composedPerSecond),
      `≥ ${r.targets.composedPerSecond}`,
      '',
      r.verdict.composed,
    );
    add(
      `${label}: delivered/s (SMTP sink)`,
      String(r.deliveredPerSecond),
      `≥ ${r.targets.deliveredPerSecond}`,
      '',
      r.verdict.delivered,
    );
    add(`${label}: peak RSS, transactions per digest`, `${r.peakRssMb} MB, ${r.transactionsPerDigest}`);
  } else if (key === 'report') {
    add(
      'report snapshot, 12 priorities: p95',
      `${r.snapshotP95Ms} ms`,
      `≤ ${r.targets.p95Ms} ms`,
      '',
      r.verdict.snapshot,
    );
    add('report PDF, 12 priorities: p95', `${r.pdfP95Ms} ms`, `≤ ${r.targets.p95Ms} ms`, '', r.verdict.pdf);
    add('report PDF size', `${Math.round(r.pdfBytes / 1024)} KB`, '≤ 1024 KB', '', r.verdict.size);
  } else if (key === 'check-in-reminders') {
    add(
      `check-in reminders, ${Number(r.recipients).toLocaleString('en-US')} recipients: dispatched/s (links + outbox)`,
      String(r.remindersPerSecond),
    );
    add("check-in reminders: the period's due check-ins written", `${r.duesSeconds} s`);
  } else if (key === 'csv') {
    const rows = Number(r.rows).toLocaleString('en-US');
    for (const [label, run] of [
      ['dry run', r.imports.dryRun],
      ['commit', r.imports.commit],
    ] as const)
      add(
        `csv: import ${rows} rows, ${label} (API RSS peak)`,
        `${run.seconds} s, ${run.rowsPerSecond} rows/s (${run.peakRssMb} MB)`,
        `≤ ${r.targets.importSeconds} s`,
        '',
        r.verdict[label === 'dry run' ? 'dryRun' : 'commit'],
      );
    add(`csv: re-import of the same ${rows} rows (all unchanged)`, `${r.imports.reimport.seconds} s`);
    add(
      `csv: export the scale portfolio (${r.exports.portfolio.rows} engagements, account manager)`,
      `${r.exports.portfolio.rowsPerSecond} rows/s`,
    );
    add(
      `csv: export the firm's milestones (${r.exports.milestones.rows} rows)`,
      `${r.exports.milestones.rowsPerSecond} rows/s`,
    );
  } else if (key === 'playbooks') {
    add(
      'playbooks: apply 5 priorities × 20 milestones, p50/p95 ms',
      `${r.apply.p50Ms}/${r.apply.p95Ms}`,
      `p95 ≤ ${r.targets.applyP95Ms}`,
      '',
      r.verdict.apply,
    );
    add('playbooks: data statements per apply (fixed, whatever the milestones)', String(r.apply.statementsPerApply));
    add('playbooks: dry run of the same apply, p50/p95 ms', `${r.preview.p50Ms}/${r.preview.p95Ms}`);
    add(
      `playbooks: effectiveness of every version (${r.effectiveness.milestones} milestones), p50/p95 ms`,
      `${r.effectiveness.p50Ms}/${r.effectiveness.p95Ms}`,
      `p95 ≤ ${r.targets.effectivenessP95Ms}`,
      '',
      r.verdict.effectiveness,
    );
  } else if (key === 'forecast') {
    for (const b of r.backtests as any[]) {
      const name = `forecast, generator ${String(b.generator).split(' ')[0]} (${b.heldOut} held out of ${b.organizations} org.)`;
      add(`${name}: landed by P50`, `${(b.shareByP50 * 100).toFixed(1)}%`, '45–55%', '', b.verdict.p50);
      add(`${name}: landed by P80`, `${(b.shareByP80 * 100).toFixed(1)}%`, '75–85%', '', b.verdict.p80);
      add(
        `${name}: MAE of the P50 vs "lands on its due date"`,
        `${b.maeDays} d vs ${b.naiveMaeDays} d (${(b.maeReduction * 100).toFixed(1)}% lower)`,
        '≥ 30% lower',
        '',
        b.verdict.mae,
      );
    }
    add(
      `forecast: seconds added to the large organization's drift scan (${r.cost.forecasts} forecasts)`,
      `${r.cost.seconds} s`,
      `≤ ${r.targets.costSeconds} s`,
      '',
      r.cost.verdict,
    );
  }
  return rows;
}

function printTable(rows: Row[]): void {
  const headers: Row = {
    part: 'part',
    figure: 'figure',
    value: 'value',
    target: 'target',
    ratio: 'ours/bare',
    verdict: '',
  };
  const columns: Array<keyof Row> = ['part', 'figure', 'value', 'target', 'ratio', 'verdict'];
  const widths = columns.map((c) => Math.max(...[headers, ...rows].map((r) => String(r[c]).length)));
  const line = (r: Row) => `  ${columns.map((c, i) => String(r[c]).padEnd(widths[i])).join('  ')}`.trimEnd();
  log(`\n${line({ ...headers, verdict: 'PASS/MISS' } as unknown as Row)}`);
  log(`  ${widths.map((w) => '─'.repeat(w)).join('  ')}`);
  for (const r of rows) log(line(r));
  const misses = rows.filter((r) => r.verdict === 'MISS').length;
  const failed = rows.filter((r) => r.verdict === 'FAILED').length;
  log(
    `\n  ${rows.filter((r) => r.verdict === 'PASS').length} PASS, ${misses} MISS${failed ? `, ${failed} FAILED` : ''} (latencies in ms; the machine's load shows in the absolute figures, the ratio ours/bare is the stable one)`,
  );
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((ok) => {
    // Ctrl+C reaches the child through the process group: it cleans up its own database.
    const child = spawn(command, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code, signal) => ok(code ?? (signal ? 128 : 1)));
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`npm run bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);

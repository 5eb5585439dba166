import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import type { JobType } from 'bullmq';
import { Client } from 'pg';
import { DataSource, type EntityManager, type Logger as OrmLogger } from 'typeorm';
import { Db } from '@app/database';
import {
  AlertOutboxRepository,
  DriftAlertWriter,
  DriftFactsRepository,
  DriftScanService,
  NotificationJobs,
  type ScanResult,
} from '@app/domain';
import { migrateQueueSchema, selectQueueBackend } from '@app/queue';
import { closeBenchDatabase, openBenchDatabase, type BenchDatabase } from './scale/bench-database';
import { organizationId as organizationIdOf } from './scale/data-set';
import { startTestWorker, type TestWorker } from '../test/support/worker-harness';
import { resultsDir } from './paths';

/**
 * `npm run bench:drift` — one organization's full drift scan at scale (see bench/README.md).
 *
 * On a fresh, migrated database seeded with the `drift` data set of bench/scale (1,000 engagements, 5,000 priorities,
 * 1,000,000 milestones, 10% of them open and overdue; BENCH_SIZE=small: 50 engagements), runs the real DriftScanService inside the real worker module,
 * and reports throughput, scan time, peak RSS and where the time goes (each step of the scan, listed live)
 * against the targets. The figures are also written to bench/results/drift-latest.json. Exits 0 whether the
 * targets are met or not; 1 when the benchmark or the scan itself crashes (a failed scan is still reported).
 *
 * Environment: BENCH_DATABASE_URL | TEST_DATABASE_URL | DATABASE_URL (a server URL; only a fresh
 * throughline_test_* database is created there and dropped afterwards; embedded PostgreSQL when none),
 * BENCH_REDIS_URL (queue on Redis instead of BullMQ's PostgreSQL backend), BENCH_EXPLAIN=1 (EXPLAIN ANALYZE
 * the fact queries after the scans), BENCH_KEEP_DB=1 (keep the database for inspection), BENCH_SECOND_SCAN=0.
 *
 * `--scale` (or BENCH_DATA=scale, `npm run bench:drift:scale`): on a copy of the scale data set of issue 7 instead
 * (bench/scale/bench-database.ts: the `npm run seed:scale` database copied, else seeded fresh). Scan 1 is the large
 * organization, with every step; then every other organization is scanned in turn, and the full scan of the scale
 * data (all organizations, one after another, as one worker would) is held against issue 7's 5 s target.
 */

const SCALE_DATA = process.argv.includes('--scale') || process.env.BENCH_DATA === 'scale';
const TARGET_SCAN_SECONDS = SCALE_DATA ? 5 : 10;
const TARGET_PEAK_RSS_MB = 300;
const SAMPLE_EVERY_MS = 50;

const MB = 1024 * 1024;
const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;
const secs = (ms: number) => Math.round(ms) / 1000;
const perSecond = (count: number, ms: number) => (ms > 0 ? Math.round((count / ms) * 1000) : 0);

// ---------------------------------------------------------------------------------------------------------
// Measurement: RSS sampling and per-step timing of one scan (wrapping the live singletons, read-only).
// ---------------------------------------------------------------------------------------------------------

interface Span {
  name: string;
  start: number;
  end: number;
  rows?: number;
}

interface CapturedQuery {
  name: string;
  sql: string;
  params: unknown[];
}

class RssSampler {
  private timer: NodeJS.Timeout | null = null;
  samples: Array<{ t: number; rss: number }> = [];
  start(): void {
    this.samples = [];
    this.sample();
    this.timer = setInterval(() => this.sample(), SAMPLE_EVERY_MS);
    this.timer.unref();
  }
  sample(): void {
    this.samples.push({ t: performance.now(), rss: process.memoryUsage.rss() });
  }
  stop(): void {
    this.sample();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
  get peak(): { t: number; rss: number } {
    return this.samples.reduce((a, b) => (b.rss > a.rss ? b : a), { t: 0, rss: 0 });
  }
  /** The longest gap between two samples: how long the event loop was blocked at worst (≈ 50 ms when never). */
  get longestGapMs(): number {
    let gap = 0;
    for (let i = 1; i < this.samples.length; i++) gap = Math.max(gap, this.samples[i].t - this.samples[i - 1].t);
    return Math.round(gap);
  }
}

/** Wraps instance methods of the worker's singletons to time each step of a scan; no behaviour changes. */
class ScanProbe {
  spans: Span[] = [];
  /** Steps started and not finished yet (shown when a scan is interrupted). */
  running = new Set<Span>();
  queries = new Map<string, CapturedQuery>();
  /** Start of the current scan: steps are logged live, relative to it, as they finish. */
  t0 = 0;
  /** Not logging steps live (the many small organizations of the scale data). */
  quiet = false;

  constructor(worker: TestWorker) {
    const app = worker.app;
    const facts = app.get(DriftFactsRepository);
    for (const name of [
      'milestoneTotals',
      'openMilestones',
      'priorities',
      'engagements',
      'owners',
      'scoreFacts',
    ] as const) {
      this.wrap(facts, name, `facts.${name}`, { captureSql: true });
    }
    this.wrap(facts, 'fetchMilestones', 'facts.fetchMilestones');
    for (const name of ['begin', 'openAlerts', 'raise', 'escalate', 'refresh', 'resolve', 'markSeen']) {
      this.wrap(app.get(DriftAlertWriter), name, `tx.${name}`, { timeQueries: true });
    }
    const scan = app.get(DriftScanService);
    this.wrap(scan, 'snapshot', 'tx.snapshot', { timeQueries: true });
    this.wrap(app.get(AlertOutboxRepository), 'writeForScan', 'tx.outbox.write', { timeQueries: true });
    this.wrap(app.get(Db), 'transaction', 'transaction');
    this.wrap(app.get(NotificationJobs), 'deliver', 'enqueue deliveries', { rowsFromArg: 0 });
  }

  reset(t0: number): void {
    this.spans = [];
    this.running.clear();
    this.t0 = t0;
  }

  private begin(name: string): Span {
    const span: Span = { name, start: performance.now(), end: 0 };
    this.running.add(span);
    return span;
  }

  private finish(span: Span): void {
    span.end = performance.now();
    this.running.delete(span);
    this.spans.push(span);
    if (this.quiet) return;
    const rows = span.rows !== undefined ? `  (${fmt(span.rows)} rows)` : '';
    log(
      `    … ${String(Math.round(span.end - this.t0)).padStart(7)} ms  ${span.name} took ${fmt(Math.round(span.end - span.start))} ms${rows}  [rss ${mb(process.memoryUsage.rss())} MB, heap ${mb(process.memoryUsage().heapUsed)} MB]`,
    );
  }

  /**
   * captureSql: remember the statement (for BENCH_EXPLAIN); timeQueries: also time each statement the step
   * runs, so the time a step spends in Node between its statements shows as a gap.
   */
  private wrap(
    target: object,
    method: string,
    label: string,
    options: { captureSql?: boolean; timeQueries?: boolean; rowsFromArg?: number } = {},
  ): void {
    const holder = target as Record<string, unknown>;
    const original = holder[method];
    if (typeof original !== 'function') {
      log(`  (probe: ${label} not found, not timed)`);
      return;
    }
    const probe = this;
    holder[method] = async function (this: unknown, ...args: unknown[]) {
      if (options.captureSql || options.timeQueries) {
        // The step gets its own EntityManager back with only query() observed, whatever else it calls.
        const manager = args[0] as EntityManager;
        const query = async (sql: string, params: unknown[] = []) => {
          if (options.captureSql) probe.queries.set(`${label} ${summarize(sql)}`, { name: label, sql, params });
          if (!options.timeQueries) return manager.query(sql, params);
          const sub = probe.begin(`${label} › ${summarize(sql)}`);
          try {
            const result: unknown = await manager.query(sql, params);
            sub.rows = rowCount(sql, result);
            return result;
          } finally {
            probe.finish(sub);
          }
        };
        args[0] = new Proxy(manager, {
          get: (target, property) => {
            if (property === 'query') return query;
            const value: unknown = Reflect.get(target, property, target);
            return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
          },
        });
      }
      const span = probe.begin(label);
      try {
        const result = await (original as (...a: unknown[]) => Promise<unknown>).apply(this, args);
        if (Array.isArray(result)) span.rows = result.length;
        if (typeof result === 'number') span.rows = result;
        if (options.rowsFromArg !== undefined && Array.isArray(args[options.rowsFromArg]))
          span.rows = (args[options.rowsFromArg] as unknown[]).length;
        return result;
      } finally {
        probe.finish(span);
      }
    };
  }
}

/** Rows a statement returned or touched: TypeORM answers an UPDATE/DELETE with [rows, affected]. */
function rowCount(sql: string, result: unknown): number | undefined {
  if (!Array.isArray(result)) return undefined;
  if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[1];
  return /\bRETURNING\b|^\s*(WITH|SELECT)\b/i.test(sql) ? result.length : undefined;
}

/** "INSERT INTO outbox", "UPDATE drift_alerts", "WITH a AS (…)", "SELECT … FROM drift_alerts": enough to tell statements apart. */
function summarize(sql: string): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  const dml = /^(INSERT INTO \w+|UPDATE \w+|DELETE FROM \w+)/i.exec(flat);
  if (dml) return dml[1];
  const from = /\bFROM (\w+)/i.exec(flat);
  return `${flat.slice(0, 12)}… FROM ${from ? from[1] : '?'}`;
}

interface ScanFigures {
  label: string;
  scanMs: number;
  /** Set when the scan threw: the figures below are then partial (steps up to the failure). */
  error: string | null;
  result: ScanResult;
  alertsWritten: number;
  alertsRefreshed: number;
  outboxRowsWritten: number;
  milestonesPerSecond: number;
  evaluatedPerSecond: number;
  alertsPerSecond: number;
  rssBaselineMb: number;
  rssPeakMb: number;
  rssPeakDuring: string;
  longestEventLoopBlockMs: number;
  heapUsedAfterMb: number;
  maxRssHighWaterMb: number;
  phases: Array<{ step: string; startMs: number; ms: number; rows?: number }>;
}

async function runScan(
  label: string,
  worker: TestWorker,
  probe: ScanProbe,
  client: Client,
  organizationId: string,
  now: Date,
  milestonesInDb: number,
): Promise<ScanFigures> {
  worker.setNow(now);
  const outboxBefore = await count(client, `SELECT count(*) FROM outbox`);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const baseline = process.memoryUsage.rss();
  const highWaterBefore = process.resourceUsage().maxRSS * 1024;
  const sampler = new RssSampler();
  log(`\n${label}: scanning… (steps are listed as they finish)`);
  sampler.start();
  const t0 = performance.now();
  probe.reset(t0);
  let result: ScanResult = {
    organizationId,
    milestonesEvaluated: 0,
    detections: 0,
    raised: 0,
    escalated: 0,
    resolved: 0,
    notifications: 0,
  };
  let error: string | null = null;
  try {
    result = await worker.app.get(DriftScanService).scanOrganization(organizationId);
  } catch (e: unknown) {
    error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    // What the scan had loaded before it failed (its result never came back).
    result.milestonesEvaluated = probe.spans
      .filter((s) => s.name === 'facts.fetchMilestones')
      .reduce((sum, s) => sum + (s.rows ?? 0), 0);
  }
  const scanMs = performance.now() - t0;
  sampler.stop();
  const highWaterAfter = process.resourceUsage().maxRSS * 1024;
  // ru_maxrss is the process's true high-water mark: it catches a peak the 50 ms sampler missed while the
  // event loop was blocked (e.g. in JSON.stringify), provided it rose during this scan.
  const peak = sampler.peak;
  const peakRss = highWaterAfter > highWaterBefore ? Math.max(peak.rss, highWaterAfter) : peak.rss;
  // The step running at the peak sample (a sample lands up to one interval after a step that blocked the loop).
  const during = probe.spans
    .filter((s) => s.start <= peak.t && peak.t <= s.end + SAMPLE_EVERY_MS)
    .sort((a, b) => a.end - a.start - (b.end - b.start))[0];

  const outboxAfter = await count(client, `SELECT count(*) FROM outbox`);
  const refreshed = await count(
    client,
    `SELECT count(*) FROM drift_alerts WHERE organization_id = $1 AND status <> 'resolved' AND last_seen_at = $2 AND first_seen_at < $2`,
    [organizationId, now.toISOString()],
  );
  const alertsWritten = result.raised + result.escalated + result.resolved;
  return {
    label,
    scanMs,
    error,
    result,
    alertsWritten,
    alertsRefreshed: refreshed,
    outboxRowsWritten: outboxAfter - outboxBefore,
    milestonesPerSecond: error ? 0 : perSecond(milestonesInDb, scanMs),
    evaluatedPerSecond: error ? 0 : perSecond(result.milestonesEvaluated, scanMs),
    alertsPerSecond: perSecond(alertsWritten, scanMs),
    rssBaselineMb: mb(baseline),
    rssPeakMb: mb(peakRss),
    rssPeakDuring:
      (peak.t === sampler.samples[0]?.t
        ? 'the start (no growth above the baseline)'
        : during
          ? during.name
          : 'in-memory work between steps (rules, planning)') +
      (peakRss !== peak.rss
        ? ` (the peak itself from ru_maxrss, ${fmt(Math.round(mb(peakRss - peak.rss)))} MB above the highest sample)`
        : ''),
    longestEventLoopBlockMs: sampler.longestGapMs,
    heapUsedAfterMb: mb(process.memoryUsage().heapUsed),
    maxRssHighWaterMb: mb(highWaterAfter),
    phases: probe.spans
      .sort((a, b) => a.start - b.start)
      .map((s) => ({
        step: s.name,
        startMs: Math.round(s.start - t0),
        ms: Math.round(s.end - s.start),
        ...(s.rows !== undefined ? { rows: s.rows } : {}),
      })),
  };
}

interface FullScanFigures {
  organizations: number;
  largeMs: number;
  othersMs: number;
  totalMs: number;
  slowestOtherMs: number;
  alertsWritten: number;
  notifications: number;
  failed: string[];
}

/**
 * Scale data: after the large organization's scan 1, every other organization once, one after another (the same
 * clock), so the full scan of the data set is the sum — what one worker does with the scheduled scan's jobs.
 */
async function scanTheOthers(
  worker: TestWorker,
  probe: ScanProbe,
  largeId: string,
  first: ScanFigures,
): Promise<FullScanFigures> {
  const scan = worker.app.get(DriftScanService);
  const others = (await scan.organizationIds()).filter((id) => id !== largeId);
  log(`\nscanning the other ${others.length} organizations one after another…`);
  probe.quiet = true;
  const figures: FullScanFigures = {
    organizations: others.length + 1,
    largeMs: first.scanMs,
    othersMs: 0,
    totalMs: 0,
    slowestOtherMs: 0,
    alertsWritten: first.alertsWritten,
    notifications: first.result.notifications,
    failed: [],
  };
  try {
    for (const id of others) {
      const t = performance.now();
      try {
        const result = await scan.scanOrganization(id);
        figures.alertsWritten += result.raised + result.escalated + result.resolved;
        figures.notifications += result.notifications;
      } catch (error) {
        figures.failed.push(`${id}: ${error instanceof Error ? error.message : String(error)}`);
      }
      const ms = performance.now() - t;
      figures.othersMs += ms;
      figures.slowestOtherMs = Math.max(figures.slowestOtherMs, ms);
    }
  } finally {
    probe.quiet = false;
  }
  figures.totalMs = figures.largeMs + figures.othersMs;
  table([
    [
      'organizations scanned',
      fmt(figures.organizations),
      figures.failed.length ? `(${figures.failed.length} FAILED: ${clip(figures.failed.join('; '))})` : undefined,
    ],
    ['large organization', `${secs(figures.largeMs).toFixed(2)} s`],
    [
      `the other ${others.length}`,
      `${secs(figures.othersMs).toFixed(2)} s`,
      `(slowest ${fmt(Math.round(figures.slowestOtherMs))} ms)`,
    ],
    [
      'full scan of the scale data',
      `${secs(figures.totalMs).toFixed(2)} s`,
      `target ≤ ${TARGET_SCAN_SECONDS} s: ${verdict(figures.totalMs / 1000 <= TARGET_SCAN_SECONDS && !figures.failed.length)}`,
    ],
    [
      'alerts written (all organizations)',
      fmt(figures.alertsWritten),
      `(deliveries enqueued: ${fmt(figures.notifications)})`,
    ],
  ]);
  return figures;
}

// ---------------------------------------------------------------------------------------------------------
// Reporting
// ---------------------------------------------------------------------------------------------------------

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function count(client: Client, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await client.query(sql, params);
  return Number(Object.values(rows[0] as Record<string, unknown>)[0]);
}

function table(rows: Array<[string, string | number, string?]>): void {
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => String(r[1]).length));
  for (const [k, v, note] of rows) log(`  ${k.padEnd(w0)}  ${String(v).padStart(w1)}${note ? `  ${note}` : ''}`);
}

const fmt = (n: number) => n.toLocaleString('en-US');
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const clip = (text: string, max = 400) =>
  text.length > max ? `${text.slice(0, max)}… (${fmt(text.length)} chars)` : text;

/** TypeORM logs a failed query with all its parameters: at this scale that is hundreds of MB on stdout. */
function clippingLogger(original: OrmLogger): OrmLogger {
  const describe = (parameters: unknown) =>
    Array.isArray(parameters)
      ? parameters.map((p) => (typeof p === 'string' ? clip(p, 120) : clip(String(JSON.stringify(p)), 120))).join(', ')
      : '';
  return Object.assign(Object.create(original) as OrmLogger, {
    logQueryError: (error: string | Error, query: string, parameters?: unknown) =>
      log(
        `  [typeorm] query failed: ${error instanceof Error ? error.message : error}\n    ${clip(query.replace(/\s+/g, ' '), 300)}\n    parameters: ${describe(parameters)}`,
      ),
  });
}

function printScan(s: ScanFigures, milestonesInDb: number, withTargets: boolean): void {
  log(`\n${s.label}${s.error ? ' — FAILED' : ''}`);
  if (s.error)
    log(
      `  error: ${clip(s.error)} (the transaction rolled back: nothing was written; steps below are up to the failure)`,
    );
  const failed = s.error ? 'n/a (failed)' : null;
  table([
    ['milestones in DB', fmt(milestonesInDb)],
    [
      'milestones evaluated',
      fmt(s.result.milestonesEvaluated),
      `(open and overdue / slipping / re-planned, loaded by the scan${s.error ? ' before it failed' : ''})`,
    ],
    ['milestones/s (in DB / scan time)', failed ?? fmt(s.milestonesPerSecond)],
    ['milestones/s (evaluated)', failed ?? fmt(s.evaluatedPerSecond)],
    ['detections', fmt(s.result.detections)],
    [
      'alerts written',
      fmt(s.alertsWritten),
      `(raised ${fmt(s.result.raised)}, escalated ${fmt(s.result.escalated)}, resolved ${fmt(s.result.resolved)})`,
    ],
    ['alerts refreshed', fmt(s.alertsRefreshed)],
    ['alerts/s', fmt(s.alertsPerSecond)],
    ['outbox rows', fmt(s.outboxRowsWritten), `(deliveries enqueued: ${fmt(s.result.notifications)})`],
    [
      'scan time',
      `${secs(s.scanMs).toFixed(2)} s`,
      withTargets && !SCALE_DATA
        ? `target < ${TARGET_SCAN_SECONDS} s: ${verdict(s.scanMs / 1000 < TARGET_SCAN_SECONDS)}`
        : undefined,
    ],
    ['RSS before scan', `${s.rssBaselineMb} MB`],
    [
      'peak RSS',
      `${s.rssPeakMb} MB`,
      `${withTargets ? `target < ${TARGET_PEAK_RSS_MB} MB: ${verdict(s.rssPeakMb < TARGET_PEAK_RSS_MB)}; ` : ''}peak during ${s.rssPeakDuring}`,
    ],
    ['longest event-loop block', `${fmt(s.longestEventLoopBlockMs)} ms`, '(largest gap between 50 ms RSS samples)'],
  ]);
  log('  steps (start in ms from the scan start, duration in ms; "›" is one statement of a step):');
  for (const p of s.phases)
    log(
      `    ${String(p.startMs).padStart(7)} ms  ${String(p.ms).padStart(7)} ms  ${p.step}${p.rows !== undefined ? `  (${fmt(p.rows)} rows)` : ''}`,
    );
  const factsEnd = Math.max(0, ...s.phases.filter((p) => p.step.startsWith('facts.')).map((p) => p.startMs + p.ms));
  const next = s.phases
    .filter((p) => p.step.startsWith('tx.') && p.startMs >= factsEnd)
    .sort((a, b) => a.startMs - b.startMs)[0];
  if (factsEnd && next)
    log(
      `    rules + planning in memory ≈ ${fmt(next.startMs - factsEnd)} ms (from the last fact query to ${next.step})`,
    );
}

async function explainFacts(
  client: Client,
  queries: CapturedQuery[],
): Promise<Array<{ query: string; executionMs: number; plan: string }>> {
  const out: Array<{ query: string; executionMs: number; plan: string }> = [];
  log('\nEXPLAIN (ANALYZE, BUFFERS) of the fact queries, one at a time:');
  // In one transaction, like the scan, so its temporary tables exist for the queries that read them
  // (EXPLAIN ANALYZE of CREATE TABLE … AS creates the table; an index on it is built, not explained).
  await client.query('BEGIN');
  for (const q of queries) {
    if (/^\s*CREATE\s+(UNIQUE\s+)?INDEX\b/i.test(q.sql)) {
      await client.query(q.sql, q.params);
      continue;
    }
    // A cursor's query is explained on its own (EXPLAIN does not take DECLARE).
    const sql = q.sql.replace(/^\s*DECLARE\s+\w+\s+NO SCROLL CURSOR FOR\s+/i, '');
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, q.params);
    const plan = rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
    const executionMs = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN);
    out.push({ query: q.name, executionMs, plan });
    log(`  ${q.name.padEnd(20)} ${executionMs.toFixed(0).padStart(7)} ms`);
  }
  await client.query('ROLLBACK');
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  let db: BenchDatabase | null = null;
  let worker: TestWorker | null = null;
  let client: Client | null = null;
  let probe: ScanProbe | null = null;
  let cleaning: Promise<void> | null = null;

  const cleanup = () =>
    (cleaning ??= (async () => {
      const withTimeout = (p: Promise<unknown>, ms: number) =>
        Promise.race([p, new Promise((r) => setTimeout(r, ms).unref())]);
      if (worker)
        await withTimeout(
          worker.close().catch(() => undefined),
          15_000,
        );
      if (client)
        await withTimeout(
          client.end().catch(() => undefined),
          5_000,
        );
      if (db) {
        if (process.env.BENCH_KEEP_DB === '1')
          log(`\nkept database ${db.name}: ${db.url}${db.embedded ? ' (embedded server stops now)' : ''}`);
        if (process.env.BENCH_KEEP_DB !== '1' || db.embedded)
          await closeBenchDatabase(db).catch((e: unknown) => log(`could not drop ${db?.name}: ${String(e)}`));
      }
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`\n${signal}: cleaning up…`);
      for (const s of probe?.running ?? [])
        log(`  interrupted during ${s.name} (running for ${secs(performance.now() - s.start).toFixed(1)} s)`);
      void cleanup().finally(() => process.exit(130));
    });
  }

  try {
    const started = performance.now();
    log(
      `drift scan benchmark — ${cpus().length} CPU, ${Math.round(totalmem() / MB / 1024)} GB RAM, Node ${process.version}`,
    );
    // Time is pinned at noon UTC today for the seed and both scans: the figures do not depend on the hour.
    const today = new Date().toISOString().slice(0, 10);
    const now = new Date(`${today}T12:00:00.000Z`);
    const bench: BenchDatabase = await openBenchDatabase(SCALE_DATA ? 'scale' : 'drift', log, { now });
    db = bench;
    const organizationId = organizationIdOf(bench.set, bench.set.groups[0].tag);
    const seedFigures =
      bench.source.kind === 'copy'
        ? { copiedFrom: bench.source.of, seconds: secs(bench.source.ms) }
        : {
            seconds: secs(bench.source.seed.ms),
            steps: bench.source.seed.steps,
            vacuumAnalyzeSeconds: secs(bench.source.seed.vacuumMs),
          };
    log(`database ${db.name}: the ${bench.set.key} data set (bench/scale), organization ${organizationId}`);
    client = new Client({ connectionString: db.url, application_name: 'throughline-bench' });
    await client.connect();
    const pgVersion = String((await client.query(`SHOW server_version`)).rows[0].server_version);

    const dataset = {
      engagements: await count(client, `SELECT count(*) FROM engagements WHERE organization_id = $1`, [organizationId]),
      priorities: await count(client, `SELECT count(*) FROM priorities WHERE organization_id = $1`, [organizationId]),
      milestones: await count(client, `SELECT count(*) FROM milestones WHERE organization_id = $1`, [organizationId]),
      openOverdueMilestones: await count(
        client,
        `SELECT count(*) FROM milestones WHERE organization_id = $1 AND status IN ('planned','in_progress') AND due_date < $2::date`,
        [organizationId, today],
      ),
      milestoneDueDateChanges: await count(
        client,
        `SELECT count(*) FROM milestone_due_date_changes WHERE organization_id = $1`,
        [organizationId],
      ),
      checkIns: await count(client, `SELECT count(*) FROM check_ins WHERE organization_id = $1`, [organizationId]),
      owners: await count(client, `SELECT count(*) FROM owners WHERE organization_id = $1`, [organizationId]),
      databaseSizeMb: mb(await count(client, `SELECT pg_database_size(current_database())`)),
      ...(SCALE_DATA
        ? {
            organizations: await count(client, `SELECT count(*) FROM organizations`),
            milestonesAllOrganizations: await count(client, `SELECT count(*) FROM milestones`),
          }
        : {}),
    };
    log(`dataset: ${JSON.stringify(dataset)}`);

    // The real worker module in this process, on its own queue namespace (schema or Redis prefix).
    const tag = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const redisUrl = process.env.BENCH_REDIS_URL || undefined;
    const isolation = { prefix: `bench-${tag}`, schema: `bullmq_bench_${tag}` };
    if (!redisUrl) await migrateQueueSchema(db.url, isolation.schema);
    const queue = selectQueueBackend({
      redisUrl,
      databaseUrl: db.url,
      prefix: isolation.prefix,
      poolSize: 2,
      schema: isolation.schema,
    });
    worker = await startTestWorker({ databaseUrl: db.url, queue });
    const dataSource = worker.app.get(DataSource);
    dataSource.logger = clippingLogger(dataSource.logger);
    // Deliveries are enqueued by the scan but not processed here: the notifications queue is paused so
    // the in-process delivery worker does not compete with the scan for the two cores.
    await worker.notificationsQueue.pause();
    probe = new ScanProbe(worker);

    const first = await runScan(
      `scan 1 (cold: raises every alert${SCALE_DATA ? '; the large organization' : ''})`,
      worker,
      probe,
      client,
      organizationId,
      now,
      dataset.milestones,
    );
    printScan(first, dataset.milestones, true);
    const full = SCALE_DATA && !first.error ? await scanTheOthers(worker, probe, organizationId, first) : null;

    let second: ScanFigures | null = null;
    if (process.env.BENCH_SECOND_SCAN !== '0' && !first.error) {
      second = await runScan(
        `scan 2 (steady state: refreshes, nothing new${SCALE_DATA ? '; the large organization' : ''})`,
        worker,
        probe,
        client,
        organizationId,
        new Date(now.getTime() + 60_000),
        dataset.milestones,
      );
      printScan(second, dataset.milestones, false);
    }

    const alertsByRule: Array<{ rule: string; open: string }> = (
      await client.query(
        `SELECT rule, count(*)::text AS open FROM drift_alerts WHERE organization_id = $1 AND status <> 'resolved' GROUP BY rule ORDER BY 2::int DESC`,
        [organizationId],
      )
    ).rows;
    log(`\nopen alerts by rule: ${alertsByRule.map((r) => `${r.rule} ${fmt(Number(r.open))}`).join(', ')}`);
    // A paused queue reports its waiting jobs as "paused".
    const jobCounts = await worker.notificationsQueue.getJobCounts(
      ...(['paused', 'waiting', 'prioritized', 'delayed', 'active', 'completed', 'failed'] as JobType[]),
    );
    log(`notification jobs in the (paused) queue: ${fmt(Object.values(jobCounts).reduce((a, b) => a + b, 0))}`);

    const explain = process.env.BENCH_EXPLAIN === '1' ? await explainFacts(client, [...probe.queries.values()]) : null;

    const heldMs = full ? full.totalMs : first.scanMs;
    const scanOk = !first.error && heldMs / 1000 <= TARGET_SCAN_SECONDS && !full?.failed.length;
    const rssOk = first.rssPeakMb < TARGET_PEAK_RSS_MB;
    log(
      `\nverdict: ${full ? `full scan of the scale data (${full.organizations} organizations)` : 'scan'} ${first.error ? 'FAILED after ' : ''}${secs(heldMs).toFixed(2)} s (target ${SCALE_DATA ? '≤' : '<'} ${TARGET_SCAN_SECONDS} s) ${verdict(scanOk)}; peak RSS ${first.rssPeakMb} MB (target < ${TARGET_PEAK_RSS_MB} MB) ${verdict(rssOk)}`,
    );

    const dir = resultsDir();
    mkdirSync(dir, { recursive: true });
    const file = join(dir, SCALE_DATA ? 'drift-scale-latest.json' : 'drift-latest.json');
    writeFileSync(
      file,
      `${JSON.stringify(
        {
          benchmark: SCALE_DATA ? 'drift-scan-scale' : 'drift-scan',
          data: SCALE_DATA ? 'scale' : 'own',
          at: new Date().toISOString(),
          machine: {
            cpus: cpus().length,
            cpuModel: cpus()[0]?.model,
            totalMemoryMb: mb(totalmem()),
            node: process.version,
            postgres: pgVersion,
          },
          database: db.embedded ? 'embedded' : 'server',
          queueBackend: queue.kind,
          targets: { scanSeconds: TARGET_SCAN_SECONDS, peakRssMb: TARGET_PEAK_RSS_MB },
          verdict: { scan: verdict(scanOk), peakRss: verdict(rssOk) },
          dataset,
          seed: seedFigures,
          ...(full ? { fullScan: { ...full, totalSeconds: secs(full.totalMs) } } : {}),
          scanSecondsHeldToTarget: secs(heldMs),
          scans: [first, second]
            .filter((s): s is ScanFigures => s !== null)
            .map((s) => ({ ...s, scanSeconds: secs(s.scanMs) })),
          alertsByRule: Object.fromEntries(alertsByRule.map((r) => [r.rule, Number(r.open)])),
          notificationJobs: jobCounts,
          ...(explain ? { explain } : {}),
          totalSeconds: secs(performance.now() - started),
        },
        null,
        2,
      )}\n`,
    );
    log(`figures written to ${file}`);
    if (first.error) throw new Error(`the scan failed: ${clip(first.error)}`);
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `drift benchmark crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);

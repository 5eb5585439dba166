import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Queue, type Job, type JobType } from 'bullmq';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { JobName, QueueName, selectQueueBackend, type QueueConnectionConfig } from '@app/queue';
import { WORKER_NODE_FLAGS } from '@app/platform';
import { runLoad, type LoadFigures } from './api/load';
import { closeBenchDatabase, openBenchDatabase, type BenchDatabase } from './scale/bench-database';
import { BENCH_PASSWORD, emailOf, organizationId } from './scale/data-set';
import { repoRoot, resultsDir } from './paths';

/**
 * `npm run scale-out` (issue 7, item 4): 2 API processes and 3 worker processes — the built entry points, started
 * with their normal environment exactly as in production (workers with WORKER_NODE_FLAGS) — against one PostgreSQL
 * database and one Redis, on this machine. Shows that
 *   - the job schedulers (drift scan, digest dispatcher) fire once per period, however many workers upsert them;
 *   - every drift alert and every digest exists exactly once (DB checks), and every outbox row reached the SMTP sink
 *     exactly once (Message-ID = outbox id);
 *   - what grows with workers: the first scheduled round (scan of all 101 organizations, compose of the digests) is
 *     timed with 1 worker on one copy of the data, then with 3 on another;
 * and drives load through both APIs meanwhile (autocannon). Prints a summary, writes bench/results/scale-out.json;
 * exits 1 on any duplicate, missing digest or failed job, 0 otherwise.
 *
 * Data: a copy of the scale data set (bench/scale/bench-database.ts: the `npm run seed:scale` database when found,
 * else seeded fresh) on BENCH_DATABASE_URL | TEST_DATABASE_URL | DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres;
 * every organization's digest slot is set to the current hour, so every user is due. Queues: Redis from
 * BENCH_REDIS_URL | REDIS_URL | TEST_REDIS_URL (else redis://127.0.0.1:6379) under a prefix of this run's own, whose
 * keys are deleted at the end (never FLUSHALL); SCALE_OUT_QUEUES=postgres uses BullMQ's PostgreSQL backend instead.
 * SCALE_OUT_PERIODS (default 3) scheduler periods of 1 minute are observed; SCALE_OUT_LOAD_SECONDS (default 20).
 */

const APIS = 2;
const WORKERS = 3;
const PERIOD_MINUTES = 1;
const PERIOD_MS = PERIOD_MINUTES * 60_000;
const PERIODS = Number(process.env.SCALE_OUT_PERIODS ?? 3);
const LOAD_SECONDS = Number(process.env.SCALE_OUT_LOAD_SECONDS ?? 20);
const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
const DEFAULT_REDIS = 'redis://127.0.0.1:6379';

const log = (line: string) => process.stdout.write(`${line}\n`);
const secs = (ms: number) => (Math.round(ms) / 1000).toFixed(2);

interface Deployment {
  db: BenchDatabase;
  prefix: string;
  queue: QueueConnectionConfig;
  children: Array<{ name: string; process: ChildProcess }>;
  apiUrls: string[];
  startedAt: number;
}

interface Round {
  organizationsScanned: number;
  scanWallMs: number;
  digestsComposed: number;
  composeWallMs: number;
}

interface Sink {
  url: string;
  received: () => number;
  byMessageId: Map<string, number>;
  close: () => Promise<void>;
}

async function main(): Promise<void> {
  if (!process.env.BENCH_DATABASE_URL && !process.env.TEST_DATABASE_URL && !process.env.DATABASE_URL)
    process.env.BENCH_DATABASE_URL = DEFAULT_SERVER;
  const usePostgresQueues = process.env.SCALE_OUT_QUEUES === 'postgres';
  const redisUrl = usePostgresQueues
    ? undefined
    : process.env.BENCH_REDIS_URL || process.env.REDIS_URL || process.env.TEST_REDIS_URL || DEFAULT_REDIS;
  const tag = `${process.pid}-${randomBytes(3).toString('hex')}`;
  const jwtSecret = randomBytes(32).toString('hex');
  const sink = await startSink();
  const deployments: Deployment[] = [];
  const cleanup = async () => {
    for (const d of deployments) await teardown(d, redisUrl).catch((e: unknown) => log(`cleanup: ${String(e)}`));
    await sink.close().catch(() => undefined);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void cleanup().finally(() => process.exit(130)));

  const problems: string[] = [];
  try {
    log(
      `scale-out — ${cpus().length} CPU, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(
          ' ',
        )}; queues on ${redisUrl ? `Redis (${redact(redisUrl)}, prefix throughline-so-${tag}-*)` : 'PostgreSQL (BullMQ backend)'}`,
    );

    // 1 worker first, on a copy of its own: the baseline of the first scheduled round.
    log('\n━━ baseline: 1 worker, no API ━━');
    const single = await deploy({ workers: 1, apis: 0, tag: `${tag}-1`, redisUrl, jwtSecret, sink });
    deployments.push(single);
    const baseline = await firstRound(single);
    log(
      `  first round with 1 worker: scan of ${baseline.organizationsScanned} organizations ${secs(baseline.scanWallMs)} s, ${baseline.digestsComposed} digests composed in ${secs(baseline.composeWallMs)} s`,
    );
    await teardown(single, redisUrl);
    deployments.splice(deployments.indexOf(single), 1);
    sink.reset();

    log(
      `\n━━ scale-out: ${APIS} APIs, ${WORKERS} workers, one PostgreSQL database, one ${redisUrl ? 'Redis' : 'queue schema'} ━━`,
    );
    const cluster = await deploy({ workers: WORKERS, apis: APIS, tag: `${tag}-3`, redisUrl, jwtSecret, sink });
    deployments.push(cluster);
    const scaled = await firstRound(cluster);
    log(
      `  first round with ${WORKERS} workers: scan of ${scaled.organizationsScanned} organizations ${secs(scaled.scanWallMs)} s, ${scaled.digestsComposed} digests composed in ${secs(scaled.composeWallMs)} s`,
    );

    // Load through both APIs at once: reads and writes on each.
    const load = await loadBothApis(cluster);
    for (const l of load)
      log(
        `  ${l.api} ${l.name}: ${l.figures.requestsPerSecond} req/s, p95 ${l.figures.p95Ms} ms, ${l.figures.non2xx} non-2xx, ${l.figures.errors} errors`,
      );
    for (const l of load)
      if (l.figures.non2xx || l.figures.errors)
        problems.push(`${l.api} ${l.name}: ${l.figures.non2xx} non-2xx, ${l.figures.errors} errors`);

    const until = cluster.startedAt + (PERIODS + 0.25) * PERIOD_MS;
    if (Date.now() < until)
      log(
        `\n  observing the schedulers until ${PERIODS} periods of ${PERIOD_MINUTES} min have passed (${Math.ceil((until - Date.now()) / 1000)} s)…`,
      );
    while (Date.now() < until) await sleep(1000);
    await settle(cluster);

    const checks = await verify(cluster, sink);
    problems.push(...checks.problems);
    const summary = {
      at: new Date().toISOString(),
      layout: {
        apis: APIS,
        workers: WORKERS,
        queues: redisUrl ? 'redis' : 'postgres',
        periodMinutes: PERIOD_MINUTES,
        periodsObserved: PERIODS,
      },
      machine: { cpus: cpus().length, loadAverage: loadavg() },
      firstRound: { oneWorker: baseline, threeWorkers: scaled },
      load: load.map((l) => ({ api: l.api, scenario: l.name, ...l.figures })),
      checks: checks.figures,
      problems,
    };
    printSummary(summary);
    const file = join(resultsDir(), 'scale-out.json');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
    log(`\nfigures written to ${file}`);
  } finally {
    await cleanup();
  }
  if (problems.length) {
    log(`\nFAILED: ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  log('\nOK: every scheduler fired once per period; every alert, digest and email exists exactly once.');
}

async function deploy(options: {
  workers: number;
  apis: number;
  tag: string;
  redisUrl?: string;
  jwtSecret: string;
  sink: Sink;
}): Promise<Deployment> {
  const db = await openBenchDatabase('scale', (line) => log(`  ${line}`));
  const prefix = `throughline-so-${options.tag}`;
  // Every organization's digest slot is this hour of today, in its own timezone: every user is due now.
  await withClient(db.url, (c) =>
    c.query(`UPDATE organizations SET settings = settings || jsonb_build_object(
      'digestWeekday', extract(isodow FROM now() AT TIME ZONE timezone)::int, 'digestHour', extract(hour FROM now() AT TIME ZONE timezone)::int)`),
  );
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: db.url,
    // Required by the API and the worker; no emailed link is followed in the benchmark.
    PUBLIC_URL: 'http://localhost:3000',
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    QUEUE_PREFIX: prefix,
    JWT_SECRET: options.jwtSecret,
    SMTP_URL: options.sink.url,
    MAIL_MAX_PER_SECOND: '1000',
    DRIFT_SCAN_EVERY_MINUTES: String(PERIOD_MINUTES),
    DIGEST_DISPATCH_EVERY_MINUTES: String(PERIOD_MINUTES),
    WORKER_HEALTH_PORT: '0',
    HOST: '127.0.0.1',
  };
  const deployment: Deployment = {
    db,
    prefix,
    children: [],
    apiUrls: [],
    startedAt: 0,
    queue: selectQueueBackend({ redisUrl: options.redisUrl, databaseUrl: db.url, prefix, poolSize: 2 }),
  };
  const root = repoRoot();
  for (let i = 1; i <= options.apis; i++) {
    const port = await freePort();
    const child = spawn(process.execPath, [resolve(root, 'dist/apps/api/src/main.js')], {
      env: { ...env, PORT: String(port) },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    deployment.children.push({ name: `api-${i}`, process: child });
    deployment.apiUrls.push(`http://127.0.0.1:${port}`);
  }
  await Promise.all(
    deployment.apiUrls.map((url, i) => waitForHealth(`${url}/api/health`, deployment.children[i].process)),
  );
  // The queues are paused until every worker is up: the first scheduled round then starts on all of them at once,
  // instead of on the first one while the others still boot (which would time Nest's start-up, not the work).
  const queues = [QueueName.Drift, QueueName.Digests, QueueName.Notifications].map((name) => queueOf(deployment, name));
  await Promise.all(queues.map((q) => q.pause()));
  const health: Array<Promise<void>> = [];
  for (let i = 1; i <= options.workers; i++) {
    const port = await freePort();
    const child = spawn(process.execPath, [...WORKER_NODE_FLAGS, resolve(root, 'dist/apps/worker/src/main.js')], {
      env: { ...env, WORKER_HEALTH_PORT: String(port) },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    deployment.children.push({ name: `worker-${i}`, process: child });
    health.push(waitForHealth(`http://127.0.0.1:${port}/health`, child));
  }
  await Promise.all(health);
  await Promise.all(queues.map((q) => q.resume()));
  await Promise.all(queues.map((q) => q.close()));
  deployment.startedAt = Date.now();
  log(
    `  started ${options.apis} API (${deployment.apiUrls.join(', ') || 'none'}) and ${options.workers} worker process(es) on ${db.name}; queues resumed once every worker was healthy`,
  );
  return deployment;
}

/** Waits for the first scheduled round: every organization scanned once, every due user's digest composed. */
async function firstRound(d: Deployment): Promise<Round> {
  const organizations = Number(
    (await withClient(d.db.url, (c) => c.query(`SELECT count(*) FROM organizations`))).rows[0].count,
  );
  const due = await eligibleRecipients(d.db.url);
  const drift = queueOf(d, QueueName.Drift);
  const digests = queueOf(d, QueueName.Digests);
  try {
    const deadline = Date.now() + 5 * 60_000;
    for (;;) {
      // The first fan-out only (its job ids end with the minute it was scheduled in).
      const all = await jobs(drift, JobName.ScanOrganization, ['completed']);
      const first = Math.min(...all.map(slotOf));
      const scans = all.filter((j) => slotOf(j) === first);
      const composeJobs = [
        ...(await jobs(digests, JobName.DigestCompose, ['completed'])),
        ...(await jobs(digests, JobName.DigestComposeBatch, ['completed'])),
      ];
      const composed = Number(
        (await withClient(d.db.url, (c) => c.query(`SELECT count(*) FROM digests`))).rows[0].count,
      );
      if (scans.length >= organizations && composed >= due) {
        // Compose jobs may be batches of recipients: the wall time is from the first one taken to the last finished.
        return {
          organizationsScanned: scans.length,
          scanWallMs: wall(scans),
          digestsComposed: composed,
          composeWallMs: wall(composeJobs),
        };
      }
      for (const c of d.children)
        if (c.process.exitCode !== null) throw new Error(`${c.name} exited with ${c.process.exitCode}`);
      if (Date.now() > deadline)
        throw new Error(
          `first round not done after 5 min: ${scans.length}/${organizations} scans, ${composed}/${due} digests`,
        );
      await sleep(500);
    }
  } finally {
    await drift.close();
    await digests.close();
  }
}

function slotOf(job: Job): number {
  return Number(/-scheduled-(\d+)$/.exec(job.id ?? '')?.[1] ?? Infinity);
}

/** From the first job taken to the last one finished. */
function wall(list: Job[]): number {
  const start = Math.min(...list.map((j) => j.processedOn ?? Infinity));
  const end = Math.max(...list.map((j) => j.finishedOn ?? 0));
  return end - start;
}

async function loadBothApis(d: Deployment): Promise<Array<{ api: string; name: string; figures: LoadFigures }>> {
  const tokens = await Promise.all(d.apiUrls.map((url, i) => login(url, emailOf(d.db.set, 'large', 'am', i + 1))));
  const ids = (sql: string) =>
    withClient(d.db.url, async (c) =>
      (await c.query(sql, [organizationId(d.db.set, 'large')])).rows.map((r: { id: string }) => r.id),
    );
  const engagements = await ids(
    `SELECT id FROM engagements WHERE organization_id = $1 AND status = 'active' ORDER BY id LIMIT 300`,
  );
  const priorities = await ids(
    `SELECT id FROM priorities WHERE organization_id = $1 AND status = 'active' ORDER BY id LIMIT 300`,
  );
  log(
    `\n  load: ${LOAD_SECONDS} s through both APIs at once (each: GET summary with 5 connections, POST check-in with 3)…`,
  );
  const runs = d.apiUrls.flatMap((url, i) => {
    const headers = { authorization: `Bearer ${tokens[i]}` };
    return [
      {
        api: `api-${i + 1}`,
        name: 'GET /engagements/:id/summary',
        run: runLoad({
          baseUrl: url,
          method: 'GET',
          headers,
          connections: 5,
          seconds: LOAD_SECONDS,
          paths: engagements.map((id) => `/api/v1/engagements/${id}/summary`),
        }),
      },
      {
        api: `api-${i + 1}`,
        name: 'POST /priorities/:id/check-ins',
        run: runLoad({
          baseUrl: url,
          method: 'POST',
          headers,
          connections: 3,
          seconds: LOAD_SECONDS,
          paths: priorities.map((id) => `/api/v1/priorities/${id}/check-ins`),
          body: JSON.stringify({ rag: 'on_track', confidence: 7, note: 'Scale-out check-in', blockers: null }),
        }),
      },
    ];
  });
  const figures = await Promise.all(runs.map((r) => r.run));
  return runs.map((r, i) => ({ api: r.api, name: r.name, figures: figures[i] }));
}

/** Waits (up to 2 min) until no outbox row is pending and no job is waiting or running. */
async function settle(d: Deployment): Promise<void> {
  const queues = [queueOf(d, QueueName.Drift), queueOf(d, QueueName.Digests), queueOf(d, QueueName.Notifications)];
  try {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      const pending = Number(
        (await withClient(d.db.url, (c) => c.query(`SELECT count(*) FROM outbox WHERE status = 'pending'`))).rows[0]
          .count,
      );
      let busy = 0;
      for (const q of queues) {
        const counts = await q.getJobCounts('waiting', 'active', 'prioritized');
        busy += counts.waiting + counts.active + counts.prioritized;
      }
      if (!pending && !busy) return;
      await sleep(1000);
    }
    log('  (still busy after 2 min: checking anyway)');
  } finally {
    await Promise.all(queues.map((q) => q.close()));
  }
}

interface Verification {
  problems: string[];
  figures: Record<string, unknown>;
}

async function verify(d: Deployment, sink: Sink): Promise<Verification> {
  const problems: string[] = [];
  const drift = queueOf(d, QueueName.Drift);
  const digests = queueOf(d, QueueName.Digests);
  const notifications = queueOf(d, QueueName.Notifications);
  try {
    const all: JobType[] = ['completed', 'failed', 'active', 'waiting', 'delayed', 'prioritized'];
    // Scheduler firings: one job per period, whichever worker took it.
    const firings = async (queue: Queue, name: string) => {
      const list = (await jobs(queue, name, all)).filter((j) => (j.processedOn ?? 0) > 0);
      const perPeriod = new Map<number, Job[]>();
      for (const j of list) {
        const at = Number(/:(\d+)$/.exec(j.id ?? '')?.[1] ?? j.timestamp);
        const period = Math.floor(at / PERIOD_MS);
        perPeriod.set(period, [...(perPeriod.get(period) ?? []), j]);
      }
      return {
        total: list.length,
        periods: perPeriod.size,
        maxPerPeriod: Math.max(0, ...[...perPeriod.values()].map((l) => l.length)),
      };
    };
    const scanFirings = await firings(drift, JobName.ScanAll);
    const digestFirings = await firings(digests, JobName.DigestDispatchAll);
    for (const [label, f] of [
      ['drift scan scheduler', scanFirings],
      ['digest dispatcher', digestFirings],
    ] as const) {
      if (f.maxPerPeriod > 1) problems.push(`${label} fired ${f.maxPerPeriod} times in one period`);
      if (f.periods < PERIODS) problems.push(`${label} fired in ${f.periods} periods, expected at least ${PERIODS}`);
    }
    // One scan per organization per scheduled fan-out.
    const scans = await jobs(drift, JobName.ScanOrganization, all);
    const scansPerKey = countBy(scans.map((j) => j.id ?? ''));
    const duplicateScans = Object.values(scansPerKey).filter((n) => n > 1).length;
    const failedJobs = [
      ...(await drift.getJobs(['failed'], 0, -1)),
      ...(await digests.getJobs(['failed'], 0, -1)),
      ...(await notifications.getJobs(['failed'], 0, -1)),
    ];
    if (duplicateScans) problems.push(`${duplicateScans} organization scans ran twice in one fan-out`);
    if (failedJobs.length)
      problems.push(
        `${failedJobs.length} failed jobs: ${failedJobs
          .slice(0, 3)
          .map((j) => `${j.name} ${j.failedReason}`)
          .join('; ')}`,
      );

    const db = await withClient(d.db.url, async (c) => {
      const one = async (sql: string) =>
        Number(Object.values((await c.query(sql)).rows[0] as Record<string, unknown>)[0]);
      return {
        openAlerts: await one(`SELECT count(*) FROM drift_alerts WHERE status <> 'resolved'`),
        duplicateOpenAlerts: await one(
          `SELECT count(*) FROM (SELECT 1 FROM drift_alerts WHERE status <> 'resolved' GROUP BY organization_id, rule, subject_type, subject_id HAVING count(*) > 1) x`,
        ),
        alertEvents: await one(`SELECT count(*) FROM outbox WHERE event <> 'digest.weekly'`),
        digests: await one(`SELECT count(*) FROM digests WHERE NOT forced`),
        digestsComposed: await one(`SELECT count(*) FROM digests WHERE NOT forced AND status <> 'skipped'`),
        duplicateDigests: await one(
          `SELECT count(*) FROM (SELECT 1 FROM digests WHERE NOT forced GROUP BY user_id, iso_week HAVING count(*) > 1) x`,
        ),
        outboxEmails: await one(`SELECT count(*) FROM outbox WHERE channel = 'email'`),
        outboxEmailsSent: await one(`SELECT count(*) FROM outbox WHERE channel = 'email' AND status = 'sent'`),
        outboxNotSent: await one(`SELECT count(*) FROM outbox WHERE channel = 'email' AND status <> 'sent'`),
      };
    });
    const eligible = await eligibleRecipients(d.db.url);
    if (db.duplicateOpenAlerts) problems.push(`${db.duplicateOpenAlerts} drift alerts exist twice`);
    if (db.duplicateDigests) problems.push(`${db.duplicateDigests} users have two digests for one week`);
    if (db.digests !== eligible)
      problems.push(`${db.digests} digests for ${eligible} eligible users (expected exactly one each)`);
    const distinctMessages = sink.byMessageId.size;
    const duplicateEmails = [...sink.byMessageId.values()].filter((n) => n > 1).length;
    if (duplicateEmails) problems.push(`${duplicateEmails} emails reached the SMTP sink more than once`);
    if (distinctMessages !== db.outboxEmailsSent)
      problems.push(
        `SMTP sink has ${distinctMessages} distinct messages, the outbox ${db.outboxEmailsSent} sent emails`,
      );
    if (db.outboxNotSent) problems.push(`${db.outboxNotSent} email outbox rows not sent`);
    return {
      problems,
      figures: {
        scanFirings,
        digestFirings,
        organizationScans: scans.length,
        duplicateScans,
        failedJobs: failedJobs.length,
        ...db,
        eligibleRecipients: eligible,
        smtpMessages: sink.received(),
        smtpDistinctMessageIds: distinctMessages,
        duplicateEmails,
      },
    };
  } finally {
    await Promise.all([drift.close(), digests.close(), notifications.close()]);
  }
}

function printSummary(s: {
  firstRound: { oneWorker: Round; threeWorkers: Round };
  load: Array<{ api: string; scenario: string } & LoadFigures>;
  checks: Record<string, any>;
  problems: string[];
}): void {
  const c = s.checks;
  const rows: Array<[string, string, string]> = [
    [
      'first round, scan of all organizations (wall)',
      `1 worker ${secs(s.firstRound.oneWorker.scanWallMs)} s`,
      `${WORKERS} workers ${secs(s.firstRound.threeWorkers.scanWallMs)} s (×${(s.firstRound.oneWorker.scanWallMs / s.firstRound.threeWorkers.scanWallMs).toFixed(2)})`,
    ],
    [
      'first round, digests composed (wall)',
      `1 worker ${secs(s.firstRound.oneWorker.composeWallMs)} s`,
      `${WORKERS} workers ${secs(s.firstRound.threeWorkers.composeWallMs)} s (×${(s.firstRound.oneWorker.composeWallMs / s.firstRound.threeWorkers.composeWallMs).toFixed(2)})`,
    ],
    [
      'drift scan scheduler firings',
      `${c.scanFirings.total} in ${c.scanFirings.periods} periods`,
      `max ${c.scanFirings.maxPerPeriod} per period`,
    ],
    [
      'digest dispatcher firings',
      `${c.digestFirings.total} in ${c.digestFirings.periods} periods`,
      `max ${c.digestFirings.maxPerPeriod} per period`,
    ],
    [
      'organization scans (all fan-outs)',
      String(c.organizationScans),
      `${c.duplicateScans} duplicated, ${c.failedJobs} failed jobs`,
    ],
    ['open drift alerts', String(c.openAlerts), `${c.duplicateOpenAlerts} duplicated`],
    [
      'digests this week',
      `${c.digests} for ${c.eligibleRecipients} users`,
      `${c.digestsComposed} with an email, ${c.duplicateDigests} duplicated`,
    ],
    [
      'emails: outbox sent vs SMTP sink',
      `${c.outboxEmailsSent} vs ${c.smtpDistinctMessageIds}`,
      `${c.smtpMessages} received, ${c.duplicateEmails} Message-IDs twice, ${c.outboxNotSent} not sent`,
    ],
  ];
  for (const l of s.load)
    rows.push([
      `load ${l.api} ${l.scenario}`,
      `${l.requestsPerSecond} req/s`,
      `p95 ${l.p95Ms} ms, ${l.non2xx} non-2xx`,
    ]);
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  log('\nsummary');
  for (const [a, b, c2] of rows) log(`  ${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c2}`);
}

/** Users who get a digest this week: enabled, not opted out (the dispatcher's own rule, digest-recipients.repository.ts). */
async function eligibleRecipients(url: string): Promise<number> {
  return withClient(url, async (c) =>
    Number(
      (
        await c.query(
          `SELECT count(*) FROM users u JOIN organizations o ON o.id = u.organization_id LEFT JOIN digest_preferences dp ON dp.user_id = u.id
      WHERE u.disabled_at IS NULL AND NOT COALESCE(dp.opted_out, NOT COALESCE((o.settings->>'digestsEnabled')::boolean, true))`,
        )
      ).rows[0].count,
    ),
  );
}

function queueOf(d: Deployment, name: string): Queue {
  return new Queue(name, { connection: d.queue.connection as never, prefix: d.queue.prefix });
}

async function jobs(queue: Queue, name: string, types: JobType[]): Promise<Job[]> {
  return (await queue.getJobs(types, 0, -1)).filter((j) => j && j.name === name);
}

async function teardown(d: Deployment, redisUrl: string | undefined): Promise<void> {
  await Promise.all(d.children.map((c) => stop(c.process)));
  d.children = [];
  await closeBenchDatabase(d.db).catch((e: unknown) => log(`could not drop ${d.db.name}: ${String(e)}`));
  if (redisUrl) {
    // Only this run's keys (its own prefix): the Redis server is shared.
    const redis = new IORedis(redisUrl, { maxRetriesPerRequest: null });
    try {
      let cursor = '0';
      let deleted = 0;
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${d.prefix}:*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length) deleted += await redis.del(...keys);
      } while (cursor !== '0');
      log(`  removed ${deleted} Redis keys under ${d.prefix}:*`);
    } finally {
      redis.disconnect();
    }
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((ok) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(timer);
      ok();
    });
    child.kill('SIGTERM');
  });
}

/** A local SMTP server counting messages by Message-ID (the outbox id), reading only the headers. */
async function startSink(): Promise<Sink & { reset: () => void }> {
  let received = 0;
  const byMessageId = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 500,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 16_384 && !head.includes('\r\n\r\n')) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        received += 1;
        const id = /^message-id:\s*(\S+)/im.exec(head)?.[1] ?? `(none ${received})`;
        byMessageId.set(id, (byMessageId.get(id) ?? 0) + 1);
        callback();
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received: () => received,
    byMessageId,
    reset: () => {
      received = 0;
      byMessageId.clear();
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}

async function login(apiUrl: string, email: string): Promise<string> {
  const response = await fetch(`${apiUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  const body = (await response.json()) as { accessToken?: string };
  if (!response.ok || !body.accessToken) throw new Error(`login as ${email}: ${response.status}`);
  return body.accessToken;
}

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'throughline-scale-out' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`a process exited with ${child.exitCode} before ${url} was healthy`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${url} not healthy within 60 s`);
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => ok(port));
    });
  });
}

function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const redact = (url: string) => url.replace(/\/\/[^@]*@/, '//***@');

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `scale-out failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);

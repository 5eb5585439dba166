import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { DateTime } from 'luxon';
import { DigestDispatchService } from '@app/domain';
import { JobName, migrateQueueSchema, selectQueueBackend } from '@app/queue';
import { startTestWorker, type TestWorker } from '../test/support/worker-harness';
import { closeBenchDatabase, openBenchDatabase, type BenchDatabase } from './scale/bench-database';
import { usersPerOrganization } from './scale/data-set';
import { resultsDir } from './paths';

/**
 * `npm run bench:digest` — one organization's weekly digests at scale: the `digest` data set of bench/scale, 10,000
 * recipients across 200 engagements (BENCH_SIZE=small: 320 recipients across 20; BENCH_VIEWERS sets the viewers),
 * composed by the real worker module (dispatcher → one compose job per recipient → outbox → delivery job) and
 * delivered over SMTP to a local sink. Prints digests composed per second, delivered per second and peak RSS
 * against the targets (≥ 200 composed/s, ≥ 100 delivered/s). Exits 0 whether or not the targets are met.
 *
 * Environment: BENCH_DATABASE_URL | TEST_DATABASE_URL | DATABASE_URL (a server; only a fresh throughline_test_*
 * database is created there and dropped afterwards; embedded PostgreSQL when none), BENCH_REDIS_URL (queues on
 * Redis), BENCH_MAIL_PER_SECOND (SMTP send rate, default 1000), BENCH_DIGEST_CONCURRENCY (default 8),
 * BENCH_DELIVERY_CONCURRENCY (default 8).
 *
 * `--scale` (or BENCH_DATA=scale, `npm run bench:digest:scale`): on a copy of the scale data set of issue 7 instead
 * (bench/scale/bench-database.ts): every user of its 101 organizations whose Monday slot has come (the clock is pinned
 * at Monday 16:00 UTC of this week, after the slot in every timezone the seed uses). Figures go to
 * bench/results/digest-latest.json (digest-scale-latest.json with --scale).
 */

const SCALE_DATA = process.argv.includes('--scale') || process.env.BENCH_DATA === 'scale';

const TARGET_COMPOSED_PER_SECOND = 200;
const TARGET_DELIVERED_PER_SECOND = 100;
const MB = 1024 * 1024;
const log = (line: string) => process.stdout.write(`${line}\n`);
const mb = (bytes: number) => Math.round(bytes / MB);

interface Sink {
  url: string;
  received: () => number;
  close: () => Promise<void>;
}

/** A local SMTP server that accepts and counts (no parsing: the sink must not be what is measured). */
async function startCountingSink(): Promise<Sink> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 500,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received += 1;
        callback();
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received: () => received,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

async function main(): Promise<void> {
  const mailPerSecond = Number(process.env.BENCH_MAIL_PER_SECOND ?? 1000);
  const digestConcurrency = Number(process.env.BENCH_DIGEST_CONCURRENCY ?? 8);
  const deliveryConcurrency = Number(process.env.BENCH_DELIVERY_CONCURRENCY ?? 8);
  let db: BenchDatabase | null = null;
  let worker: TestWorker | null = null;
  let client: Client | null = null;
  let sink: Sink | null = null;
  let cleaning: Promise<void> | null = null;
  const cleanup = () =>
    (cleaning ??= (async () => {
      if (worker) await worker.close().catch(() => undefined);
      if (sink) await sink.close().catch(() => undefined);
      if (client) await client.end().catch(() => undefined);
      if (db) await closeBenchDatabase(db).catch((e: unknown) => log(`could not drop ${db?.name}: ${String(e)}`));
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void cleanup().finally(() => process.exit(130)));

  try {
    log(
      `digest benchmark — ${cpus().length} CPU, ${Math.round(totalmem() / MB / 1024)} GB RAM, Node ${process.version}`,
    );
    // Monday of this ISO week, 08:05 UTC: every recipient (all in UTC, default Monday 08:00) is due.
    // The scale data also has Paris and New York organizations: 16:00 UTC is after their Monday 08:00 too.
    const monday = DateTime.utc().startOf('week');
    const now = monday.plus(SCALE_DATA ? { hours: 16 } : { hours: 8, minutes: 5 }).toJSDate();
    db = await openBenchDatabase(SCALE_DATA ? 'scale' : 'digest', log, { now });
    client = new Client({ connectionString: db.url, application_name: 'throughline-bench' });
    await client.connect();
    // Every user of the digest data set is due; of the scale data set, whoever's Monday slot has come.
    const expected = SCALE_DATA
      ? null
      : db.set.groups.reduce((sum, g) => sum + g.count * usersPerOrganization(g.shape), 0);

    sink = await startCountingSink();
    const tag = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const redisUrl = process.env.BENCH_REDIS_URL || undefined;
    const isolation = { prefix: `bench-${tag}`, schema: `bullmq_bench_${tag}` };
    if (!redisUrl) await migrateQueueSchema(db.url, isolation.schema);
    const queue = selectQueueBackend({
      redisUrl,
      databaseUrl: db.url,
      prefix: isolation.prefix,
      poolSize: 4,
      schema: isolation.schema,
    });
    worker = await startTestWorker({
      databaseUrl: db.url,
      queue,
      smtpUrl: sink.url,
      maxMessagesPerSecond: mailPerSecond,
      digestConcurrency,
      deliveryConcurrency,
      notificationAttempts: 3,
    });
    worker.setNow(now);
    // Who is due, by the dispatcher's own query (the same the DigestDispatchOrganization jobs run).
    const dispatch = worker.app.get(DigestDispatchService);
    let recipients = 0;
    for (const organizationId of await dispatch.organizationIds())
      recipients += (await dispatch.dueRequests(organizationId, 'count')).length;
    if (expected !== null && recipients !== expected)
      throw new Error(`expected ${expected} due recipients, the dispatcher finds ${recipients}`);
    log(`due recipients: ${recipients.toLocaleString('en')}`);
    log(
      `worker: queues on ${redisUrl ? 'Redis' : 'PostgreSQL'}, digest concurrency ${digestConcurrency}, delivery concurrency ${deliveryConcurrency}, SMTP rate ≤ ${mailPerSecond}/s`,
    );

    global.gc?.();
    const baselineRss = process.memoryUsage().rss;
    let peakRss = baselineRss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 50);
    const transactions = async () =>
      Number(
        (
          await client!.query(
            `SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()`,
          )
        ).rows[0].n,
      );
    const transactionsBefore = await transactions();
    const started = performance.now();
    await worker.digestsQueue.add(JobName.DigestDispatchAll, {});
    let composedAt = 0;
    let deliveredAt = 0;
    let last = { composed: 0, sent: 0 };
    let toDeliver = Infinity;
    let lastLog = started;
    while (!deliveredAt) {
      await new Promise((r) => setTimeout(r, 250));
      const row = (
        await client.query(
          `SELECT (SELECT count(*)::int FROM digests) AS composed,
                (SELECT count(*)::int FROM digests WHERE status <> 'skipped') AS with_email,
                (SELECT count(*)::int FROM outbox WHERE event = 'digest.weekly' AND status = 'sent') AS sent,
                (SELECT count(*)::int FROM outbox WHERE event = 'digest.weekly' AND status = 'failed') AS failed`,
        )
      ).rows[0] as { composed: number; with_email: number; sent: number; failed: number };
      const elapsed = performance.now() - started;
      if (!composedAt && row.composed >= recipients) {
        composedAt = elapsed;
        toDeliver = row.with_email;
      }
      if (composedAt && row.sent + row.failed >= toDeliver) deliveredAt = elapsed;
      if (performance.now() - lastLog >= 5000) {
        log(
          `  ${(elapsed / 1000).toFixed(0).padStart(4)} s: composed ${row.composed}, delivered ${row.sent}${row.failed ? `, failed ${row.failed}` : ''}, RSS ${mb(process.memoryUsage().rss)} MB`,
        );
        lastLog = performance.now();
      }
      if (elapsed > 30 * 60_000) throw new Error(`not finished after 30 min: ${JSON.stringify(row)}`);
      last = row;
    }
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const stats = (
      await client.query(
        `SELECT count(*) FILTER (WHERE d.status = 'skipped')::int AS skipped, avg(octet_length(o.payload->>'html'))::int AS avg_html,
              max(octet_length(o.payload->>'html'))::int AS max_html
         FROM digests d LEFT JOIN outbox o ON o.id = d.outbox_id`,
      )
    ).rows[0];
    const composedPerSecond = Math.round(recipients / (composedAt / 1000));
    const deliveredPerSecond = Math.round(last.sent / (deliveredAt / 1000));
    const pass = (ok: boolean) => (ok ? 'PASS' : 'MISS');
    log('');
    log(
      `recipients            ${recipients.toLocaleString('en')} (${stats.skipped} skipped as empty)${SCALE_DATA ? ' — the scale data set' : ''}`,
    );
    log(
      `composed              ${recipients.toLocaleString('en')} in ${(composedAt / 1000).toFixed(1)} s → ${composedPerSecond} digests composed/s  [target ≥ ${TARGET_COMPOSED_PER_SECOND}: ${pass(composedPerSecond >= TARGET_COMPOSED_PER_SECOND)}]`,
    );
    log(
      `delivered             ${last.sent.toLocaleString('en')} in ${(deliveredAt / 1000).toFixed(1)} s → ${deliveredPerSecond} delivered/s  [target ≥ ${TARGET_DELIVERED_PER_SECOND}: ${pass(deliveredPerSecond >= TARGET_DELIVERED_PER_SECOND)}]`,
    );
    log(`SMTP sink received    ${sink.received().toLocaleString('en')} messages`);
    log(
      `HTML size             ${Math.round(stats.avg_html / 1024)} KB average, ${Math.round(stats.max_html / 1024)} KB largest`,
    );
    const transactionCount = (await transactions()) - transactionsBefore;
    log(
      `database transactions ${Math.round(transactionCount).toLocaleString('en')} (≈ ${(transactionCount / recipients).toFixed(1)} per digest, queue included when it is on PostgreSQL)`,
    );
    log(
      `peak RSS              ${mb(peakRss)} MB (baseline ${mb(baselineRss)} MB; ru_maxrss ${mb(process.resourceUsage().maxRSS * 1024)} MB)`,
    );
    const file = join(resultsDir(), SCALE_DATA ? 'digest-scale-latest.json' : 'digest-latest.json');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(
      file,
      `${JSON.stringify(
        {
          benchmark: SCALE_DATA ? 'digest-scale' : 'digest',
          at: new Date().toISOString(),
          data: SCALE_DATA ? 'scale' : 'own',
          machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version },
          queueBackend: redisUrl ? 'redis' : 'postgres',
          recipients,
          skipped: stats.skipped,
          composeSeconds: Math.round(composedAt) / 1000,
          composedPerSecond,
          delivered: last.sent,
          deliverSeconds: Math.round(deliveredAt) / 1000,
          deliveredPerSecond,
          smtpReceived: sink.received(),
          transactionsPerDigest: Math.round((transactionCount / recipients) * 10) / 10,
          peakRssMb: mb(peakRss),
          targets: { composedPerSecond: TARGET_COMPOSED_PER_SECOND, deliveredPerSecond: TARGET_DELIVERED_PER_SECOND },
          verdict: {
            composed: pass(composedPerSecond >= TARGET_COMPOSED_PER_SECOND),
            delivered: pass(deliveredPerSecond >= TARGET_DELIVERED_PER_SECOND),
          },
        },
        null,
        2,
      )}\n`,
    );
    log(`figures written to ${file}`);
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`digest benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);

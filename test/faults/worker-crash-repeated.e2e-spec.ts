import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { join } from 'node:path';
import { DriftScanService } from '@app/domain';
import { JobId, JobName, QueueName } from '@app/queue';
import { eventually, expectStatus, type Tenant, type TestApi, type TestDatabase } from '@test/support';
import { startFaultStage, stopFaultStage, type FaultStage } from './fault-stage';
import type { SlowSmtpSink } from './slow-smtp-sink';
import { assertNoUnexpectedExit, crash, spawnWorkerProcess, type WorkerProcess } from './worker-process';

/**
 * The same notification in the worker's hands at three crashes in a row (a mail server that hangs on one
 * recipient, a worker killed each time by its supervisor). BullMQ gives up on a job that stalled more than
 * maxStalledCount (2) times; the notification must still go out — through the scheduled scan's
 * "re-enqueue pending deliveries" — or at least not stay pending forever without anyone noticing.
 */

const isoDate = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a notification whose worker crashes three times in a row', () => {
  let stage: FaultStage | undefined;
  let api: TestApi;
  let database: TestDatabase | undefined;
  let sink: SlowSmtpSink;
  let tenant: Tenant;
  let queueEnv: { prefix: string; schema: string };
  let logDir: string;
  const workers: WorkerProcess[] = [];
  const title = `Held milestone ${Math.random().toString(36).slice(2, 8)}`;
  let heldEmail: string;

  const notifications = () => api.app.get<Queue>(getQueueToken(QueueName.Notifications));
  const drift = () => api.app.get<Queue>(getQueueToken(QueueName.Drift));
  const spawnWorker = () => {
    const worker = spawnWorkerProcess(workers.length, {
      databaseUrl: database!.url,
      queuePrefix: queueEnv.prefix,
      queueSchema: queueEnv.schema,
      smtpUrl: sink.url,
      mailDir: join(logDir, 'mail'),
      logDir,
      mailMaxPerSecond: 25,
    });
    workers.push(worker);
    return worker;
  };
  const heldReceptions = () => sink.receptions.filter((r) => r.to === heldEmail && r.subject.includes(title));

  beforeAll(async () => {
    stage = await startFaultStage({
      logPrefix: 'throughline-faults-repeated-',
      replyDelayMs: 0,
      tenantName: 'Repeated crash',
    });
    ({ api, database, sink, queueEnv, logDir, tenant } = stage);
    expectStatus(
      await tenant.manager.patch(`/clients/${tenant.a.clientId}`, { accountManagerId: tenant.users.manager }),
      200,
    );
    heldEmail = `held-owner-${tenant.a.clientId.slice(0, 8)}@example.com`;
    const owner = await tenant.manager.post('/owners', {
      clientId: tenant.a.clientId,
      name: 'Held Owner',
      title: 'COO',
      email: heldEmail,
    });
    expectStatus(owner, 201);
    const priority = await tenant.manager.post(`/engagements/${tenant.a.engagementId}/priorities`, {
      title: 'Held priority',
      ownerId: owner.body.id,
      startDate: isoDate(-30),
      targetDate: isoDate(60),
    });
    expectStatus(priority, 201);
    expectStatus(
      await tenant.manager.post(`/priorities/${priority.body.id}/milestones`, { title, dueDate: isoDate(-3) }),
      201,
    );
    await drift().add(
      JobName.ScanOrganization,
      { organizationId: tenant.organizationId },
      { jobId: JobId.scanOrganization(tenant.organizationId, 'fault-test') },
    );
    // The owner's emails get no answer to RCPT TO from the mail server: the sending job holds them, before a byte
    // of the message went out (a sender killed after the final "." hands the message over: never sent again).
    sink.setRcptHold((to) => to === heldEmail);
  }, 60_000);

  afterAll(async () => {
    await stopFaultStage(stage, workers);
  });

  it('is still delivered after BullMQ gives up on its stalled job', async () => {
    const started = Date.now();
    const crashes: Array<{ at: number; afterSpawnMs: number }> = [];
    for (let i = 0; i < 3; i++) {
      const worker = spawnWorker();
      // The first worker scans and sends at once; the next ones get the job back once its lock expired (10-20 s) and
      // send once the killed sender's lease on the row has run out (30 s after its claim).
      await eventually(
        async () => {
          assertNoUnexpectedExit(workers);
          return sink.rcptAttempts.some((r) => r.to === heldEmail && r.connectedAt >= worker.spawnedAt);
        },
        60_000,
        50,
      );
      await sleep(300);
      crashes.push({ at: Date.now(), afterSpawnMs: Date.now() - worker.spawnedAt });
      await crash(worker);
    }
    const [row]: Array<{ id: string; created_at: Date }> = await api.dataSource.query(
      `SELECT o.id, o.created_at FROM outbox o JOIN drift_alerts a ON a.id = o.alert_id
        WHERE o.organization_id = $1 AND lower(o.recipient_email) = $2 AND a.rule = 'milestone_overdue'`,
      [tenant.organizationId, heldEmail],
    );
    expect(row).toBeDefined();

    // The mail server answers again; a fresh worker runs from now on.
    sink.setRcptHold(null);
    spawnWorker();
    const job = () => notifications().getJob(JobId.delivery(row.id));
    // Either the job is retried and the row sent, or BullMQ fails it for stalling too often.
    const outcome = await eventually(
      async () => {
        assertNoUnexpectedExit(workers);
        const [{ status }]: Array<{ status: string }> = await api.dataSource.query(
          `SELECT status FROM outbox WHERE id = $1`,
          [row.id],
        );
        if (status === 'sent') return { status, jobState: 'n/a', failedReason: undefined };
        const j = await job();
        const state = j ? await j.getState() : 'missing';
        return state === 'failed' ? { status, jobState: state, failedReason: j?.failedReason } : null;
      },
      45_000,
      250,
    );
    process.stdout.write(
      `\n[worker-crash-repeated] after 3 crashes: ${JSON.stringify({ crashes, outcome, elapsedMs: Date.now() - started })}\n`,
    );

    if (outcome.status !== 'sent') {
      // The safety net for pending rows: the scheduled scan (ScanAll) re-enqueues deliveries pending for more than 60 s.
      await eventually(
        async () => {
          const [{ age }]: Array<{ age: number }> = await api.dataSource.query(
            `SELECT extract(epoch FROM now() - created_at)::float AS age FROM outbox WHERE id = $1`,
            [row.id],
          );
          return age > 62;
        },
        60_000,
        500,
      );
      const scanAll = await drift().add(JobName.ScanAll, {}, { jobId: `scan-all-fault-test-${Date.now()}` });
      let scanState = 'unknown';
      await eventually(
        async () => {
          scanState = await scanAll.getState();
          return scanState === 'completed' || scanState === 'failed';
        },
        30_000,
        250,
      ).catch(() => undefined);
      const scanJob = await drift().getJob(scanAll.id!);
      // The re-enqueue step of that scan, run directly (same service, same queue), whatever became of the scan job.
      const requeued = await api.app.get(DriftScanService).requeueStalledDeliveries();
      // The re-enqueued job waits for the last killed sender's lease (30 s after its claim) before it sends.
      await eventually(
        async () => {
          const [{ status }]: Array<{ status: string }> = await api.dataSource.query(
            `SELECT status FROM outbox WHERE id = $1`,
            [row.id],
          );
          return status === 'sent';
        },
        45_000,
        250,
      ).catch(() => undefined);
      const [{ status }]: Array<{ status: string }> = await api.dataSource.query(
        `SELECT status FROM outbox WHERE id = $1`,
        [row.id],
      );
      const j = await job();
      const diagnosis = {
        scheduledScanJob: { state: scanState, failedReason: scanJob?.failedReason, returned: scanJob?.returnvalue },
        requeueStalledDeliveries: { rowsSelected: requeued },
        deliveryJob: {
          id: j?.id,
          state: j ? await j.getState() : 'missing',
          failedReason: j?.failedReason,
          attemptsMade: j?.attemptsMade,
        },
        outboxStatus: status,
        copiesReceived: heldReceptions().length,
      };
      process.stdout.write(
        `[worker-crash-repeated] after the scheduled scan's re-enqueue: ${JSON.stringify(diagnosis)}\n`,
      );
      // Expected: the scheduled scan runs, and the row is delivered (at least once). A row left 'pending' here
      // is never retried again: a lost notification, and nothing says so.
      expect(diagnosis).toMatchObject({ scheduledScanJob: { state: 'completed' }, outboxStatus: 'sent' });
    }

    // Every other notification went out (the held recipient's other emails were re-enqueued with it).
    let others: Array<{ status: string; n: number }> = [];
    await eventually(
      async () => {
        others = await api.dataSource.query(
          `SELECT status, count(*)::int AS n FROM outbox WHERE organization_id = $1 AND id <> $2 GROUP BY status`,
          [tenant.organizationId, row.id],
        );
        return others.every((o) => o.status === 'sent');
      },
      20_000,
      250,
    ).catch(() => undefined);
    expect(others.map((o) => o.status)).toEqual(['sent']);
    // And the held email arrived once: none of the killed senders had handed it over.
    expect(heldReceptions()).toHaveLength(1);
  }, 260_000);
});

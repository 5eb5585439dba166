import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { join } from 'node:path';
import { DriftScanService } from '@app/domain';
import { JobId, JobName, QueueName } from '@app/queue';
import { createTenant, eventually, expectStatus, type Tenant, type TestApi, type TestDatabase } from '@test/support';
import { startFaultStage, stopFaultStage, type FaultStage } from './fault-stage';
import type { Reception, SlowSmtpSink } from './slow-smtp-sink';
import { assertNoUnexpectedExit, spawnWorkerProcess, workerName, type WorkerProcess } from './worker-process';

/**
 * Scenario `worker-kill`: the REAL worker (`node dist/apps/worker/src/main.js`) is SIGKILLed 20 times — 10 times
 * while it delivers a few hundred outbox emails, then 10 times in the middle of a drift scan that raises
 * thousands of alerts — and a fresh one is started after each kill.
 * Required: no alert exists twice and every expected one exists; no notification is lost (every outbox row ends
 * 'sent' and reached the SMTP server). Delivery is at least once: a worker killed after the server took a message
 * and before it recorded so leaves the row to be sent again once its lease runs out. The sink answers each message
 * 50 ms late, so kills often land in that window. Such a duplicate must carry the same Message-ID as its first copy
 * (so a mail system can drop it), and there may be no more duplicates than kills.
 *
 * Real time everywhere (the child's clock cannot be pinned): due dates are in the real past.
 */

/** Active priorities per engagement may not exceed the organization's focus cap (5); each client starts with one. */
const EXTRA_PRIORITIES_PER_ENGAGEMENT = 4;
const MILESTONES_PER_PRIORITY = 22;
/** The sink answers every message this late: the kill often lands between "server has it" and "sender knows". */
const SMTP_REPLY_DELAY_MS = 50;
/** Outgoing mail throttle of the worker (real default 10/s): slow enough that the kills land mid-way. */
const MAIL_MAX_PER_SECOND = 25;
/**
 * One delivery at a time per worker: a kill can then repeat at most the one message its worker had sent and not yet
 * recorded, which is the bar (duplicates ≤ kills). With 4 at once (the default) a kill repeats up to 4: the sink's
 * 50 ms reply keeps nearly every send in flight inside that window.
 */
const DELIVERY_CONCURRENCY = 1;
const DELIVERY_KILLS = 10;
const SCAN_KILLS = 10;
/**
 * Workers alive at once: a replacement boots (seconds on a busy machine) while the other one works, so the next
 * kill need not wait for a cold start. Each kill still targets one process holding the work in question.
 */
const ALIVE = 3;
/** Overdue milestones the scan tenant gets at once: one scan raises this many alerts (about a second of work). */
const SCAN_MILESTONES = 12_000;
/** One email per alert and recipient for the delivery tenant (up to ~200 alerts a person); batches for the scan tenant. */
const ALERT_BATCH_ABOVE = 1000;

interface Kill {
  phase: 'delivery' | 'scan';
  generation: number;
  /** Date.now() right after the snapshot query returned, just before SIGKILL. */
  at: number;
  /** Outbox ids already committed as 'sent' at that moment. */
  sent: Set<string>;
  pending: number;
  /** Outbox ids whose delivery jobs were active (in the killed worker's hands) just before the kill. */
  activeOutboxIds: string[];
  /** Scan kills: the killed worker's scan job was still active right before SIGKILL, and how long it had run. */
  scanActive?: boolean;
  scanRanMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const isoDate = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

describe('worker-kill: 20 SIGKILLs during deliveries and drift scans', () => {
  let stage: FaultStage | undefined;
  let api: TestApi;
  let database: TestDatabase | undefined;
  let sink: SlowSmtpSink;
  let tenant: Tenant;
  /** A second organization whose one big scan the second half of the kills interrupts. */
  let scanTenant: Tenant;
  let queueEnv: { prefix: string; schema: string };
  let logDir: string;
  let mailDir: string;
  const workers: WorkerProcess[] = [];
  const kills: Kill[] = [];
  const milestoneIds: string[] = [];
  const timings: Record<string, number> = {};
  let finalRunMs = 0;
  /** Rows whose delivery job BullMQ failed for stalling more than twice (killed with it three times), re-enqueued. */
  let requeuedAfterStallLimit = 0;

  const orgQuery = <T>(sql: string, params: unknown[] = []) =>
    api.dataSource.query(sql, [tenant.organizationId, ...params]) as Promise<T>;
  const organizations = () => [tenant.organizationId, scanTenant.organizationId];
  const outboxCounts = async () => {
    const rows: Array<{ status: string; n: number }> = await api.dataSource.query(
      `SELECT status, count(*)::int AS n FROM outbox WHERE organization_id = ANY($1::uuid[]) GROUP BY status`,
      [organizations()],
    );
    const count = (status: string) => rows.find((r) => r.status === status)?.n ?? 0;
    return {
      pending: count('pending'),
      sent: count('sent'),
      failed: count('failed'),
      total: rows.reduce((s, r) => s + r.n, 0),
    };
  };
  const notificationsQueue = () => api.app.get<Queue>(getQueueToken(QueueName.Notifications));
  const driftQueue = () => api.app.get<Queue>(getQueueToken(QueueName.Drift));
  const sentIds = async () =>
    new Set(
      (
        (await api.dataSource.query(
          `SELECT id FROM outbox WHERE organization_id = ANY($1::uuid[]) AND status = 'sent'`,
          [organizations()],
        )) as Array<{ id: string }>
      ).map((r) => r.id),
    );

  function spawnWorker(): WorkerProcess {
    const worker = spawnWorkerProcess(workers.length, {
      databaseUrl: database!.url,
      queuePrefix: queueEnv.prefix,
      queueSchema: queueEnv.schema,
      smtpUrl: sink.url,
      mailDir,
      logDir,
      mailMaxPerSecond: MAIL_MAX_PER_SECOND,
      extraEnv: { ALERT_BATCH_ABOVE: String(ALERT_BATCH_ABOVE), DELIVERY_CONCURRENCY: String(DELIVERY_CONCURRENCY) },
    });
    workers.push(worker);
    return worker;
  }

  const alive = () => workers.filter((w) => w.exitedAt === undefined && !w.killedByTest);
  const keepAlive = () => {
    while (alive().length < ALIVE) spawnWorker();
  };

  /**
   * Waits until one of the live workers (the oldest first) holds an active job that `isTarget` picks, waits a
   * random moment, and SIGKILLs it if it still holds one; a replacement is started at once.
   */
  async function killDuring(
    phase: Kill['phase'],
    queue: () => Queue,
    isTarget: (job: { name: string; data: unknown }) => boolean,
    delayMs: () => number,
  ): Promise<void> {
    keepAlive();
    const heldBy = async (worker: WorkerProcess) =>
      (await queue().getJobs(['active'])).filter((j) => j.processedBy === workerName(worker) && isTarget(j));
    const victim = await eventually(
      async () => {
        assertNoUnexpectedExit(workers);
        for (const w of alive()) if ((await heldBy(w)).length > 0) return w;
        return null;
      },
      60_000,
      20,
    ).catch(async (error: unknown) => {
      const jobs = await queue().getJobs(['failed', 'delayed', 'waiting', 'active'], 0, 10);
      const states = await Promise.all(jobs.map((j) => j.getState()));
      process.stdout.write(
        `[worker-kill] no ${phase} job held by a live worker; jobs: ${JSON.stringify(jobs.map((j, i) => ({ name: j.name, state: states[i], processedBy: j.processedBy, attemptsMade: j.attemptsMade, failedReason: j.failedReason })))}\n`,
      );
      throw error;
    });
    const since = Date.now();
    await sleep(delayMs());
    const stillHeld = (await heldBy(victim)).length > 0;
    const before = await outboxCounts();
    const active = (await notificationsQueue().getJobs(['active'])).filter((j) => j.processedBy === workerName(victim));
    const sent = await sentIds();
    const at = Date.now();
    assertNoUnexpectedExit(workers);
    victim.killedByTest = true;
    victim.child.kill('SIGKILL');
    kills.push({
      phase,
      generation: victim.generation,
      at,
      sent,
      pending: before.pending,
      activeOutboxIds: active.map((j) => (j.data as { outboxId: string }).outboxId),
      scanActive: phase === 'scan' ? stillHeld : undefined,
      scanRanMs: phase === 'scan' ? at - since : undefined,
    });
    if (phase === 'delivery') expect(stillHeld || active.length > 0).toBe(true);
    const exit = await victim.exited;
    expect(exit.signal).toBe('SIGKILL');
    keepAlive();
  }

  beforeAll(async () => {
    let t = Date.now();
    stage = await startFaultStage({
      logPrefix: 'throughline-faults-',
      replyDelayMs: SMTP_REPLY_DELAY_MS,
      tenantName: 'Crash',
    });
    ({ api, database, sink, queueEnv, logDir, tenant } = stage);
    scanTenant = await createTenant(api.http, 'Crash scans');
    // Owners without a user account are mailed only when the organization allows it (off by default).
    expectStatus(await scanTenant.admin.patch('/organization/settings', { notifyPeopleWithoutAccount: true }), 200);
    mailDir = join(logDir, 'mail');
    timings.stageMs = Date.now() - t;

    t = Date.now();
    // The manager looks after both clients, so every alert has an account manager among its recipients.
    for (const [who, clientId] of [
      [tenant, tenant.a.clientId],
      [tenant, tenant.b.clientId],
      [scanTenant, scanTenant.a.clientId],
    ] as const) {
      expectStatus(await who.manager.patch(`/clients/${clientId}`, { accountManagerId: who.users.manager }), 200);
    }
    const priorities: string[] = [];
    for (const scope of [tenant.a, tenant.b]) {
      for (let i = 0; i < EXTRA_PRIORITIES_PER_ENGAGEMENT; i++) {
        const owner = await tenant.manager.post('/owners', {
          clientId: scope.clientId,
          name: `Crash owner ${i}`,
          title: 'Director',
          email: `crash-owner-${i}-${scope.clientId.slice(0, 8)}@example.com`,
        });
        expectStatus(owner, 201);
        const priority = await tenant.manager.post(`/engagements/${scope.engagementId}/priorities`, {
          title: `Crash priority ${i}`,
          ownerId: owner.body.id,
          startDate: isoDate(-30),
          targetDate: isoDate(60),
        });
        expectStatus(priority, 201);
        priorities.push(priority.body.id);
      }
    }
    // One past due date for all of them: one scan sees every milestone overdue at once.
    const dueDate = isoDate(-3);
    const requests = priorities.flatMap((priorityId, p) =>
      Array.from(
        { length: MILESTONES_PER_PRIORITY },
        (_, m) => () =>
          tenant.manager.post(`/priorities/${priorityId}/milestones`, { title: `Crash milestone ${p}.${m}`, dueDate }),
      ),
    );
    for (let i = 0; i < requests.length; i += 4) {
      for (const response of await Promise.all(requests.slice(i, i + 4).map((send) => send()))) {
        expectStatus(response, 201);
        milestoneIds.push(response.body.id);
      }
    }
    // The scan the issue asks for; the milestone writes also left deadline and coalesced scan jobs behind.
    await driftQueue().add(
      JobName.ScanOrganization,
      { organizationId: tenant.organizationId },
      {
        jobId: JobId.scanOrganization(tenant.organizationId, 'fault-test'),
        attempts: 3,
        backoff: { type: 'exponential', delay: 1000 },
      },
    );
    timings.fixtureMs = Date.now() - t;
  }, 150_000);

  afterAll(async () => {
    await stopFaultStage(stage, workers);
  });

  it(`survives ${DELIVERY_KILLS} SIGKILLs during deliveries and ${SCAN_KILLS} during a scan, then finishes every delivery`, async () => {
    const started = Date.now();
    // The kills are meant for alert deliveries: start once the scan has written them. The fixture's few invitation
    // emails go out first and are over within a second; a kill aimed at one of them would hit nothing.
    keepAlive();
    await eventually(
      async () => {
        assertNoUnexpectedExit(workers);
        const [{ n }]: Array<{ n: number }> = await orgQuery(
          `SELECT count(*)::int AS n FROM outbox WHERE organization_id = $1 AND alert_id IS NOT NULL AND status = 'pending'`,
        );
        return n >= 100 ? true : null;
      },
      120_000,
      100,
    );
    for (let i = 0; i < DELIVERY_KILLS; i++) {
      await killDuring(
        'delivery',
        notificationsQueue,
        (j) => j.name === JobName.DeliverNotification,
        () => 100 + Math.floor(Math.random() * 900),
      );
    }
    timings.deliveryKillsMs = Date.now() - started;

    // The scan tenant gets thousands of overdue milestones at once (written directly: no deadline jobs), so one
    // scan of it raises that many alerts in one transaction; each round's worker is killed inside that scan.
    const scanStarted = Date.now();
    await api.dataSource.query(
      `INSERT INTO milestones (organization_id, priority_id, title, baseline_due_date, due_date, status)
       SELECT $1::uuid, CASE WHEN n % 2 = 0 THEN $2::uuid ELSE $3::uuid END, 'Scan milestone ' || n, $4::date, $4::date, 'planned'
         FROM generate_series(1, $5::int) n`,
      [scanTenant.organizationId, scanTenant.a.priorityId, scanTenant.b.priorityId, isoDate(-4), SCAN_MILESTONES],
    );
    const isScanOfTenant = (j: { name: string; data: unknown }) =>
      j.name === JobName.ScanOrganization &&
      (j.data as { organizationId: string }).organizationId === scanTenant.organizationId;
    for (let i = 0; i < SCAN_KILLS; i++) {
      // A fresh scan job each round (an earlier kill's stalled one comes back only after its lock expires).
      await driftQueue().add(
        JobName.ScanOrganization,
        { organizationId: scanTenant.organizationId },
        {
          jobId: JobId.scanOrganization(scanTenant.organizationId, `fault-kill-${i}`),
          attempts: 3,
          backoff: { type: 'exponential', delay: 1000 },
        },
      );
      await killDuring('scan', driftQueue, isScanOfTenant, () => 50 + Math.floor(Math.random() * 500));
    }
    timings.scanKillsMs = Date.now() - scanStarted;
    timings.killLoopMs = Date.now() - started;
    expect(kills).toHaveLength(DELIVERY_KILLS + SCAN_KILLS);
    // Every kill hit what it was meant to: deliveries in the worker's hands, or the scan still running.
    expect(
      kills.filter((k) => k.phase === 'delivery' && k.activeOutboxIds.length === 0).map((k) => k.generation),
    ).toEqual([]);
    expect(kills.filter((k) => k.phase === 'scan' && !k.scanActive).map((k) => k.generation)).toEqual([]);

    // The live workers run to the end: the killed scans come back as stalled jobs, every row gets sent.
    const finalStart = Date.now();
    process.stdout.write(`[worker-kill] kill loop done: ${JSON.stringify(timings)}\n`);
    let lastRequeue = 0;
    await eventually(
      async () => {
        assertNoUnexpectedExit(workers);
        // A job killed with its worker three times is failed by BullMQ ("stalled more than allowable limit"); its
        // row stays pending and the scheduled scan re-enqueues it (worker-crash-repeated covers that path). The
        // schedule is a day here, so the same step runs now, as soon as such a job exists.
        const stalledOut = (await notificationsQueue().getJobs(['failed'])).filter((j) =>
          /stalled more than allowable limit/.test(j.failedReason ?? ''),
        );
        if (stalledOut.length > requeuedAfterStallLimit && Date.now() - lastRequeue > 2000) {
          lastRequeue = Date.now();
          await api.app.get(DriftScanService).requeueStalledDeliveries(0);
          requeuedAfterStallLimit = stalledOut.length;
        }
        const [{ n }]: Array<{ n: number }> = await api.dataSource.query(
          `SELECT count(*)::int AS n FROM drift_alerts WHERE organization_id = $1 AND rule = 'milestone_overdue'`,
          [scanTenant.organizationId],
        );
        const c = await outboxCounts();
        return n >= SCAN_MILESTONES && c.pending === 0 ? true : null;
      },
      90_000,
      250,
    ).catch(async (error: unknown) => {
      const pending: Array<{ id: string; attempts: number; last_error: string | null; claimed_until: Date | null }> =
        await api.dataSource.query(
          `SELECT id, attempts, last_error, claimed_until FROM outbox WHERE organization_id = ANY($1::uuid[]) AND status = 'pending' LIMIT 10`,
          [organizations()],
        );
      const states = await Promise.all(
        pending.map(async (r) => (await notificationsQueue().getJob(JobId.delivery(r.id)))?.getState() ?? 'no job'),
      );
      const failed = (await notificationsQueue().getJobs(['failed'], 0, 3)).map((j) => j.failedReason);
      process.stdout.write(
        `[worker-kill] still pending: ${JSON.stringify(pending.map((r, i) => ({ ...r, job: states[i] })))} failed jobs: ${JSON.stringify(failed)}\n`,
      );
      throw error;
    });
    await eventually(
      async () => {
        // Delayed drift jobs are milestone deadlines in the future: not work left over.
        const [notifications, drift] = await Promise.all([
          notificationsQueue().getJobCounts('waiting', 'active', 'delayed'),
          driftQueue().getJobCounts('waiting', 'active'),
        ]);
        return (
          notifications.waiting + notifications.active + notifications.delayed + drift.waiting + drift.active === 0
        );
      },
      // How long the queues may take to empty, not a speed check: the last scans of the 12,000-alert tenant now
      // also refresh forecasts and rollups, and a delivery delayed behind a killed worker's lease waits it out.
      120_000,
      250,
    ).catch(async (error: unknown) => {
      const left = [
        ...(await notificationsQueue().getJobs(['waiting', 'active', 'delayed'], 0, 5)),
        ...(await driftQueue().getJobs(['waiting', 'active'], 0, 5)),
      ];
      const described = await Promise.all(
        left.map(async (j) => ({ name: j.name, id: j.id, state: await j.getState(), data: j.data })),
      );
      process.stdout.write(`[worker-kill] jobs left: ${JSON.stringify(described)}\n`);
      throw error;
    });
    finalRunMs = Date.now() - finalStart;
    // Every received message has been parsed.
    await eventually(async () => sink.receptions.every((r) => r.messageId !== ''), 5_000, 50);
    timings.totalMs = Date.now() - started;
  }, 360_000);

  it('raises every alert exactly once', async () => {
    const twice = await api.dataSource.query(
      `SELECT organization_id, rule, subject_type, subject_id, count(*)::int AS n FROM drift_alerts WHERE organization_id = ANY($1::uuid[]) GROUP BY 1, 2, 3, 4 HAVING count(*) > 1`,
      [organizations()],
    );
    expect(twice).toEqual([]);
    const overdue = await orgQuery<Array<{ subject_id: string }>>(
      `SELECT subject_id FROM drift_alerts WHERE organization_id = $1 AND rule = 'milestone_overdue' AND subject_id = ANY($2::uuid[])`,
      [milestoneIds],
    );
    expect(overdue).toHaveLength(milestoneIds.length);
    const [{ missing }]: Array<{ missing: number }> = await api.dataSource.query(
      `SELECT count(*)::int AS missing FROM (
         SELECT id FROM milestones WHERE organization_id = $1 AND title LIKE 'Scan milestone %'
         EXCEPT SELECT subject_id FROM drift_alerts WHERE organization_id = $1 AND rule = 'milestone_overdue') m`,
      [scanTenant.organizationId],
    );
    expect(missing).toBe(0);
  });

  it('loses no notification: one outbox row per expected recipient of every alert, all sent, none failed', async () => {
    const expected = await expectedRecipients();
    const rows = await orgQuery<
      Array<{
        id: string;
        alert_id: string;
        channel: string;
        recipient_email: string;
        status: string;
        last_error: string | null;
      }>
    >(
      // The alert notifications only: the fixture's users arrived by invitation, whose emails are not alerts.
      `SELECT id, alert_id, channel, lower(recipient_email) AS recipient_email, status, last_error FROM outbox WHERE organization_id = $1 AND event <> 'invitation.sent'`,
    );
    const expectedPairs = [...expected]
      .flatMap(([alertId, emails]) => [...emails].map((e) => `${alertId} ${e}`))
      .sort();
    const actualPairs = rows.map((r) => `${r.alert_id} ${r.recipient_email}`).sort();
    expect(rows.length).toBeGreaterThanOrEqual(400);
    expect(actualPairs).toEqual(expectedPairs);
    expect(rows.filter((r) => r.channel !== 'email')).toEqual([]);
    expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
    // The scan tenant's thousands of alerts went out as batch emails, sent too.
    const scanRows: Array<{ event: string; status: string }> = await api.dataSource.query(
      `SELECT event, status FROM outbox WHERE organization_id = $1`,
      [scanTenant.organizationId],
    );
    expect(scanRows.filter((r) => r.event === 'alerts.batch').length).toBeGreaterThan(0);
    expect(scanRows.filter((r) => r.status !== 'sent')).toEqual([]);
  });

  it('mails every outbox row at least once (lost = 0), any repeat with the same Message-ID, no more repeats than kills', async () => {
    // The stage's own database: its sign-up verification emails (of no organization yet) are these tenants' too.
    const rows: Array<{ id: string; recipient_email: string; last_error: string | null }> = await api.dataSource.query(
      `SELECT id, lower(recipient_email) AS recipient_email, last_error FROM outbox
        WHERE organization_id = ANY($1::uuid[]) OR (organization_id IS NULL AND event = 'auth.signup_verify')`,
      [organizations()],
    );
    const byRow = new Map<string, Reception[]>();
    for (const r of sink.receptions) if (r.outboxId) byRow.set(r.outboxId, [...(byRow.get(r.outboxId) ?? []), r]);
    const lost = rows.filter((r) => !byRow.has(r.id));
    const duplicated = [...byRow].filter(([, list]) => list.length > 1);
    /** Copies beyond the first, over all rows. */
    const extraCopies = duplicated.reduce((n, [, list]) => n + list.length - 1, 0);
    // The dedup key a mail system sees: every copy carries the Message-ID of the first, the row's own id.
    // Where repeats come from: rows a killed worker held at its kill (reported; the snapshot is taken just before SIGKILL).
    const heldAtKills = new Set(kills.flatMap((k) => k.activeOutboxIds));
    const repeatsOfRowsNotHeld = duplicated.filter(([id]) => !heldAtKills.has(id)).length;
    const repeatsWithOtherId = duplicated.filter(([id, list]) =>
      list.some((r) => r.messageId !== list[0].messageId || r.messageId !== `${id}@throughline`),
    );
    const wrongAddress = rows.filter((r) => (byRow.get(r.id) ?? []).some((x) => x.to !== r.recipient_email));
    const foreign = sink.receptions.filter((r) => !r.outboxId || !rows.some((row) => row.id === r.outboxId));
    // A row committed as sent at a kill never arrived again after that kill: only an unrecorded acceptance is repeated.
    const afterSnapshot = kills.flatMap((k) =>
      sink.receptions.filter((r) => r.outboxId && k.sent.has(r.outboxId) && r.receivedAt > k.at),
    );

    const sentAt = new Map(
      (
        (await api.dataSource.query(`SELECT id, sent_at FROM outbox WHERE organization_id = ANY($1::uuid[])`, [
          organizations(),
        ])) as Array<{ id: string; sent_at: Date }>
      ).map((r) => [r.id, r.sent_at.getTime()]),
    );
    // Stall recovery: how long after its kill a row the killed worker had in hand was committed by a later worker.
    const recoveries = kills
      .flatMap((k) => k.activeOutboxIds.filter((id) => !k.sent.has(id)).map((id) => (sentAt.get(id) ?? NaN) - k.at))
      .filter((ms) => ms > 0);
    const jobs = await notificationsQueue().getJobCounts('failed', 'completed');
    const failedJobs = (await notificationsQueue().getJobs(['failed'])).map((j) => j.failedReason);
    const alerts: Array<{ n: number }> = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM drift_alerts WHERE organization_id = ANY($1::uuid[])`,
      [organizations()],
    );
    const report = {
      kills: kills.map((k) => ({
        phase: k.phase,
        generation: k.generation,
        pendingAtKill: k.pending,
        activeDeliveries: k.activeOutboxIds.length,
        scanRanMs: k.scanRanMs,
      })),
      alerts: alerts[0].n,
      outboxRows: rows.length,
      receptions: sink.receptions.length,
      smtpConnections: sink.connections(),
      partialMessagesDropped: sink.partialMessages(),
      lost: lost.length,
      duplicated: extraCopies,
      duplicatedRows: duplicated.length,
      repeatsOfRowsNotHeld,
      completedAtClose: sink.receptions.filter((r) => r.completedAtClose).length,
      stallRecoveryMs: {
        n: recoveries.length,
        min: Math.min(...recoveries),
        p50: percentile(recoveries, 50),
        max: Math.max(...recoveries),
      },
      finalRunMs,
      notificationJobs: jobs,
      requeuedAfterStallLimit,
      timings,
      workerLogs: logDir,
    };
    process.stdout.write(`\n[worker-kill] ${JSON.stringify(report)}\n`);
    process.stdout.write(
      `[fault:worker-kill] kills=${kills.length} emails=${sink.receptions.length} lost=${lost.length} duplicated=${extraCopies} ` +
        `(deliveries=${kills.filter((k) => k.phase === 'delivery').length} scans=${kills.filter((k) => k.phase === 'scan').length} ` +
        `alerts=${alerts[0].n} outbox=${rows.length} duplicated-rows=${duplicated.length}) ` +
        `dot-then-close=${sink.receptions.filter((r) => r.completedAtClose).length} stall-limit-requeued=${requeuedAfterStallLimit} ` +
        `recovery=${(finalRunMs / 1000).toFixed(1)}s total=${((timings.totalMs ?? 0) / 1000).toFixed(1)}s\n`,
    );

    if (lost.length) {
      const detail = await api.dataSource.query(
        `SELECT id, claimed_until, sent_at, attempts, last_error FROM outbox WHERE id = ANY($1::uuid[])`,
        [lost.map((r) => r.id)],
      );
      process.stdout.write(
        `[worker-kill] lost rows: ${JSON.stringify(detail)} their partial messages: ${JSON.stringify(sink.partials.filter((p) => lost.some((r) => r.id === p.outboxId)))} ` +
          `kills: ${JSON.stringify(kills.map((k) => ({ generation: k.generation, at: k.at, name: workers[k.generation] ? workerName(workers[k.generation]) : null })))}\n`,
      );
    }
    expect(lost.map((r) => ({ id: r.id, lastError: r.last_error }))).toEqual([]);
    expect(repeatsWithOtherId.map(([id, list]) => ({ id, messageIds: list.map((r) => r.messageId) }))).toEqual([]);
    // A kill repeats at most the messages the killed worker had sent and not yet recorded: one (DELIVERY_CONCURRENCY).
    expect(extraCopies).toBeLessThanOrEqual(kills.length);
    expect(wrongAddress.map((r) => r.id)).toEqual([]);
    expect(foreign.map((r) => r.messageId)).toEqual([]);
    expect(afterSnapshot.map((r) => r.outboxId)).toEqual([]);
    // Only the stall limit may fail a delivery job (and its row was still sent, above).
    expect(failedJobs.filter((reason) => !/stalled more than allowable limit/.test(reason ?? ''))).toEqual([]);
  });

  /** The rules a client-side owner is mailed about, written out here rather than taken from the code under test. */
  const OWNER_FACING_RULES = [
    'milestone_overdue',
    'milestone_forecast_slip',
    'milestone_replanned',
    'priority_behind_plan',
    'forecast_beyond_target',
  ];

  /** Who should be mailed for each alert, derived independently from the tenant's data. */
  async function expectedRecipients(): Promise<Map<string, Set<string>>> {
    const alerts = await orgQuery<
      Array<{ id: string; rule: string; subject_type: string; subject_id: string; engagement_id: string | null }>
    >(`SELECT id, rule, subject_type, subject_id, engagement_id FROM drift_alerts WHERE organization_id = $1`);
    const ownerEmail = new Map(
      (
        await orgQuery<Array<{ id: string; email: string | null; client_id: string; role: string | null }>>(
          `SELECT o.id, lower(CASE WHEN o.user_id IS NULL THEN o.email ELSE u.email END) AS email, o.client_id, u.role FROM owners o LEFT JOIN users u ON u.id = o.user_id AND u.disabled_at IS NULL WHERE o.organization_id = $1`,
        )
      ).map((o) => [o.id, o]),
    );
    const priorityOwner = new Map(
      (
        await orgQuery<Array<{ id: string; owner_id: string }>>(
          `SELECT id, owner_id FROM priorities WHERE organization_id = $1`,
        )
      ).map((p) => [p.id, p.owner_id]),
    );
    const milestonePriority = new Map(
      (
        await orgQuery<Array<{ id: string; priority_id: string }>>(
          `SELECT id, priority_id FROM milestones WHERE organization_id = $1`,
        )
      ).map((m) => [m.id, m.priority_id]),
    );
    const clientManager = new Map(
      (
        await orgQuery<Array<{ id: string; email: string | null }>>(
          `SELECT c.id, lower(u.email) AS email FROM clients c LEFT JOIN users u ON u.id = c.account_manager_id AND u.disabled_at IS NULL WHERE c.organization_id = $1`,
        )
      ).map((c) => [c.id, c.email]),
    );
    const engagement = new Map(
      (
        await orgQuery<Array<{ id: string; client_id: string; executive_email: string | null }>>(
          `SELECT e.id, e.client_id, lower(CASE WHEN x.user_id IS NULL THEN x.email ELSE u.email END) AS executive_email FROM engagements e
         JOIN executives x ON x.id = e.executive_id LEFT JOIN users u ON u.id = x.user_id AND u.disabled_at IS NULL WHERE e.organization_id = $1`,
        )
      ).map((e) => [e.id, e]),
    );
    const result = new Map<string, Set<string>>();
    for (const a of alerts) {
      const emails = new Set<string>();
      const ownerId =
        a.subject_type === 'milestone'
          ? priorityOwner.get(milestonePriority.get(a.subject_id)!)
          : a.subject_type === 'priority'
            ? priorityOwner.get(a.subject_id)
            : a.subject_type === 'owner'
              ? a.subject_id
              : undefined;
      const owner = ownerId ? ownerEmail.get(ownerId) : undefined;
      // A firm user who owns a priority hears of every rule; a client-side owner (no account, or a client viewer)
      // only of what is theirs to act on (issue 14's audiences; notifyPeopleWithoutAccount is on here).
      const firmOwner = owner?.role != null && owner.role !== 'client_viewer';
      if (owner?.email && (firmOwner || OWNER_FACING_RULES.includes(a.rule))) emails.add(owner.email);
      const e = a.engagement_id ? engagement.get(a.engagement_id) : undefined;
      if (e?.executive_email) emails.add(e.executive_email);
      const manager = e
        ? clientManager.get(e.client_id)
        : a.subject_type === 'owner' && owner
          ? clientManager.get(owner.client_id)
          : undefined;
      if (manager) emails.add(manager);
      result.set(a.id, emails);
    }
    return result;
  }
});

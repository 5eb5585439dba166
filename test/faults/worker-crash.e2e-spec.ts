import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { join } from 'node:path';
import { JobId, JobName, QueueName } from '@app/queue';
import { eventually, expectStatus, type Tenant, type TestApi, type TestDatabase } from '@app/testing';
import { startFaultStage, stopFaultStage, type FaultStage } from './fault-stage';
import type { Reception, SlowSmtpSink } from './slow-smtp-sink';
import { assertNoUnexpectedExit, spawnWorkerProcess, type WorkerProcess } from './worker-process';

/**
 * Fault tolerance of deliveries: the REAL worker (`node dist/apps/worker/src/main.js`) is SIGKILLed several
 * times while it works through a few hundred outbox emails, and a fresh one is started after each kill.
 * Required: no notification is lost (every outbox row ends 'sent' and reached the SMTP server), no alert is
 * raised twice, and no row that was already committed as 'sent' is ever mailed again. A row whose send the
 * server had accepted when the kill landed (before the commit) may be mailed again, with the same Message-ID:
 * at-least-once, counted and reported.
 *
 * Real time everywhere (the child's clock cannot be pinned): due dates are in the real past.
 */

/** Active priorities per engagement may not exceed the organization's focus cap (5); each client starts with one. */
const EXTRA_PRIORITIES_PER_ENGAGEMENT = 4;
const MILESTONES_PER_PRIORITY = 12;
/** The sink answers every message this late: the kill often lands between "server has it" and "sender knows". */
const SMTP_REPLY_DELAY_MS = 50;
/** Outgoing mail throttle of the worker (real default 10/s): slow enough that the kills land mid-way. */
const MAIL_MAX_PER_SECOND = 25;
const KILLS = 7;
const MIN_KILLS = 5;
/** A kill needs at least this many rows still pending, or there is nothing left to interrupt. */
const MIN_PENDING_TO_KILL = 25;

interface Kill {
  generation: number;
  /** Date.now() right after the snapshot query returned, just before SIGKILL. */
  at: number;
  /** Outbox ids already committed as 'sent' at that moment. */
  sent: Set<string>;
  pending: number;
  /** Outbox ids whose delivery jobs were active (in the killed worker's hands) just before the kill. */
  activeOutboxIds: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const isoDate = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

describe('worker crash (SIGKILL) in the middle of deliveries', () => {
  let stage: FaultStage | undefined;
  let api: TestApi;
  let database: TestDatabase | undefined;
  let sink: SlowSmtpSink;
  let tenant: Tenant;
  let queueEnv: { prefix: string; schema: string };
  let logDir: string;
  let mailDir: string;
  const workers: WorkerProcess[] = [];
  const kills: Kill[] = [];
  const milestoneIds: string[] = [];
  const timings: Record<string, number> = {};
  let finalRunMs = 0;

  const orgQuery = <T>(sql: string, params: unknown[] = []) => api.dataSource.query(sql, [tenant.organizationId, ...params]) as Promise<T>;
  const outboxCounts = async () => {
    const rows = await orgQuery<Array<{ status: string; n: number }>>(`SELECT status, count(*)::int AS n FROM outbox WHERE organization_id = $1 GROUP BY status`);
    const count = (status: string) => rows.find((r) => r.status === status)?.n ?? 0;
    return { pending: count('pending'), sent: count('sent'), failed: count('failed'), total: rows.reduce((s, r) => s + r.n, 0) };
  };
  const notificationsQueue = () => api.app.get<Queue>(getQueueToken(QueueName.Notifications));
  const driftQueue = () => api.app.get<Queue>(getQueueToken(QueueName.Drift));

  /** The generation (index in `workers`) of the worker that was alive when an SMTP connection was opened. */
  const generationAt = (time: number) => {
    let generation = -1;
    for (const w of workers) if (w.spawnedAt <= time) generation = w.generation;
    return generation;
  };

  function spawnWorker(): WorkerProcess {
    const worker = spawnWorkerProcess(workers.length, {
      databaseUrl: database!.url, queuePrefix: queueEnv.prefix, queueSchema: queueEnv.schema, smtpUrl: sink.url, mailDir, logDir, mailMaxPerSecond: MAIL_MAX_PER_SECOND,
    });
    workers.push(worker);
    return worker;
  }

  /** Waits until the given worker has handed at least one message to the SMTP server. */
  async function waitForDeliveriesBy(worker: WorkerProcess, timeoutMs: number): Promise<void> {
    await eventually(async () => {
      assertNoUnexpectedExit(workers);
      return sink.receptions.some((r) => r.connectedAt >= worker.spawnedAt);
    }, timeoutMs, 25);
  }

  beforeAll(async () => {
    let t = Date.now();
    stage = await startFaultStage({ logPrefix: 'throughline-faults-', replyDelayMs: SMTP_REPLY_DELAY_MS, tenantName: 'Crash' });
    ({ api, database, sink, queueEnv, logDir, tenant } = stage);
    mailDir = join(logDir, 'mail');
    timings.stageMs = Date.now() - t;

    t = Date.now();
    // The manager looks after both clients, so every alert has an account manager among its recipients.
    for (const clientId of [tenant.a.clientId, tenant.b.clientId]) {
      expectStatus(await tenant.manager.patch(`/clients/${clientId}`, { accountManagerId: tenant.users.manager }), 200);
    }
    const priorities: string[] = [];
    for (const scope of [tenant.a, tenant.b]) {
      for (let i = 0; i < EXTRA_PRIORITIES_PER_ENGAGEMENT; i++) {
        const owner = await tenant.manager.post('/owners', {
          clientId: scope.clientId, name: `Crash owner ${i}`, title: 'Director', email: `crash-owner-${i}-${scope.clientId.slice(0, 8)}@example.com`,
        });
        expectStatus(owner, 201);
        const priority = await tenant.manager.post(`/engagements/${scope.engagementId}/priorities`, {
          title: `Crash priority ${i}`, ownerId: owner.body.id, startDate: isoDate(-30), targetDate: isoDate(60),
        });
        expectStatus(priority, 201);
        priorities.push(priority.body.id);
      }
    }
    // One past due date for all of them: one scan sees every milestone overdue at once.
    const dueDate = isoDate(-3);
    const requests = priorities.flatMap((priorityId, p) =>
      Array.from({ length: MILESTONES_PER_PRIORITY }, (_, m) => () => tenant.manager.post(`/priorities/${priorityId}/milestones`, { title: `Crash milestone ${p}.${m}`, dueDate })));
    for (let i = 0; i < requests.length; i += 4) {
      for (const response of await Promise.all(requests.slice(i, i + 4).map((send) => send()))) {
        expectStatus(response, 201);
        milestoneIds.push(response.body.id);
      }
    }
    // The scan the issue asks for; the milestone writes also left deadline and coalesced scan jobs behind.
    await driftQueue().add(JobName.ScanOrganization, { organizationId: tenant.organizationId }, {
      jobId: JobId.scanOrganization(tenant.organizationId, 'fault-test'), attempts: 3, backoff: { type: 'exponential', delay: 1000 },
    });
    timings.fixtureMs = Date.now() - t;
  }, 150_000);

  afterAll(async () => {
    await stopFaultStage(stage, workers);
  });

  it(`keeps delivering across ${KILLS} SIGKILLs and finishes every delivery`, async () => {
    const started = Date.now();
    let survivor: WorkerProcess | undefined;
    for (let i = 0; i < KILLS; i++) {
      const worker = spawnWorker();
      // The first worker scans first; every later one starts delivering at once (stalled jobs come back after the lock).
      await waitForDeliveriesBy(worker, 45_000);
      await sleep(150 + Math.floor(Math.random() * 1350));
      const before = await outboxCounts();
      if (before.pending < MIN_PENDING_TO_KILL) {
        survivor = worker; // too little left to interrupt: this one finishes the run
        break;
      }
      const active = await notificationsQueue().getJobs(['active']);
      const sent: Array<{ id: string }> = await orgQuery(`SELECT id FROM outbox WHERE organization_id = $1 AND status = 'sent'`);
      const at = Date.now();
      assertNoUnexpectedExit(workers);
      worker.killedByTest = true;
      worker.child.kill('SIGKILL');
      kills.push({
        generation: worker.generation, at, sent: new Set(sent.map((r) => r.id)), pending: before.pending,
        // Still 'active' rows of an earlier kill are not this worker's: keep the ones it picked up.
        activeOutboxIds: active.filter((j) => (j.processedOn ?? 0) >= worker.spawnedAt).map((j) => (j.data as { outboxId: string }).outboxId),
      });
      const exit = await worker.exited;
      expect(exit.signal).toBe('SIGKILL');
    }
    timings.killLoopMs = Date.now() - started;
    expect(kills.length).toBeGreaterThanOrEqual(MIN_KILLS);

    // The last worker runs to the end: every row sent, and nothing left in the queue to send a late copy.
    const finalStart = Date.now();
    if (!survivor) spawnWorker();
    await eventually(async () => {
      assertNoUnexpectedExit(workers);
      const c = await outboxCounts();
      return c.total > 0 && c.pending === 0;
    }, 90_000, 250);
    finalRunMs = Date.now() - finalStart;
    await eventually(async () => {
      const counts = await notificationsQueue().getJobCounts('waiting', 'active', 'delayed');
      return counts.waiting + counts.active + counts.delayed === 0;
    }, 30_000, 250);
    // Every received message has been parsed.
    await eventually(async () => sink.receptions.every((r) => r.messageId !== ''), 5_000, 50);
    timings.totalMs = Date.now() - started;
  }, 175_000);

  it('raises every alert exactly once', async () => {
    const twice = await orgQuery<unknown[]>(
      `SELECT rule, subject_type, subject_id, count(*)::int AS n FROM drift_alerts WHERE organization_id = $1 GROUP BY 1, 2, 3 HAVING count(*) > 1`);
    expect(twice).toEqual([]);
    const overdue = await orgQuery<Array<{ subject_id: string }>>(
      `SELECT subject_id FROM drift_alerts WHERE organization_id = $1 AND rule = 'milestone_overdue' AND subject_id = ANY($2::uuid[])`, [milestoneIds]);
    expect(overdue).toHaveLength(milestoneIds.length);
  });

  it('loses no notification: one outbox row per expected recipient of every alert, all sent, none failed', async () => {
    const expected = await expectedRecipients();
    const rows = await orgQuery<Array<{ id: string; alert_id: string; channel: string; recipient_email: string; status: string; last_error: string | null }>>(
      `SELECT id, alert_id, channel, lower(recipient_email) AS recipient_email, status, last_error FROM outbox WHERE organization_id = $1`);
    const expectedPairs = [...expected].flatMap(([alertId, emails]) => [...emails].map((e) => `${alertId} ${e}`)).sort();
    const actualPairs = rows.map((r) => `${r.alert_id} ${r.recipient_email}`).sort();
    expect(rows.length).toBeGreaterThanOrEqual(200);
    expect(actualPairs).toEqual(expectedPairs);
    expect(rows.filter((r) => r.channel !== 'email')).toEqual([]);
    expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);

    // And each of them reached the SMTP server, to the right address.
    const received = new Map<string, Set<string>>();
    for (const r of sink.receptions) if (r.outboxId) received.set(r.outboxId, (received.get(r.outboxId) ?? new Set()).add(r.to));
    const missing = rows.filter((r) => !received.has(r.id));
    expect(missing.map((r) => r.id)).toEqual([]);
    expect(rows.filter((r) => ![...received.get(r.id)!].every((to) => to === r.recipient_email)).map((r) => r.id)).toEqual([]);
    expect(sink.receptions.filter((r) => !r.outboxId || !rows.some((row) => row.id === r.outboxId)).map((r) => r.messageId)).toEqual([]);
  });

  it('never mails again a row that was already committed as sent', async () => {
    // At each kill: no row in that kill's "sent" snapshot arrived again after the snapshot.
    const afterSnapshot = kills.flatMap((k) =>
      sink.receptions.filter((r) => r.outboxId && k.sent.has(r.outboxId) && r.receivedAt > k.at).map((r) => ({ kill: k.generation, outboxId: r.outboxId, seq: r.seq })));
    expect(afterSnapshot).toEqual([]);

    // Stronger, over the whole run: no copy arrived after the row's committed sent_at (the worker's wall clock, same host).
    const sentAt = new Map((await orgQuery<Array<{ id: string; sent_at: Date }>>(`SELECT id, sent_at FROM outbox WHERE organization_id = $1`))
      .map((r) => [r.id, r.sent_at.getTime()]));
    const late = sink.receptions.filter((r) => r.outboxId && r.receivedAt > sentAt.get(r.outboxId)!);
    expect(late.map((r) => ({ outboxId: r.outboxId, receivedAt: r.receivedAt, sentAt: sentAt.get(r.outboxId!) }))).toEqual([]);
  });

  it('re-sends only rows whose send a kill interrupted before the commit (at-least-once), and reports them', async () => {
    const byRow = new Map<string, Reception[]>();
    for (const r of sink.receptions) if (r.outboxId) byRow.set(r.outboxId, [...(byRow.get(r.outboxId) ?? []), r]);
    const duplicatedRows = [...byRow].filter(([, list]) => list.length > 1);
    const unexplained: unknown[] = [];
    let killedBeforeReply = 0;
    let killedAfterReply = 0;
    for (const [outboxId, list] of duplicatedRows) {
      list.sort((a, b) => a.seq - b.seq);
      for (let i = 1; i < list.length; i++) {
        const earlier = list[i - 1];
        const later = list[i];
        const gEarlier = generationAt(earlier.connectedAt);
        const gLater = generationAt(later.connectedAt);
        const kill = kills.find((k) => k.generation === gEarlier);
        // Explained only if the earlier copy came from a worker that was then killed, before that worker
        // committed the row (the row is not in that kill's snapshot), and the copy came from a later worker.
        if (!kill || gLater <= gEarlier || kill.sent.has(outboxId) || earlier.receivedAt > kill.at + 1000) {
          unexplained.push({ outboxId, earlier: { seq: earlier.seq, generation: gEarlier, at: earlier.receivedAt }, later: { seq: later.seq, generation: gLater, at: later.receivedAt }, killAt: kill?.at });
        } else if (earlier.repliedOnOpenConnection === false) killedBeforeReply += 1;
        else killedAfterReply += 1;
      }
    }

    // Stall recovery: how long after its kill a row the killed worker had in hand was committed by a later worker.
    const sentAt = new Map((await orgQuery<Array<{ id: string; sent_at: Date }>>(`SELECT id, sent_at FROM outbox WHERE organization_id = $1`))
      .map((r) => [r.id, r.sent_at.getTime()]));
    const recoveries = kills.flatMap((k) => k.activeOutboxIds.filter((id) => !k.sent.has(id)).map((id) => (sentAt.get(id) ?? NaN) - k.at)).filter((ms) => ms > 0);
    const counts = await outboxCounts();
    const failedJobs = await notificationsQueue().getJobCounts('failed', 'completed');
    const report = {
      outboxRows: counts.total,
      alerts: (await orgQuery<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM drift_alerts WHERE organization_id = $1`))[0].n,
      receptions: sink.receptions.length,
      smtpConnections: sink.connections(),
      partialMessagesDropped: sink.partialMessages(),
      kills: kills.map((k) => ({ generation: k.generation, pendingAtKill: k.pending, sentAtKill: k.sent.size, activeJobsAtKill: k.activeOutboxIds.length })),
      duplicatedRows: duplicatedRows.length,
      extraCopies: sink.receptions.length - byRow.size,
      resentKilledWhileWaitingFor250: killedBeforeReply,
      resentKilledAfter250BeforeCommit: killedAfterReply,
      unexplainedDuplicates: unexplained.length,
      stallRecoveryMs: { n: recoveries.length, min: Math.min(...recoveries), p50: percentile(recoveries, 50), max: Math.max(...recoveries) },
      finalRunToAllSentMs: finalRunMs,
      notificationJobs: failedJobs,
      timings,
      workerLogs: logDir,
    };
    process.stdout.write(`\n[worker-crash] ${JSON.stringify(report, null, 2)}\n`);

    expect(unexplained).toEqual([]);
    expect(failedJobs.failed).toBe(0);
  });

  /** Who should be mailed for each alert, derived independently from the tenant's data. */
  async function expectedRecipients(): Promise<Map<string, Set<string>>> {
    const alerts = await orgQuery<Array<{ id: string; subject_type: string; subject_id: string; engagement_id: string | null }>>(
      `SELECT id, subject_type, subject_id, engagement_id FROM drift_alerts WHERE organization_id = $1`);
    const ownerEmail = new Map((await orgQuery<Array<{ id: string; email: string | null; client_id: string }>>(
      `SELECT o.id, lower(COALESCE(u.email, o.email)) AS email, o.client_id FROM owners o LEFT JOIN users u ON u.id = o.user_id AND u.disabled_at IS NULL WHERE o.organization_id = $1`))
      .map((o) => [o.id, o]));
    const priorityOwner = new Map((await orgQuery<Array<{ id: string; owner_id: string }>>(`SELECT id, owner_id FROM priorities WHERE organization_id = $1`)).map((p) => [p.id, p.owner_id]));
    const milestonePriority = new Map((await orgQuery<Array<{ id: string; priority_id: string }>>(`SELECT id, priority_id FROM milestones WHERE organization_id = $1`)).map((m) => [m.id, m.priority_id]));
    const clientManager = new Map((await orgQuery<Array<{ id: string; email: string | null }>>(
      `SELECT c.id, lower(u.email) AS email FROM clients c LEFT JOIN users u ON u.id = c.account_manager_id AND u.disabled_at IS NULL WHERE c.organization_id = $1`)).map((c) => [c.id, c.email]));
    const engagement = new Map((await orgQuery<Array<{ id: string; client_id: string; executive_email: string | null }>>(
      `SELECT e.id, e.client_id, lower(COALESCE(u.email, x.email)) AS executive_email FROM engagements e
         JOIN executives x ON x.id = e.executive_id LEFT JOIN users u ON u.id = x.user_id AND u.disabled_at IS NULL WHERE e.organization_id = $1`)).map((e) => [e.id, e]));
    const result = new Map<string, Set<string>>();
    for (const a of alerts) {
      const emails = new Set<string>();
      const ownerId = a.subject_type === 'milestone' ? priorityOwner.get(milestonePriority.get(a.subject_id)!)
        : a.subject_type === 'priority' ? priorityOwner.get(a.subject_id)
          : a.subject_type === 'owner' ? a.subject_id : undefined;
      const owner = ownerId ? ownerEmail.get(ownerId) : undefined;
      if (owner?.email) emails.add(owner.email);
      const e = a.engagement_id ? engagement.get(a.engagement_id) : undefined;
      if (e?.executive_email) emails.add(e.executive_email);
      const manager = e ? clientManager.get(e.client_id) : a.subject_type === 'owner' && owner ? clientManager.get(owner.client_id) : undefined;
      if (manager) emails.add(manager);
      result.set(a.id, emails);
    }
    return result;
  }
});

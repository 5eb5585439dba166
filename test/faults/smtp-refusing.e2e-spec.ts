import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { join } from 'node:path';
import { JobId, JobName, QueueName } from '@app/queue';
import { eventually, expectStatus, type Tenant, type TestApi } from '@test/support';
import { startFaultStage, stopFaultStage, type FaultStage } from './fault-stage';
import type { Reception, SlowSmtpSink } from './slow-smtp-sink';
import { assertNoUnexpectedExit, spawnWorkerProcess, type WorkerProcess } from './worker-process';

/**
 * Scenario `smtp-refusing`: the real worker delivers alert emails to a mail server that refuses them after the
 * final "." (the whole message was on the wire): every message twice with 451 before taking it; one recipient's
 * mailbox answers 550 every time; another's 451 every time. Required: retries with backoff, then
 * - the refused-twice rows end `sent`, accepted exactly once (lost 0, duplicated 0), after three attempts;
 * - the 550 rows end `failed` after one attempt, with the server's reply recorded, never retried;
 * - the always-451 rows end `failed` after NOTIFICATION_ATTEMPTS attempts, with the 451 reply recorded;
 * - no row stays pending, and no delivery job is left.
 */

const ATTEMPTS = 4;
const REFUSALS_BEFORE_ACCEPT = 2;
const MILESTONES_PER_OWNER = 6;
const isoDate = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('smtp-refusing: 4xx then 5xx from the mail server', () => {
  let stage: FaultStage | undefined;
  let api: TestApi;
  let sink: SlowSmtpSink;
  let tenant: Tenant;
  const workers: WorkerProcess[] = [];
  const tag = Math.random().toString(36).slice(2, 8);
  const bounceEmail = `bounce-${tag}@example.com`;
  const tempfailEmail = `tempfail-${tag}@example.com`;
  const started = Date.now();

  const notifications = () => api.app.get<Queue>(getQueueToken(QueueName.Notifications));
  // The stage's own database: its sign-up verification email (of no organization yet) goes through the same server.
  const rows = () =>
    api.dataSource.query(
      `SELECT id, lower(recipient_email) AS email, status, attempts, last_error FROM outbox
        WHERE organization_id = $1 OR (organization_id IS NULL AND event = 'auth.signup_verify')`,
      [tenant.organizationId],
    ) as Promise<Array<{ id: string; email: string; status: string; attempts: number; last_error: string | null }>>;

  beforeAll(async () => {
    stage = await startFaultStage({ logPrefix: 'throughline-faults-smtp-', replyDelayMs: 0, tenantName: 'Refusing' });
    ({ api, sink, tenant } = stage);
    expectStatus(
      await tenant.manager.patch(`/clients/${tenant.a.clientId}`, { accountManagerId: tenant.users.manager }),
      200,
    );
    for (const [i, email] of [`ok-${tag}@example.com`, bounceEmail, tempfailEmail].entries()) {
      const owner = await tenant.manager.post('/owners', {
        clientId: tenant.a.clientId,
        name: `Owner ${i}`,
        title: 'Director',
        email,
      });
      expectStatus(owner, 201);
      const priority = await tenant.manager.post(`/engagements/${tenant.a.engagementId}/priorities`, {
        title: `Refusing priority ${i}`,
        ownerId: owner.body.id,
        startDate: isoDate(-30),
        targetDate: isoDate(60),
      });
      expectStatus(priority, 201);
      for (let m = 0; m < MILESTONES_PER_OWNER; m++) {
        expectStatus(
          await tenant.manager.post(`/priorities/${priority.body.id}/milestones`, {
            title: `Refused ${i}.${m}`,
            dueDate: isoDate(-3),
          }),
          201,
        );
      }
    }
    const copies = new Map<string, number>();
    sink.setRefusal((r: Reception) => {
      if (r.to === bounceEmail) return { code: 550, message: '5.1.1 mailbox unavailable' };
      if (r.to === tempfailEmail) return { code: 451, message: '4.3.0 try again later' };
      const n = (copies.get(r.outboxId ?? r.messageId) ?? 0) + 1;
      copies.set(r.outboxId ?? r.messageId, n);
      return n <= REFUSALS_BEFORE_ACCEPT ? { code: 451, message: '4.7.1 greylisted, try again later' } : null;
    });
    workers.push(
      spawnWorkerProcess(0, {
        databaseUrl: stage.database.url,
        queuePrefix: stage.queueEnv.prefix,
        queueSchema: stage.queueEnv.schema,
        smtpUrl: sink.url,
        mailDir: join(stage.logDir, 'mail'),
        logDir: stage.logDir,
        mailMaxPerSecond: 50,
        extraEnv: { NOTIFICATION_ATTEMPTS: String(ATTEMPTS), ALERT_BATCH_ABOVE: '1000' },
      }),
    );
    await api.app.get<Queue>(getQueueToken(QueueName.Drift)).add(
      JobName.ScanOrganization,
      { organizationId: tenant.organizationId },
      {
        jobId: JobId.scanOrganization(tenant.organizationId, 'fault-smtp'),
      },
    );
  }, 90_000);

  afterAll(async () => {
    await stopFaultStage(stage, workers);
  });

  it('retries with backoff until every row is sent once or failed with the reply recorded', async () => {
    await eventually(
      async () => {
        assertNoUnexpectedExit(workers);
        const all = await rows();
        return all.length > 0 && all.every((r) => r.status !== 'pending');
      },
      80_000,
      250,
    );
    await eventually(
      async () => {
        const c = await notifications().getJobCounts('waiting', 'active', 'delayed');
        return c.waiting + c.active + c.delayed === 0;
      },
      10_000,
      100,
    );

    const all = await rows();
    const bounced = all.filter((r) => r.email === bounceEmail);
    const tempfailed = all.filter((r) => r.email === tempfailEmail);
    const others = all.filter((r) => r.email !== bounceEmail && r.email !== tempfailEmail);
    expect(bounced.length).toBeGreaterThan(0);
    expect(tempfailed.length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThan(bounced.length);

    // 550: failed at the first attempt, the reply kept.
    expect(bounced.filter((r) => r.status !== 'failed' || r.attempts !== 1 || !r.last_error?.includes('550'))).toEqual(
      [],
    );
    // 451 every time: failed after the last attempt, the reply kept.
    expect(
      tempfailed.filter((r) => r.status !== 'failed' || r.attempts !== ATTEMPTS || !r.last_error?.includes('451')),
    ).toEqual([]);
    // 451 twice, then accepted: sent on the third attempt.
    expect(others.filter((r) => r.status !== 'sent' || r.attempts !== REFUSALS_BEFORE_ACCEPT + 1)).toEqual([]);

    // Counted in the sink: each sent row accepted exactly once; failed rows never accepted.
    const acceptedById = new Map<string, number>();
    for (const r of sink.accepted())
      if (r.outboxId) acceptedById.set(r.outboxId, (acceptedById.get(r.outboxId) ?? 0) + 1);
    const lost = others.filter((r) => !acceptedById.has(r.id));
    const duplicated = [...acceptedById].filter(([, n]) => n > 1);
    expect(lost.map((r) => r.id)).toEqual([]);
    expect(duplicated).toEqual([]);
    expect([...bounced, ...tempfailed].filter((r) => acceptedById.has(r.id)).map((r) => r.id)).toEqual([]);
    const refused = (code: number) => sink.receptions.filter((r) => r.refusedWith?.code === code).length;
    expect(refused(550)).toBe(bounced.length);
    expect(refused(451)).toBe(others.length * REFUSALS_BEFORE_ACCEPT + tempfailed.length * ATTEMPTS);

    const jobs = await notifications().getJobCounts('failed', 'completed');
    process.stdout.write(
      `\n[fault:smtp-refusing] rows=${all.length} sent=${others.length} failed=${bounced.length + tempfailed.length} (550=${bounced.length} 451-exhausted=${tempfailed.length}) ` +
        `refusals451=${refused(451)} refusals550=${refused(550)} accepted=${sink.accepted().length} lost=${lost.length} duplicated=${duplicated.length} ` +
        `jobs=${JSON.stringify(jobs)} duration=${((Date.now() - started) / 1000).toFixed(1)}s\n`,
    );
  }, 100_000);
});

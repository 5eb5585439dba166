import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateQueueSchema } from '@app/queue';
import {
  createTenant,
  createTestDatabase,
  dropTestDatabase,
  expectStatus,
  queueIsolation,
  startTestApi,
  type Tenant,
  type TestApi,
  type TestDatabase,
} from '@test/support';
import { startSlowSmtpSink, type SlowSmtpSink } from './slow-smtp-sink';
import { crash, ensureWorkerBuilt, type WorkerProcess } from './worker-process';

/** What every fault test runs against: its own database, queue names, API, SMTP sink and tenant. */
export interface FaultStage {
  api: TestApi;
  database: TestDatabase;
  sink: SlowSmtpSink;
  queueEnv: { prefix: string; schema: string };
  /** Where the spawned workers' logs go. */
  logDir: string;
  tenant: Tenant;
}

/**
 * Sets the stage up. A database of its own: the real worker's schedulers (drift scan, digest dispatcher) look at
 * every organization they can see, and other suites' organizations (and their emails) must not mix into the counts.
 */
export async function startFaultStage(options: {
  logPrefix: string;
  replyDelayMs: number;
  tenantName: string;
}): Promise<FaultStage> {
  ensureWorkerBuilt();
  const stage: Partial<FaultStage> = {
    logDir: mkdtempSync(join(tmpdir(), options.logPrefix)),
    queueEnv: queueIsolation(),
  };
  try {
    stage.sink = await startSlowSmtpSink({ replyDelayMs: options.replyDelayMs });
    stage.database = await createTestDatabase(process.env.THROUGHLINE_TEST_SERVER_URL);
    await migrateQueueSchema(stage.database.url, stage.queueEnv!.schema);
    stage.api = await startTestApi({
      DATABASE_URL: stage.database.url,
      QUEUE_PREFIX: stage.queueEnv!.prefix,
      QUEUE_SCHEMA: stage.queueEnv!.schema,
    });
    stage.tenant = await createTenant(stage.api.http, options.tenantName);
    // The fault tests mail owners who have no user account: allowed here, off by default.
    expectStatus(await stage.tenant.admin.patch('/organization/settings', { notifyPeopleWithoutAccount: true }), 200);
    return stage as FaultStage;
  } catch (error) {
    await stopFaultStage(stage, []);
    throw error;
  }
}

/** Kills the workers still running and takes the stage down (what exists of it). */
export async function stopFaultStage(
  stage: Partial<FaultStage> | undefined,
  workers: readonly WorkerProcess[],
): Promise<void> {
  for (const w of workers) await crash(w);
  await stage?.api?.close();
  await stage?.sink?.close();
  if (stage?.database) await dropTestDatabase(stage.database);
}

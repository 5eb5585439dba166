import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appDatabaseUrl } from '@app/database';
import { Clock, ssoKey, unsubscribeKey } from '@app/domain';
import { TEST_JWT_SECRET, TEST_PUBLIC_URL } from './test-env';
import { pinnableClock } from './pin-clock';
import { QueueName, type QueueConnectionConfig } from '@app/queue';
import { WorkerModule } from '../../apps/worker/src/worker.module';

export interface TestWorker {
  app: INestApplicationContext;
  driftQueue: Queue;
  notificationsQueue: Queue;
  digestsQueue: Queue;
  mailDir: string;
  setNow(instant: Date | null): void;
  close(): Promise<void>;
}

/** The real worker module (processors, scans, deliveries) in this process, on the given queue backend. */
export async function startTestWorker(options: {
  databaseUrl: string;
  queue: QueueConnectionConfig;
  smtpUrl?: string;
  notificationAttempts?: number;
  disableWebhookAfterFailures?: number;
  alertBatchAbove?: number;
  publicUrl?: string;
  digestConcurrency?: number;
  deliveryConcurrency?: number;
  maxMessagesPerSecond?: number;
  /** Run the job schedulers (drift scan, digest dispatcher) as production does. */
  schedule?: boolean;
}): Promise<TestWorker> {
  const mailDir = mkdtempSync(join(tmpdir(), 'throughline-mail-'));
  // The test API's PUBLIC_URL (test-env.ts), unless a test asks for another.
  const publicUrl = options.publicUrl ?? TEST_PUBLIC_URL;
  const app = await NestFactory.createApplicationContext(
    WorkerModule.forRoot({
      // As the application role, like the real worker (main.ts); options.databaseUrl is the owner's.
      database: { url: appDatabaseUrl({ ownerUrl: options.databaseUrl }), poolSize: 3 },
      queue: { connection: options.queue, notificationAttempts: options.notificationAttempts ?? 3 },
      mail: {
        smtpUrl: options.smtpUrl,
        mailDir,
        from: 'Throughline <alerts@throughline.test>',
        maxMessagesPerSecond: options.maxMessagesPerSecond ?? 200,
      },
      publicUrl,
      domain: {
        driftScan: { publicUrl, alertBatchAbove: options.alertBatchAbove ?? 5 },
        // Test receivers listen on loopback.
        webhookPolicy: { allowPrivateTargets: true },
        // The same key as the test API derives from its JWT secret, so the API verifies what the worker signs.
        digests: { publicUrl, unsubscribeKey: unsubscribeKey(undefined, TEST_JWT_SECRET) },
        sso: { secretKey: ssoKey(undefined, TEST_JWT_SECRET), allowHttpIssuers: true, publicUrl },
      },
      scanEveryMinutes: 15,
      disableWebhookAfterFailures: options.disableWebhookAfterFailures ?? 5,
      digests: { dispatchEveryMinutes: 15, concurrency: options.digestConcurrency ?? 4 },
      deliveryConcurrency: options.deliveryConcurrency,
      schedule: options.schedule ?? false,
    }),
    { logger: false },
  );
  await app.init();
  const setNow = pinnableClock(app.get(Clock));
  return {
    app,
    driftQueue: app.get<Queue>(getQueueToken(QueueName.Drift)),
    notificationsQueue: app.get<Queue>(getQueueToken(QueueName.Notifications)),
    digestsQueue: app.get<Queue>(getQueueToken(QueueName.Digests)),
    mailDir,
    setNow,
    close: () => app.close(),
  };
}

/** Polls until `check` returns a truthy value (or throws the last error at the deadline). */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 15_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw lastError instanceof Error ? lastError : new Error(`condition not met within ${timeoutMs} ms`);
}

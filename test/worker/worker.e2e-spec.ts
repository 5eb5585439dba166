import { getQueueToken } from '@nestjs/bullmq';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { appDatabaseUrl, createDataSource, Db } from '@app/database';
import { JobName, migrateQueueSchema, QueueName, selectQueueBackend } from '@app/queue';
import { ssoKey, unsubscribeKey } from '@app/domain';
import { eventually, queueIsolation, TEST_JWT_SECRET, TEST_PUBLIC_URL, testEnvironment } from '@test/support';
import { startHealthServer } from '../../apps/worker/src/health-server';
import { assertEveryJobHandled } from '../../apps/worker/src/processors/job-handlers';
import { WorkerModule } from '../../apps/worker/src/worker.module';

describe('worker', () => {
  let app: INestApplicationContext;
  let server: Server;
  let port: number;
  /** The owner's connection, for fixtures: the worker itself connects as throughline_app. */
  let owner: DataSource;

  beforeAll(async () => {
    const env = testEnvironment();
    const { prefix, schema } = queueIsolation();
    await migrateQueueSchema(env.DATABASE_URL!, schema);
    const databaseUrl = appDatabaseUrl({ ownerUrl: env.DATABASE_URL! });
    const queue = selectQueueBackend({ databaseUrl, prefix, poolSize: 2, schema });
    owner = await createDataSource({ url: env.DATABASE_URL!, poolSize: 2 }).initialize();
    app = await NestFactory.createApplicationContext(
      WorkerModule.forRoot({
        database: { url: databaseUrl, poolSize: 2 },
        queue: { connection: queue, notificationAttempts: 2 },
        mail: {
          mailDir: mkdtempSync(join(tmpdir(), 'throughline-mail-')),
          from: 'test@throughline.local',
          maxMessagesPerSecond: 100,
        },
        publicUrl: TEST_PUBLIC_URL,
        domain: {
          driftScan: { publicUrl: TEST_PUBLIC_URL, alertBatchAbove: 5 },
          webhookPolicy: { allowPrivateTargets: true },
          digests: { publicUrl: TEST_PUBLIC_URL, unsubscribeKey: unsubscribeKey(undefined, TEST_JWT_SECRET) },
          sso: { secretKey: ssoKey(undefined, TEST_JWT_SECRET), allowHttpIssuers: true, publicUrl: TEST_PUBLIC_URL },
        },
        scanEveryMinutes: 15,
        disableWebhookAfterFailures: 5,
        schedule: false,
      }),
      { logger: false },
    );
    server = await startHealthServer(0, {
      database: app.get(Db).reader,
      queue: app.get<Queue>(getQueueToken(QueueName.Drift)),
      backend: queue.kind,
    });
    const address = server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(async () => {
    server.close();
    await app.close();
    await owner.destroy();
  });

  it('boots, connects to the database and the queue, and reports health', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      database: 'up',
      queue: 'up',
      queueBackend: 'postgres',
    });
  });

  it('serves nothing else over HTTP', async () => {
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(404);
  });

  it('the scheduled scan fans out one scan per organization', async () => {
    const dataSource = owner;
    await dataSource.query(`INSERT INTO organizations (name) VALUES ('Fan-out A'), ('Fan-out B')`);
    const queue = app.get<Queue>(getQueueToken(QueueName.Drift));
    await queue.add(JobName.ScanAll, {});
    await eventually(async () => {
      const [row]: Array<{ n: number }> = await dataSource.query(
        `SELECT count(*)::int AS n FROM organizations WHERE last_drift_scan_at IS NULL`,
      );
      return row.n === 0;
    }, 30_000);
    const failed = await queue.getJobs(['failed']);
    expect(failed.map((j) => `${j.name}: ${j.failedReason}`)).toEqual([]);
  });

  it('refuses to start when a job name has no handler', () => {
    expect(() => assertEveryJobHandled([{ 'drift.scan-all': async () => undefined }])).toThrow(
      /no handler for drift\.scan-organization/,
    );
  });
});

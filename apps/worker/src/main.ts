import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { resolve } from 'node:path';
import type { Queue } from 'bullmq';
import { loadEnvironmentOrExit, projectRoot, resolveJwtSecret } from '@app/config';
import { appDatabaseUrl, Db } from '@app/database';
import { domainOptionsFromEnvironment } from '@app/domain';
import { createLogger, stopWhenLauncherGoes } from '@app/platform';
import { QueueName, selectQueueBackend } from '@app/queue';
import { startHealthServer } from './health-server';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const env = loadEnvironmentOrExit({ require: ['PUBLIC_URL'] });
  const logger = createLogger(env, 'Worker');
  if (!env.DATABASE_URL)
    throw new Error('DATABASE_URL is not set: run `npm start`, which starts embedded PostgreSQL, or set it');
  // As the application role, never the owner: row-level security applies to it (docs/security-controls.md, "Database isolation").
  const databaseUrl = appDatabaseUrl({
    ownerUrl: env.DATABASE_URL,
    appUrl: env.DATABASE_APP_URL,
    appPassword: env.DATABASE_APP_PASSWORD,
  });
  // Before Nest builds any module: producers and workers must share one backend.
  const queue = selectQueueBackend({
    redisUrl: env.REDIS_URL,
    databaseUrl,
    prefix: env.QUEUE_PREFIX,
    poolSize: 3,
    schema: env.QUEUE_SCHEMA,
  });
  const app = await NestFactory.createApplicationContext(
    WorkerModule.forRoot({
      database: {
        url: databaseUrl,
        poolSize: Math.min(env.DATABASE_POOL_SIZE, 5),
        applicationName: 'throughline-worker',
      },
      queue: { connection: queue, notificationAttempts: env.NOTIFICATION_ATTEMPTS },
      mail: {
        smtpUrl: env.SMTP_URL,
        mailDir: resolve(projectRoot(), env.MAIL_DIR),
        from: env.MAIL_FROM,
        maxMessagesPerSecond: env.MAIL_MAX_PER_SECOND,
      },
      publicUrl: env.PUBLIC_URL,
      domain: domainOptionsFromEnvironment(env, resolveJwtSecret(env)),
      scanEveryMinutes: env.DRIFT_SCAN_EVERY_MINUTES,
      disableWebhookAfterFailures: env.WEBHOOK_DISABLE_AFTER_FAILURES,
      digests: { dispatchEveryMinutes: env.DIGEST_DISPATCH_EVERY_MINUTES, concurrency: env.DIGEST_CONCURRENCY },
      deliveryConcurrency: env.DELIVERY_CONCURRENCY,
      schedule: true,
    }),
    { logger },
  );
  app.enableShutdownHooks();
  const server =
    env.WORKER_HEALTH_PORT > 0
      ? await startHealthServer(env.WORKER_HEALTH_PORT, {
          database: app.get(Db).reader,
          queue: app.get<Queue>(getQueueToken(QueueName.Drift)),
          backend: queue.kind,
        })
      : null;
  logger.log(
    `Worker ready: queues on ${queue.kind}${server ? `, health on http://127.0.0.1:${env.WORKER_HEALTH_PORT}/health` : ''}; links in emails start with ${env.PUBLIC_URL}`,
  );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`Worker stopping (${signal}): letting running jobs finish`);
    server?.close();
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  stopWhenLauncherGoes((reason) => void stop(reason));
}

main().catch((error: unknown) => {
  process.stderr.write(`Worker failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { loadEnvironmentOrExit } from '@app/config';
import { createLogger } from '../../api/src/bootstrap';
import { startHealthServer } from './health-server';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const env = loadEnvironmentOrExit();
  const logger = createLogger(env, 'Worker');
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run `npm start`, which starts embedded PostgreSQL, or set it');
  const app = await NestFactory.createApplicationContext(
    WorkerModule.forRoot({ url: env.DATABASE_URL, poolSize: Math.min(env.DATABASE_POOL_SIZE, 5), applicationName: 'throughline-worker' }),
    { logger },
  );
  app.enableShutdownHooks();
  const dataSource = app.get(DataSource);
  await dataSource.query('SELECT 1');
  const server = env.WORKER_HEALTH_PORT > 0 ? await startHealthServer(env.WORKER_HEALTH_PORT, dataSource) : null;
  logger.log(`Worker ready${server ? ` (health on http://127.0.0.1:${env.WORKER_HEALTH_PORT}/health)` : ''}`);
  const stop = async (signal: string) => {
    logger.log(`Worker stopping (${signal})`);
    server?.close();
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Worker failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

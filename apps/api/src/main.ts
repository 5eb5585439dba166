import 'reflect-metadata';
import { loadEnvironmentOrExit } from '@app/config';
import { createLogger, stopWhenLauncherGoes } from '@app/platform';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const env = loadEnvironmentOrExit({ require: ['PUBLIC_URL'] });
  const logger = createLogger(env, 'API');
  const app = await createApiApp(env, { logger });
  // Nest's shutdown hooks close the app on these signals; this only says so.
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.once(signal, () => logger.log(`API stopping (${signal})`));
  stopWhenLauncherGoes((reason) => {
    logger.warn(`API stopping: ${reason}`);
    void app.close().finally(() => process.exit(0));
  });
  await app.listen(env.PORT, env.HOST);
  logger.log(
    `API listening on http://localhost:${env.PORT} (docs at /api/docs); links in emails start with ${env.PUBLIC_URL}`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`API failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

import 'reflect-metadata';
import { loadEnvironmentOrExit } from '@app/config';
import { createApiApp, createLogger } from './bootstrap';

async function main(): Promise<void> {
  const env = loadEnvironmentOrExit();
  const logger = createLogger(env, 'API');
  const app = await createApiApp(env, { logger });
  await app.listen(env.PORT, env.HOST);
  logger.log(`API listening on http://localhost:${env.PORT} (docs at /api/docs)`);
}

main().catch((error: unknown) => {
  process.stderr.write(`API failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

import 'reflect-metadata';
import { loadEnvironmentOrExit } from '@app/config';
import { createDataSource, runMigrations, syncAppRolePassword } from '@app/database';
import { migrateQueueSchema } from '@app/queue';
import { resolveDatabase } from './database-target';

/** `npm run migration:run` and the docker-compose `migrate` service: apply pending migrations, then exit. */
async function main(): Promise<void> {
  const env = loadEnvironmentOrExit();
  const log = (line: string) => process.stdout.write(`[migrate] ${line}\n`);
  const target = await resolveDatabase(env, log);
  const dataSource = await createDataSource({ url: target.url, applicationName: 'throughline-migrate' }).initialize();
  try {
    const applied = await runMigrations(dataSource);
    log(applied.length ? `applied ${applied.join(', ')}` : 'schema is up to date');
    await syncAppRolePassword(dataSource, {
      ownerUrl: target.url,
      appUrl: env.DATABASE_APP_URL,
      appPassword: env.DATABASE_APP_PASSWORD,
    });
    if (!env.REDIS_URL)
      log(`queue schema (bullmq) at version ${await migrateQueueSchema(target.url, env.QUEUE_SCHEMA)}`);
  } finally {
    await dataSource.destroy();
    await target.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[migrate] failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

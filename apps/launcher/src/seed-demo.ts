import 'reflect-metadata';
import { loadEnvironmentOrExit } from '@app/config';
import { createDataSource, runMigrations } from '@app/database';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoOrganization } from '@app/domain';
import { resolveDatabase } from './database-target';

/** `npm run seed:demo`: (re-)creates the demo organization, in DATABASE_URL's database when set. */
async function main(): Promise<void> {
  const env = loadEnvironmentOrExit();
  const log = (line: string) => process.stdout.write(`[seed] ${line}\n`);
  const target = await resolveDatabase(env, log);
  const dataSource = await createDataSource({ url: target.url, applicationName: 'throughline-seed' }).initialize();
  try {
    await runMigrations(dataSource);
    const { organizationId } = await seedDemoOrganization(dataSource);
    log(
      `demo organization ${organizationId} created; logins (password ${DEMO_PASSWORD}): ${DEMO_LOGINS.map((l) => l.email).join(', ')}`,
    );
  } finally {
    await dataSource.destroy();
    await target.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[seed] failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
